import Link from "next/link";
import { courseForRequest } from "@/app/_components/mdx/course";
import type { MdxComponentProps } from "@/lib/content/registry";
import { examPointAnchor } from "@/lib/content/anchors";

/** Marks the place where an exam point is taught, and states it. */
export async function ExamPointMarker({ id }: MdxComponentProps<"ExamPoint">) {
  const course = await courseForRequest();
  const point = course.examPoints.find((candidate) => candidate.id === id);
  if (!point) throw new Error(`exam point ${id} vanished after validation`);
  return (
    <div id={examPointAnchor(id)} className="exam-point not-prose my-5 scroll-mt-24 rounded-lg [overflow-wrap:anywhere] border border-violet-300 bg-white px-4 py-3 shadow-sm dark:border-violet-700 dark:bg-slate-900">
      <p className="text-xs font-semibold uppercase tracking-wide text-violet-700 dark:text-violet-300">
        Exam point{point.seedTip ? ` · tip ${point.seedTip}` : ""}
      </p>
      <p className="mt-1 font-semibold text-slate-900 dark:text-slate-100">{point.title}</p>
      <p className="mt-1 text-[0.95rem] text-slate-700 dark:text-slate-300">{point.statement}</p>
      <p className="mt-2 text-xs">
        <Link href={`/exam-points#${id}`} className="text-violet-800 underline underline-offset-2 hover:no-underline dark:text-violet-300">
          <code className="font-mono">{id}</code> in the exam points index
        </Link>
      </p>
    </div>
  );
}
