"use client";

import Link from "next/link";
import { useState } from "react";
import { dueToday, readiness } from "@/lib/quiz/memory";
import { saveExamDate } from "../progress/progress-client";
import { examMoment, useMemory } from "./useMemory";
import { messageOf } from "./fetch-json";

export interface PointInfo {
  id: string;
  title: string;
  service: string;
  serviceName: string;
}

function Bar({ value, label }: { value: number; label: string }) {
  const percent = Math.round(value * 100);
  const colour = value >= 0.9 ? "bg-emerald-600" : value >= 0.7 ? "bg-amber-500" : "bg-rose-600";
  return (
    <div className="flex items-center gap-3">
      <span className="w-56 shrink-0 text-sm">{label}</span>
      <span className="h-3 flex-1 overflow-hidden rounded bg-slate-200 dark:bg-slate-700" role="img" aria-label={`${label}: ${percent}%`}>
        <span className={`block h-full ${colour}`} style={{ width: `${percent}%` }} />
      </span>
      <span className="w-12 text-right font-mono text-sm" aria-hidden="true">
        {percent}%
      </span>
    </div>
  );
}

/**
 * The learner's exam date, what is due today, and readiness: for each
 * service and the weakest exam points, the chance (FSRS's recall
 * probability) of remembering it on exam day if they study nothing more.
 */
export function MemoryPanel({ points }: { points: PointInfo[] }) {
  const state = useMemory();
  const [problem, setProblem] = useState<string | null>(null);
  if (state.status === "loading") return <p aria-busy="true">Reading your progress…</p>;
  if (state.status === "unavailable") return <p role="alert">Your progress cannot be read: {state.message}</p>;

  const now = new Date();
  const examDate = examMoment(state.examDate);
  const goal = examDate && examDate > now ? { date: examDate } : undefined;
  const ids = points.map((point) => point.id);
  const due = dueToday(state.memory, ids, now, goal);
  const practised = ids.filter((id) => state.memory.has(id)).length;
  const title = (id: string) => points.find((point) => point.id === id)?.title ?? id;
  const ready = examDate ? readiness(state.memory, ids, examDate, { studyNext: 5 }) : undefined;

  return (
    <div className="space-y-6">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get("examDate");
          setProblem(null);
          saveExamDate(typeof value === "string" && value !== "" ? value : undefined).catch((error: unknown) => setProblem(messageOf(error)));
        }}
      >
        <label className="flex flex-col text-sm font-medium">
          Your exam date
          <input type="date" name="examDate" defaultValue={state.examDate ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900" />
        </label>
        <button type="submit" className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-semibold text-brand-700 dark:text-brand-300">
          Save date
        </button>
        {problem ? <span role="alert" className="text-sm text-rose-700">{problem}</span> : null}
      </form>

      <section aria-labelledby="due-heading">
        <h2 id="due-heading" className="text-xl font-semibold">
          Due today: <span data-testid="due-count">{due.length}</span> of {ids.length} exam points
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          {practised === 0
            ? "You have not answered any question yet: every point is due. Start with a chapter quiz or the drill."
            : `You have practised ${practised} of ${ids.length} points. The drill asks about what is due, weakest first${goal ? ", timed so that recall peaks on your exam day" : ""}.`}
        </p>
        <Link href="/practice/drill" className="mt-3 inline-block rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
          Start the drill
        </Link>
      </section>

      {ready ? (
        <section aria-labelledby="ready-heading">
          <h2 id="ready-heading" className="text-xl font-semibold">
            Readiness on {examDate!.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">How likely you are to remember each part on exam day if you study nothing more (FSRS recall probability; a point never practised counts as 0%).</p>
          <div className="mt-3 space-y-2">
            {ready.services.map((service) => (
              <Bar key={service.service} value={service.recall} label={points.find((point) => point.service === service.service)?.serviceName ?? service.service} />
            ))}
          </div>
          <h3 className="mt-4 font-semibold">Study next</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-6">
            {ready.studyNext.map((id) => (
              <li key={id}>
                <Link href={`/exam-points#${id}`} className="underline underline-offset-2">
                  {title(id)}
                </Link>{" "}
                <span className="text-sm text-slate-600 dark:text-slate-400">({Math.round((ready.points.find((point) => point.examPoint === id)?.recall ?? 0) * 100)}% on exam day)</span>
              </li>
            ))}
          </ol>
          <details className="mt-4">
            <summary className="cursor-pointer font-semibold">Every exam point</summary>
            <div className="mt-2 space-y-1.5" data-testid="readiness-points">
              {[...ready.points]
                .sort((a, b) => a.recall - b.recall || (a.examPoint < b.examPoint ? -1 : 1))
                .map((point) => (
                  <Bar key={point.examPoint} value={point.recall} label={title(point.examPoint)} />
                ))}
            </div>
          </details>
        </section>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">Enter your exam date to see how ready you are for that day and to have the drill aim for it.</p>
      )}
    </div>
  );
}
