import type { Metadata } from "next";
import Link from "next/link";
import { loadCourse } from "@/lib/content/course";
import { Drill } from "@/app/_components/quiz/Drill";

export const metadata: Metadata = {
  title: "Drill",
  description: "Questions on the exam points due for review today, weakest first.",
};

export default async function DrillPage() {
  const course = await loadCourse();
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href="/practice" className="underline underline-offset-2">
          Practice
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Today’s drill</h1>
      <p className="mt-3 mb-6 text-slate-700 dark:text-slate-300">
        Questions on the exam points due for review, weakest first. The schedule is FSRS (the algorithm behind modern flashcard apps); a wrong answer you were sure of brings a point back sooner
        than one you admitted guessing.
      </p>
      <Drill points={course.examPoints.map((point) => point.id)} />
    </div>
  );
}
