import type { Metadata } from "next";
import Link from "next/link";
import { loadCourse } from "@/lib/content/course";

export const metadata: Metadata = {
  title: "Corrections",
  description: "Where older AWS study material is out of date, what is true today, and the AWS documentation that says so.",
};

export default async function ErrataPage() {
  const course = await loadCourse();
  const sections = course.chapters.flatMap((chapter) => chapter.sections);
  const checked = new Date(`${course.errata.checked}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold tracking-tight">Corrections</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        AWS changes its services faster than study guides change. This course teaches the facts as AWS documents them today; below is every
        place where older material, including the study text this course began from, says something else. Last checked against AWS
        documentation on <time dateTime={course.errata.checked}>{checked}</time>.
      </p>
      <ol className="mt-8 space-y-5">
        {course.errata.corrections.map((correction) => {
          const section = sections.find((candidate) => candidate.slug === correction.section);
          return (
            <li key={correction.id} id={correction.id} className="scroll-mt-24 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
              <h2 className="text-lg font-semibold">
                {correction.topic}
                {correction.changed ? <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">{correction.changed}</span> : null}
              </h2>
              <dl className="mt-2 space-y-2">
                <div>
                  <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">Older material says</dt>
                  <dd>{correction.olderMaterial}</dd>
                </div>
                <div>
                  <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">What AWS documents today</dt>
                  <dd>{correction.current}</dd>
                </div>
                <div>
                  <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">In the original study text</dt>
                  <dd>{correction.seedLocation}</dd>
                </div>
                <div>
                  <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">Sources</dt>
                  <dd>
                    <ul className="list-disc pl-5">
                      {correction.sources.map((source) => (
                        <li key={source.url}>
                          <a href={source.url} rel="noreferrer" className="text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-300">
                            {source.title}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              </dl>
              {section ? (
                <p className="mt-3 text-sm">
                  Taught in{" "}
                  <Link href={section.href} className="font-medium underline underline-offset-2 hover:no-underline">
                    {section.title}
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
