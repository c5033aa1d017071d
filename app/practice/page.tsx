import type { Metadata } from "next";
import Link from "next/link";
import { loadCourse } from "@/lib/content/course";
import { examServiceNames } from "@/lib/content/exam-points";
import { isChoiceQuestion, questionBank } from "@/lib/quiz/bank";
import { MemoryPanel } from "@/app/_components/quiz/MemoryPanel";
import { StartExamForm } from "@/app/_components/quiz/StartExamForm";

export const metadata: Metadata = {
  title: "Practice",
  description: "Timed practice exams graded as AWS grades, chapter quizzes, and a daily drill of your weakest exam points scheduled for your exam day.",
};

export default async function PracticePage() {
  const course = await loadCourse();
  const bank = questionBank(course);
  const points = course.examPoints.map((point) => ({ id: point.id, title: point.title, service: point.service, serviceName: examServiceNames[point.service] }));
  return (
    <div className="mx-auto max-w-4xl space-y-12">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Practice</h1>
        <p className="mt-3 text-slate-700 dark:text-slate-300">
          {bank.length} questions on {course.examPoints.length} exam points. Your answers and schedule are kept in this browser, or on your account when you are signed in (an account is optional); your <Link href="/dashboard" className="underline">dashboard</Link> shows where you stand.
        </p>
      </header>

      <section aria-labelledby="memory-heading">
        <h2 id="memory-heading" className="sr-only">
          Your review schedule
        </h2>
        <MemoryPanel points={points} />
      </section>

      <section aria-labelledby="exam-heading">
        <h2 id="exam-heading" className="text-2xl font-semibold">
          Practice exam
        </h2>
        <p className="mt-2 mb-4 text-slate-700 dark:text-slate-300">
          Timed, one question at a time, with a navigator and flags for review. It submits itself when time runs out, and the server grades it as AWS does: no part marks, no penalty for guessing.
          Sandbox tasks are not part of it, as the real exams have no labs.
        </p>
        <StartExamForm available={bank.filter(isChoiceQuestion).length} />
      </section>

      <section aria-labelledby="quiz-heading">
        <h2 id="quiz-heading" className="text-2xl font-semibold">
          Chapter quizzes
        </h2>
        <ul className="mt-3 list-disc pl-6">
          {course.chapters.map((chapter) => (
            <li key={chapter.slug}>
              <Link href={`${chapter.href}/quiz`} className="underline underline-offset-2">
                Chapter {chapter.number}: {chapter.title}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
