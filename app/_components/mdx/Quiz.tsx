"use client";

import { useId, useState } from "react";
import type { QuizBlockProps } from "@/lib/content/registry";

type Props = Pick<QuizBlockProps, "id" | "question" | "choices" | "answer" | "explanation">;

/**
 * One multiple-choice question: pick, check, read why. Answers are not
 * recorded yet; the question's id is the key progress will use.
 */
export function Quiz({ id, question, choices, answer, explanation }: Props) {
  const [selected, setSelected] = useState<number | null>(null);
  const [checked, setChecked] = useState<number | null>(null);
  const name = useId();
  const correct = checked !== null && checked === answer;

  return (
    <form
      className="quiz not-prose my-8 rounded-xl border border-slate-300 bg-white p-4 shadow-sm dark:border-slate-600 dark:bg-slate-900"
      data-question-id={id}
      onSubmit={(event) => {
        event.preventDefault();
        if (selected !== null) setChecked(selected);
      }}
    >
      <fieldset className="min-w-0 [overflow-wrap:anywhere]">
        <legend className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">Check yourself</legend>
        <p className="mt-1 font-medium text-slate-900 dark:text-slate-100">{question}</p>
        <div className="mt-3 space-y-2">
          {choices.map((choice, index) => {
            const state =
              checked === null ? "" : index === answer ? "border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40" : index === checked ? "border-rose-600 bg-rose-50 dark:bg-rose-950/40" : "";
            return (
              <label
                key={choice}
                className={`flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 px-3 py-2 text-[0.95rem] text-slate-800 hover:border-slate-400 dark:border-slate-700 dark:text-slate-200 ${state}`}
              >
                <input
                  type="radio"
                  name={name}
                  value={index}
                  checked={selected === index}
                  onChange={() => {
                    setSelected(index);
                    setChecked(null);
                  }}
                  className="mt-1 accent-brand-600"
                />
                <span>{choice}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <div className="mt-3 flex items-center gap-3">
        <button
          type="submit"
          disabled={selected === null}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Check answer
        </button>
      </div>
      <div role="status" aria-live="polite" className="mt-3">
        {checked !== null ? (
          <div className={`rounded-lg px-3 py-2 text-[0.95rem] ${correct ? "bg-emerald-50 text-emerald-950 dark:bg-emerald-950/40 dark:text-emerald-100" : "bg-rose-50 text-rose-950 dark:bg-rose-950/40 dark:text-rose-100"}`}>
            <p className="font-semibold">{correct ? "Correct." : `Not quite. The answer is: ${choices[answer]}`}</p>
            <p className="mt-1">{explanation}</p>
          </div>
        ) : null}
      </div>
    </form>
  );
}
