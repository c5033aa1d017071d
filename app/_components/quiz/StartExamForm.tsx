"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { jsonOrError, messageOf } from "./fetch-json";

const PRESETS = [
  { label: "Quick: 10 questions, 15 minutes", count: 10, minutes: 15 },
  { label: "Half exam: 33 questions, 65 minutes", count: 33, minutes: 65 },
  { label: "Full length: 65 questions, 130 minutes (associate exams)", count: 65, minutes: 130 },
];

/** Choose the length and time of a practice exam and start it; the server draws the questions. */
export function StartExamForm({ available }: { available: number }) {
  const router = useRouter();
  const [count, setCount] = useState(10);
  const [minutes, setMinutes] = useState(15);
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  return (
    <form
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setProblem(null);
        setStarting(true);
        try {
          const response = await fetch("/api/practice-exams", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ count, minutes }) });
          const { id } = await jsonOrError<{ id: string }>(response);
          router.push(`/practice/exam/${id}`);
        } catch (error) {
          setProblem(messageOf(error));
          setStarting(false);
        }
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium">Length</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {PRESETS.map((preset) => (
            <button
              key={preset.label}
              type="button"
              onClick={() => {
                setCount(preset.count);
                setMinutes(preset.minutes);
              }}
              aria-pressed={count === preset.count && minutes === preset.minutes}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm aria-pressed:border-brand-600 aria-pressed:bg-brand-50 dark:border-slate-600 dark:aria-pressed:bg-slate-800"
            >
              {preset.label}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <label className="flex flex-col text-sm font-medium">
          Questions
          <input type="number" min={5} max={Math.min(75, available)} value={count} onChange={(event) => setCount(Number(event.target.value))} className="mt-1 w-28 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900" />
        </label>
        <label className="flex flex-col text-sm font-medium">
          Minutes
          <input type="number" min={1} max={240} value={minutes} onChange={(event) => setMinutes(Number(event.target.value))} className="mt-1 w-28 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900" />
        </label>
      </div>
      <button type="submit" disabled={starting} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50">
        {starting ? "Drawing questions…" : "Start the practice exam"}
      </button>
      {problem ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          The exam could not start: {problem}
        </p>
      ) : null}
    </form>
  );
}
