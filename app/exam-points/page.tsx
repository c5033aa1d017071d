import type { Metadata } from "next";
import Link from "next/link";
import { examPointAnchor } from "@/lib/content/anchors";
import { loadCourse } from "@/lib/content/course";
import { examServiceNames, examServices } from "@/lib/content/exam-points";
import { examPointUsage } from "@/lib/content/queries";

export const metadata: Metadata = {
  title: "Exam points",
  description: "Every fact the exams test in this course, where it is taught and how many questions check it.",
};

export default async function ExamPointsPage() {
  const course = await loadCourse();
  const usage = examPointUsage(course);
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold tracking-tight">Exam points</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        The {usage.length} facts this course teaches for the exams, grouped by service. Each links to the place it is taught. Points marked “tip”
        are the ten exam tips of the original chapter.
      </p>
      {examServices.map((service) => {
        const points = usage.filter((entry) => entry.point.service === service);
        if (points.length === 0) return null;
        return (
          <section key={service} aria-labelledby={`service-${service}`} className="mt-10">
            <h2 id={`service-${service}`} className="text-xl font-semibold">
              {examServiceNames[service]} <span className="text-base font-normal text-slate-600 dark:text-slate-400">({points.length})</span>
            </h2>
            <ul className="mt-4 space-y-3">
              {points.map(({ point, taughtIn, questions }) => (
                <li key={point.id} id={point.id} className="scroll-mt-24 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
                  <p className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-semibold">{point.title}</span>
                    <code className="text-xs text-slate-600 dark:text-slate-400">{point.id}</code>
                  </p>
                  <p className="mt-1 text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">{point.statement}</p>
                  <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                    {point.seedTip ? <span className="mr-2 rounded bg-violet-100 px-1.5 py-0.5 text-xs font-semibold text-violet-800 dark:bg-violet-900/50 dark:text-violet-200">tip {point.seedTip}</span> : null}
                    Taught in{" "}
                    {taughtIn.map((section, index) => (
                      <span key={section.href}>
                        {index > 0 ? ", " : ""}
                        <Link href={`${section.href}#${examPointAnchor(point.id)}`} className="underline underline-offset-2 hover:no-underline">
                          {section.title}
                        </Link>
                      </span>
                    ))}
                    {" · "}
                    {questions === 0 ? "no questions yet" : `${questions} question${questions === 1 ? "" : "s"}`}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
