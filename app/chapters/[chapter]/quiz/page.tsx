import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadCourse } from "@/lib/content/course";
import { findChapter } from "@/lib/content/queries";
import { ChapterQuiz } from "@/app/_components/quiz/ChapterQuiz";

export const dynamicParams = false;

const QUIZ_LENGTH = 20;

export async function generateStaticParams() {
  const course = await loadCourse();
  return course.chapters.map((chapter) => ({ chapter: chapter.slug }));
}

type Params = { params: Promise<{ chapter: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const chapter = findChapter(await loadCourse(), (await params).chapter);
  return chapter ? { title: `Quiz: chapter ${chapter.number}`, description: `${QUIZ_LENGTH} questions drawn from chapter ${chapter.number}, ${chapter.title}, with instant feedback.` } : {};
}

export default async function ChapterQuizPage({ params }: Params) {
  const chapter = findChapter(await loadCourse(), (await params).chapter);
  if (!chapter) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href={chapter.href} className="underline underline-offset-2">
          Chapter {chapter.number}: {chapter.title}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Chapter quiz</h1>
      <p className="mt-3 mb-6 text-slate-700 dark:text-slate-300">
        {QUIZ_LENGTH} questions drawn at random from the whole chapter. Answer, say how sure you are with the button you press, and read why each option is right or wrong. Every answer feeds your
        review schedule on the <Link href="/practice" className="underline underline-offset-2">practice page</Link>.
      </p>
      <ChapterQuiz chapter={chapter.slug} count={QUIZ_LENGTH} />
    </div>
  );
}
