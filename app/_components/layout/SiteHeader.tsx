import Link from "next/link";
import { AccountLink } from "@/app/_components/account/AccountLink";
import { ThemeToggle } from "./ThemeToggle";

export const siteName = "Keystone";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
      <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-2 px-3 sm:gap-4 sm:px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900 dark:text-slate-100">
          <span aria-hidden="true" className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white">
            K
          </span>
          {/* Below 400 px the badge stands for the name, so the account link fits beside the others. */}
          <span className="sr-only min-[400px]:not-sr-only">{siteName}</span>
          <span className="hidden text-sm font-normal text-slate-600 sm:inline dark:text-slate-400">AWS certification prep</span>
        </Link>
        <nav aria-label="Site" className="flex items-center gap-0.5 text-sm sm:gap-3">
          <Link href="/sandbox" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Sandbox
          </Link>
          <Link href="/labs" className="hidden rounded px-2 py-1 sm:inline text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Labs
          </Link>
          <Link href="/practice" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Practice
          </Link>
          <Link href="/dashboard" className="hidden rounded px-2 py-1 sm:inline text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Dashboard
          </Link>
          {/* On a phone the footer links the dashboard, the exam points and the corrections; the header keeps what fits. */}
          <Link href="/exam-points" className="hidden rounded px-2 py-1 sm:inline text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Exam points
          </Link>
          <Link href="/errata" className="hidden rounded px-2 py-1 sm:inline text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Corrections
          </Link>
          <AccountLink />
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
