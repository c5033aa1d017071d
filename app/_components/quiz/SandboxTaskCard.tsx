"use client";

import { useState } from "react";
import type { SandboxTaskQuestion } from "@/lib/quiz/question-schema";
import { newAttemptId, recordProgress } from "./record";
import { messageOf } from "./fetch-json";

type Shown = Omit<SandboxTaskQuestion, "solution">;

type Status = { kind: "idle" } | { kind: "checking" } | { kind: "passed" } | { kind: "not-yet" } | { kind: "error"; message: string };

/**
 * A sandbox task: do the job in the page's sandbox (the dock, opened here, or
 * a terminal on the page), then ask for a check. The check
 * looks at the sandbox's state (on a copy of it, so checking changes
 * nothing), never at the commands typed: any way of doing the job passes.
 */
export function SandboxTaskCard({ task }: { task: Shown }) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  const check = async () => {
    setStatus({ kind: "checking" });
    try {
      const { hostFor } = await import("../terminal/hosts");
      const outcome = await hostFor(task.scenario).checkTask(task.check);
      setStatus(outcome.passed ? { kind: "passed" } : { kind: "not-yet" });
      if (outcome.passed) {
        await recordProgress({
          id: newAttemptId(),
          mode: "section-check",
          at: new Date().toISOString(),
          context: window.location.pathname,
          items: [{ questionId: task.id, examPoints: task.examPoints, correct: true, answered: true, confidence: "sure" }],
        });
      }
    } catch (error) {
      setStatus({ kind: "error", message: messageOf(error) });
    }
  };

  return (
    <section className="sandbox-task not-prose my-8 min-w-0 rounded-xl [overflow-wrap:anywhere] border border-slate-300 bg-white p-4 shadow-sm dark:border-slate-600 dark:bg-slate-900" data-question-id={task.id} aria-label="Sandbox task">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">
        Do it in the sandbox <span className="ml-1 font-normal normal-case tracking-normal text-slate-600 dark:text-slate-300">· {task.difficulty}</span>
      </p>
      <p className="mt-1 font-medium text-slate-900 dark:text-slate-100">{task.task}</p>
      <details className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        <summary className="cursor-pointer">Hint</summary>
        <p className="mt-1">{task.hint}</p>
      </details>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {/* The page's one sandbox (docked, or a terminal on the page): the same session the check reads. */}
        <button type="button" data-code-action="open" data-scenario={task.scenario} className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 dark:text-brand-300 dark:hover:bg-slate-800">
          Open the sandbox
        </button>
        <button type="button" onClick={() => void check()} disabled={status.kind === "checking"} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50">
          {status.kind === "checking" ? "Checking…" : "Check my work"}
        </button>
        <span className="text-xs text-slate-600 dark:text-slate-400">The check reads the sandbox’s state, not the commands you typed.</span>
      </div>
      <div role="status" aria-live="polite" className="mt-3">
        {status.kind === "passed" ? (
          <div className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-950 dark:bg-emerald-950/40 dark:text-emerald-100">
            <p className="font-semibold">Done: the sandbox is in the state the task asks for.</p>
            <p className="mt-1">{task.explanation}</p>
          </div>
        ) : status.kind === "not-yet" ? (
          <p className="rounded-lg bg-amber-50 px-3 py-2 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">Not yet: the sandbox is not in the state the task asks for. Open the hint if you are stuck.</p>
        ) : status.kind === "error" ? (
          <p className="rounded-lg bg-rose-50 px-3 py-2 text-rose-950 dark:bg-rose-950/40 dark:text-rose-100">The check could not run: {status.message}</p>
        ) : null}
      </div>
    </section>
  );
}
