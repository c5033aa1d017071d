import Link from "next/link";
import { loadCourse } from "@/lib/content/course";
import { chapterStats, findChapter } from "@/lib/content/queries";

export default async function HomePage() {
  const course = await loadCourse();
  return (
    <div className="mx-auto max-w-4xl">
      <section aria-labelledby="intro" className="py-6">
        <h1 id="intro" className="text-3xl font-bold tracking-tight sm:text-4xl">
          Learn AWS security services the way the exams test them
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-700 dark:text-slate-300">
          Chapters written for certification candidates, with every exam point marked where it is taught, questions to check yourself, and facts
          checked against current AWS documentation.
        </p>
      </section>

      <section aria-labelledby="catalogue" className="mt-6">
        <h2 id="catalogue" className="text-xl font-semibold">
          Chapters
        </h2>
        <ol className="mt-4 space-y-4">
          {course.catalogue.map((entry) => {
            if (entry.status === "planned") {
              return (
                <li key={entry.slug} className="rounded-xl border border-dashed border-slate-300 p-5 dark:border-slate-700" aria-label={`Chapter ${entry.number}: ${entry.title}, coming later`}>
                  <p className="text-sm font-medium text-slate-600 dark:text-slate-400">Chapter {entry.number} · coming later</p>
                  <p className="mt-1 text-lg font-semibold text-slate-700 dark:text-slate-300">{entry.title}</p>
                </li>
              );
            }
            const chapter = findChapter(course, entry.slug);
            if (!chapter) return null;
            const stats = chapterStats(chapter);
            return (
              <li key={entry.slug} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900">
                <p className="text-sm font-medium text-brand-700 dark:text-brand-300">Chapter {entry.number}</p>
                <h3 className="mt-1 text-xl font-semibold">
                  <Link href={chapter.href} className="hover:underline">
                    {entry.title}
                  </Link>
                </h3>
                <p className="mt-2 text-slate-700 dark:text-slate-300">{entry.summary}</p>
                <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
                  <div className="flex gap-1">
                    <dt>Sections</dt>
                    <dd className="font-semibold">{stats.sections}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>Reading time</dt>
                    <dd className="font-semibold">{stats.minutes} min</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>Exam points</dt>
                    <dd className="font-semibold">{stats.examPoints}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>Questions</dt>
                    <dd className="font-semibold">{stats.questions}</dd>
                  </div>
                </dl>
                <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">For: {entry.exams.join(" · ")}</p>
                <Link
                  href={chapter.sections[0]?.href ?? chapter.href}
                  className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
                >
                  Start reading<span className="sr-only"> chapter {entry.number}</span>
                </Link>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
