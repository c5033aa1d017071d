import Link from "next/link";
import type { Chapter, Course } from "@/lib/content/course";
import { chapterHref } from "@/lib/content/routes";

/**
 * The chapters before and after this one. A planned chapter is named with
 * "coming later" and no link, so the course never shows a broken link.
 */
export function NeighbourChapters({ course, chapter }: { course: Course; chapter: Chapter }) {
  const index = course.catalogue.findIndex((entry) => entry.slug === chapter.slug);
  const neighbours = [
    { rel: "Previous chapter", entry: course.catalogue[index - 1] },
    { rel: "Next chapter", entry: course.catalogue[index + 1] },
  ];
  return (
    <nav aria-label="Other chapters" className="mt-10 grid gap-3 sm:grid-cols-2">
      {neighbours.map(({ rel, entry }) =>
        entry ? (
          <div key={rel} className="rounded-lg border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
            <p className="text-slate-600 dark:text-slate-400">{rel}</p>
            {entry.status === "published" ? (
              <Link href={chapterHref(entry.slug)} className="font-semibold underline underline-offset-2 hover:no-underline">
                Chapter {entry.number}: {entry.title}
              </Link>
            ) : (
              <p className="font-semibold text-slate-700 dark:text-slate-300">
                Chapter {entry.number}: {entry.title} <span className="font-normal text-slate-600 dark:text-slate-400">(coming later)</span>
              </p>
            )}
          </div>
        ) : null,
      )}
    </nav>
  );
}
