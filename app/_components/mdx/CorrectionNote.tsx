import Link from "next/link";
import { courseForRequest } from "@/app/_components/mdx/course";
import type { MdxComponentProps } from "@/lib/content/registry";

/** Shows where older study material is out of date, with the current fact and its sources. */
export async function CorrectionNote({ id }: MdxComponentProps<"Correction">) {
  const course = await courseForRequest();
  const correction = course.errata.corrections.find((candidate) => candidate.id === id);
  if (!correction) throw new Error(`correction ${id} vanished after validation`);
  return (
    <div role="note" className="correction not-prose my-6 rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 dark:border-amber-600 dark:bg-amber-950/30">
      <p className="font-semibold text-amber-900 dark:text-amber-200">
        Updated fact: {correction.topic}
        {correction.changed ? <span className="font-normal"> ({correction.changed})</span> : null}
      </p>
      <dl className="mt-2 space-y-2 text-[0.95rem]">
        <div>
          <dt className="font-medium text-slate-700 dark:text-slate-300">Older material says</dt>
          <dd className="text-slate-700 line-through decoration-amber-600/60 dark:text-slate-300">{correction.olderMaterial}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900 dark:text-slate-100">Today</dt>
          <dd className="text-slate-900 dark:text-slate-100">{correction.current}</dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-slate-700 dark:text-slate-300">
        Source{correction.sources.length > 1 ? "s" : ""}:{" "}
        {correction.sources.map((source, index) => (
          <span key={source.url}>
            {index > 0 ? "; " : ""}
            <a href={source.url} className="underline underline-offset-2 hover:no-underline" rel="noreferrer">
              {source.title}
            </a>
          </span>
        ))}
        {" · "}
        <Link href={`/errata#${correction.id}`} className="underline underline-offset-2 hover:no-underline">
          all corrections
        </Link>
      </p>
    </div>
  );
}
