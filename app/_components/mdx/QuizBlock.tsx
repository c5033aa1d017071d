import Link from "next/link";
import { loadCourse } from "@/lib/content/course";
import type { MdxComponentProps } from "@/lib/content/registry";
import { Quiz } from "./Quiz";

/** A quiz question with the exam points it checks listed under it. */
export async function QuizBlock({ examPoints, ...question }: MdxComponentProps<"Quiz">) {
  const course = await loadCourse();
  const titles = examPoints.map((id) => ({ id, title: course.examPoints.find((point) => point.id === id)?.title ?? id }));
  return (
    <div className="quiz-block">
      <Quiz {...question} />
      <p className="-mt-6 mb-8 px-1 text-xs text-slate-600 dark:text-slate-400">
        Checks:{" "}
        {titles.map((point, index) => (
          <span key={point.id}>
            {index > 0 ? ", " : ""}
            <Link href={`/exam-points#${point.id}`} className="underline underline-offset-2 hover:no-underline">
              {point.title}
            </Link>
          </span>
        ))}
      </p>
    </div>
  );
}
