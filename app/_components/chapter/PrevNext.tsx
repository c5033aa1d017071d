import Link from "next/link";
import type { Chapter, Section } from "@/lib/content/course";

/** Links to the previous and next sections; at the ends, back to the chapter's contents. */
export function PrevNext({ previous, next, chapter }: { previous: Section | undefined; next: Section | undefined; chapter: Chapter }) {
  return (
    <nav aria-label="Previous and next section" className="mt-12 grid gap-3 border-t border-slate-200 pt-6 sm:grid-cols-2 dark:border-slate-800">
      {previous ? (
        <Link href={previous.href} rel="prev" className="rounded-lg border border-slate-200 p-3 hover:border-brand-600 dark:border-slate-700">
          <span className="block text-xs text-slate-600 dark:text-slate-400">Previous</span>
          <span className="font-semibold">← {previous.title}</span>
        </Link>
      ) : (
        <Link href={chapter.href} className="rounded-lg border border-slate-200 p-3 hover:border-brand-600 dark:border-slate-700">
          <span className="block text-xs text-slate-600 dark:text-slate-400">Back to</span>
          <span className="font-semibold">← Chapter {chapter.number} contents</span>
        </Link>
      )}
      {next ? (
        <Link href={next.href} rel="next" className="rounded-lg border border-slate-200 p-3 text-right hover:border-brand-600 sm:col-start-2 dark:border-slate-700">
          <span className="block text-xs text-slate-600 dark:text-slate-400">Next</span>
          <span className="font-semibold">{next.title} →</span>
        </Link>
      ) : (
        <Link href={chapter.href} className="rounded-lg border border-slate-200 p-3 text-right hover:border-brand-600 sm:col-start-2 dark:border-slate-700">
          <span className="block text-xs text-slate-600 dark:text-slate-400">Finished the chapter</span>
          <span className="font-semibold">Chapter {chapter.number} contents →</span>
        </Link>
      )}
    </nav>
  );
}
