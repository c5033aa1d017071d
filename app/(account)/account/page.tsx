import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChangePasswordForm, DeleteAccountForm, SignOutButton } from "@/app/_components/account/AccountActions";
import { currentUser } from "@/lib/auth/session";

// Rendered per request: the page carries a per-request CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage() {
  const user = await currentUser(await headers());
  if (!user) redirect("/sign-in?next=/account");
  return (
    <div className="mx-auto max-w-2xl space-y-10 py-8">
      <header>
        <h1 className="text-3xl font-bold">Your account</h1>
        <p className="mt-3 text-slate-700 dark:text-slate-300">
          Signed in as <strong>{user.name}</strong> ({user.email}){user.role === "instructor" ? ", instructor" : ""}.
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link href="/dashboard" className="rounded-md border border-brand-600 px-4 py-2 font-semibold text-brand-700 dark:text-brand-300">
            Your dashboard
          </Link>
          {user.role === "instructor" ? (
            <Link href="/instructor/feedback" className="rounded-md border border-brand-600 px-4 py-2 font-semibold text-brand-700 dark:text-brand-300">
              Learners&apos; reports
            </Link>
          ) : null}
          <SignOutButton />
        </div>
      </header>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading" className="mb-4 text-xl font-semibold">
          Change your password
        </h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading" className="text-xl font-semibold">
          Your data
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">Everything the platform keeps about you (attempts and every answer, memory of each exam point, sections read, sandbox saves, labs, practice exams, reports), as one JSON file.</p>
        <a href="/api/account/export" download className="mt-3 inline-block rounded-md border border-slate-300 px-4 py-2 font-semibold dark:border-slate-600">
          Download my data (JSON)
        </a>
      </section>
      <section aria-labelledby="delete-heading" className="rounded-lg border border-rose-300 p-4 dark:border-rose-800">
        <h2 id="delete-heading" className="mb-4 text-xl font-semibold">
          Delete your account
        </h2>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
