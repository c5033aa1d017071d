"use client";

import { useId, type ReactNode } from "react";
import { buttonClass } from "../workspace/ui";
import { useLab } from "./lab-context";


/**
 * One step of a lab guide: its prose, whether it is done (checked live on
 * the sandbox), and for the step in progress its hints one at a time and
 * its solution (shown on request and recorded as shown).
 */
export function LabStepCard({ id, title, hints, solution, children }: { id: string; title: string; check: string; hints: string[]; solution: string[]; children?: ReactNode }) {
  const lab = useLab();
  const headingId = useId();
  const index = lab?.definition.steps.findIndex((step) => step.id === id) ?? -1;
  const done = lab?.log ? lab.log.stepsDone : 0;
  const status = index < done ? "done" : index === done ? "current" : "later";
  const hintsShown = Math.min(lab?.log?.hintsShown[id] ?? 0, hints.length);
  const solutionShown = lab?.log?.solutionsShown.includes(id) ?? false;
  const ring = status === "done" ? "border-emerald-500 bg-emerald-50/60 dark:bg-emerald-950/30" : status === "current" ? "border-brand-600 bg-white dark:bg-slate-900" : "border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900/40";
  return (
    <section aria-labelledby={headingId} data-step={id} data-status={status} className={`my-5 rounded-lg border-l-4 p-4 ${ring}`}>
      <h2 id={headingId} className="not-prose m-0 flex items-baseline gap-2 text-lg font-semibold">
        <span aria-hidden="true" className={status === "done" ? "text-emerald-700 dark:text-emerald-300" : "text-slate-500"}>
          {status === "done" ? "✓" : `${index + 1}.`}
        </span>
        {title}
        <span className="sr-only">{status === "done" ? " (done)" : status === "current" ? " (in progress)" : " (not started)"}</span>
      </h2>
      <div className="mt-2">{children}</div>
      {status === "current" && lab ? (
        <div className="not-prose mt-3 space-y-2">
          {hints.slice(0, hintsShown).map((hint, position) => (
            <p key={position} className="rounded bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
              <strong>Hint {position + 1}:</strong> {hint}
            </p>
          ))}
          {solutionShown ? (
            <div className="rounded bg-slate-100 p-2 text-sm dark:bg-slate-800">
              <p className="m-0 font-medium">Solution (recorded as shown)</p>
              <pre className="my-2 overflow-x-auto whitespace-pre-wrap text-xs">{solution.join("\n")}</pre>
              <button type="button" className={buttonClass} onClick={() => lab.runInTerminal(solution.join("\n"))}>
                Run it in the terminal
              </button>
            </div>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {hintsShown < hints.length ? (
              <button type="button" className={buttonClass} onClick={() => lab.showHint(id)}>
                {hintsShown === 0 ? "Show a hint" : "Show another hint"}
              </button>
            ) : null}
            {!solutionShown ? (
              <button type="button" className={buttonClass} onClick={() => lab.showSolution(id)}>
                Show the solution
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
