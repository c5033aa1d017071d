import type { ExamPoint } from "@/lib/content/exam-points";
import { examPointAnchor } from "@/lib/content/anchors";

/** The exam points this section teaches, each linking to where it is taught below. */
export function ExamPointsTaught({ points }: { points: ExamPoint[] }) {
  if (points.length === 0) return null;
  return (
    <section aria-labelledby="exam-points-here" className="mt-6 rounded-xl border border-violet-200 bg-violet-50/60 p-4 dark:border-violet-800 dark:bg-violet-950/20">
      <h2 id="exam-points-here" className="text-sm font-semibold uppercase tracking-wide text-violet-800 dark:text-violet-300">
        Exam points in this section ({points.length})
      </h2>
      <ul className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {points.map((point) => (
          <li key={point.id}>
            <a href={`#${examPointAnchor(point.id)}`} className="text-slate-800 underline decoration-violet-400 underline-offset-2 hover:no-underline dark:text-slate-200">
              {point.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
