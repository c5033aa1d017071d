import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadCourse } from "@/lib/content/course";
import { chapterStats, findChapter } from "@/lib/content/queries";
import { Breadcrumbs } from "@/app/_components/chapter/Breadcrumbs";
import { NeighbourChapters } from "@/app/_components/chapter/NeighbourChapters";

export const dynamicParams = false;

export async function generateStaticParams() {
  const course = await loadCourse();
  return course.chapters.map((chapter) => ({ chapter: chapter.slug }));
}

type Params = { params: Promise<{ chapter: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const chapter = findChapter(await loadCourse(), (await params).chapter);
  return chapter ? { title: `Chapter ${chapter.number}: ${chapter.title}`, description: chapter.summary } : {};
}

export default async function ChapterPage({ params }: Params) {
  const course = await loadCourse();
  const chapter = findChapter(course, (await params).chapter);
  if (!chapter) notFound();
  const stats = chapterStats(chapter);
  const titleOf = (id: string) => course.examPoints.find((point) => point.id === id)?.title ?? id;

  return (
    <div className="mx-auto max-w-4xl">
      <Breadcrumbs trail={[{ label: "Chapters", href: "/" }]} current={`Chapter ${chapter.number}`} />
      <p className="mt-4 text-sm font-semibold text-brand-700 dark:text-brand-300">Chapter {chapter.number}</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">{chapter.title}</h1>
      <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">{chapter.summary}</p>
      <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
        {stats.sections} sections · about {stats.minutes} minutes · {stats.examPoints} exam points · {stats.questions} questions · {stats.figures}{" "}
        figures
      </p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">For: {chapter.exams.join(" · ")}</p>
      <p className="mt-4">
        <Link href={`${chapter.href}/quiz`} className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 dark:text-brand-300 dark:hover:bg-slate-800">
          Take the chapter quiz
        </Link>{" "}
        <Link href="/practice" className="ml-2 text-sm underline underline-offset-2">
          Practice exams and your review schedule
        </Link>
      </p>

      <h2 className="mt-10 text-xl font-semibold">Contents</h2>
      <ol className="mt-4 space-y-3">
        {chapter.sections.map((section, index) => (
          <li key={section.slug} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={section.href} className="text-lg font-semibold text-slate-900 hover:underline dark:text-slate-100">
                <span className="text-slate-600 dark:text-slate-400">
                  {chapter.number}.{index + 1}
                </span>{" "}
                {section.title}
              </Link>
              <span className="text-sm text-slate-600 dark:text-slate-400">{section.minutes} min</span>
            </p>
            <p className="mt-1 text-slate-700 dark:text-slate-300">{section.summary}</p>
            {section.examPoints.length > 0 ? (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-violet-800 dark:text-violet-300">
                  {section.examPoints.length} exam point{section.examPoints.length === 1 ? "" : "s"}
                </summary>
                <ul className="mt-1 list-disc pl-5 text-slate-700 dark:text-slate-300">
                  {section.examPoints.map((id) => (
                    <li key={id}>{titleOf(id)}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      <NeighbourChapters course={course} chapter={chapter} />
    </div>
  );
}
