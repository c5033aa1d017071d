import Link from "next/link";
import type { Chapter } from "@/lib/content/course";

/** The chapter's sections, with the current one marked. Collapsed on narrow screens. */
export function SectionNav({ chapter, current }: { chapter: Chapter; current: string }) {
  const list = (
    <ol className="space-y-0.5 text-sm">
      {chapter.sections.map((section, index) => {
        const isCurrent = section.slug === current;
        return (
          <li key={section.slug}>
            <Link
              href={section.href}
              aria-current={isCurrent ? "page" : undefined}
              className={`flex gap-2 rounded-md px-2 py-1.5 ${
                isCurrent
                  ? "bg-brand-50 font-semibold text-brand-700 dark:bg-slate-800 dark:text-brand-300"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              <span className="w-9 shrink-0 tabular-nums text-slate-600 dark:text-slate-400">
                {chapter.number}.{index + 1}
              </span>
              <span>{section.title}</span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
  return (
    <nav aria-label="Chapter sections" className="lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto">
      <p className="hidden px-2 text-sm font-semibold text-slate-900 lg:block dark:text-slate-100">
        <Link href={chapter.href} className="hover:underline">
          Chapter {chapter.number}
        </Link>
      </p>
      <div className="mt-2 hidden lg:block">{list}</div>
      <details className="rounded-lg border border-slate-200 lg:hidden dark:border-slate-700">
        <summary className="cursor-pointer px-3 py-2 text-sm font-semibold">Chapter {chapter.number} sections</summary>
        <div className="px-1 pb-2">{list}</div>
      </details>
    </nav>
  );
}
