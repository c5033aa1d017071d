"use client";

import { useId } from "react";
import type { QuestionView, ViewResponse } from "@/lib/quiz/presentation";

export interface ReviewMarks {
  correctResponse: ViewResponse;
  /** Each option's reason, in screen order (matching: each prompt's). */
  reasons: string[];
}

interface Props {
  view: QuestionView;
  value: ViewResponse;
  onChange?: (next: ViewResponse) => void;
  /** After grading: the inputs lock and every option shows whether it was right and why. */
  review?: ReviewMarks;
}

const optionClass = "flex items-start gap-3 rounded-lg border px-3 py-2 text-[0.95rem] text-slate-800 dark:text-slate-200";
const idle = "border-slate-200 hover:border-slate-400 dark:border-slate-700";
const right = "border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40";
const wrong = "border-rose-600 bg-rose-50 dark:bg-rose-950/40";

/** An option's reason under its verdict. Authors often begin the right option's reason with "Right:"; the verdict already says it. */
function Reason({ text, good }: { text: string; good: boolean }) {
  const body = text.replace(/^(?:Right|Wrong)\s*:\s*/, "");
  return (
    <span className={`mt-1 block text-sm ${good ? "text-emerald-900 dark:text-emerald-200" : "text-rose-900 dark:text-rose-200"}`}>
      <span className="font-semibold">{good ? "Right: " : "Wrong: "}</span>
      {body}
    </span>
  );
}

/**
 * The answer controls of one question, by type: radio buttons, checkboxes,
 * a list reordered with Move up / Move down buttons (keyboard and screen
 * reader friendly, no dragging needed), or a select per prompt. Used by the
 * section checks, the chapter quiz, the drill and the practice exam.
 */
export function ResponseInput({ view, value, onChange, review }: Props) {
  const name = useId();
  const locked = review !== undefined || onChange === undefined;

  if (view.type === "single-choice" || view.type === "multiple-response") {
    const multiple = view.type === "multiple-response";
    const chosen = new Set(value.type === "single-choice" ? (value.choice === null ? [] : [value.choice]) : value.type === "multiple-response" ? value.choices : []);
    const rightSet = new Set(
      review === undefined ? [] : review.correctResponse.type === "single-choice" ? [review.correctResponse.choice] : review.correctResponse.type === "multiple-response" ? review.correctResponse.choices : [],
    );
    return (
      <div className="mt-3 space-y-2" role={multiple ? "group" : "radiogroup"} aria-label={multiple ? `Choose ${view.choose}` : "Choose one"}>
        {view.options.map((option, position) => {
          const isRight = rightSet.has(position);
          const picked = chosen.has(position);
          const state = review === undefined ? idle : isRight ? right : picked ? wrong : idle;
          return (
            <label key={position} className={`${optionClass} ${state} ${locked ? "" : "cursor-pointer"}`}>
              <input
                type={multiple ? "checkbox" : "radio"}
                name={name}
                value={position}
                checked={picked}
                disabled={locked}
                onChange={() => {
                  if (!onChange) return;
                  if (!multiple) onChange({ type: "single-choice", choice: position });
                  else {
                    const next = new Set(chosen);
                    if (next.has(position)) next.delete(position);
                    else next.add(position);
                    onChange({ type: "multiple-response", choices: [...next].sort((a, b) => a - b) });
                  }
                }}
                className="mt-1 accent-brand-600"
              />
              <span>
                {option}
                {review !== undefined && (isRight || picked) ? <Reason text={review.reasons[position] ?? ""} good={isRight} /> : null}
                {review !== undefined && !isRight && !picked ? <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{review.reasons[position]}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
    );
  }

  if (view.type === "ordering") {
    const order = value.type === "ordering" ? value.order : view.options.map((_, index) => index);
    const rightOrder = review?.correctResponse.type === "ordering" ? review.correctResponse.order : undefined;
    const move = (from: number, to: number) => {
      if (!onChange || to < 0 || to >= order.length) return;
      const next = [...order];
      [next[from], next[to]] = [next[to]!, next[from]!];
      onChange({ type: "ordering", order: next });
    };
    return (
      <ol className="mt-3 space-y-2" aria-label="Put the steps in order">
        {order.map((option, place) => {
          const good = rightOrder ? rightOrder[place] === option : undefined;
          return (
            <li key={option} className={`${optionClass} ${good === undefined ? idle : good ? right : wrong} items-center`}>
              <span className="w-6 shrink-0 font-mono text-sm text-slate-600 dark:text-slate-300" aria-hidden="true">
                {place + 1}.
              </span>
              <span className="flex-1">
                {view.options[option]}
                {review !== undefined ? <Reason text={`${good ? "" : `Step ${(rightOrder?.indexOf(option) ?? 0) + 1} of ${order.length}. `}${review.reasons[option] ?? ""}`} good={good === true} /> : null}
              </span>
              {locked ? null : (
                <span className="flex shrink-0 gap-1">
                  <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-sm disabled:opacity-40 dark:border-slate-600" disabled={place === 0} onClick={() => move(place, place - 1)} aria-label={`Move up: ${view.options[option]}`}>
                    ↑
                  </button>
                  <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-sm disabled:opacity-40 dark:border-slate-600" disabled={place === order.length - 1} onClick={() => move(place, place + 1)} aria-label={`Move down: ${view.options[option]}`}>
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    );
  }

  const pairs = value.type === "matching" ? value.pairs : view.prompts.map(() => null);
  const rightPairs = review?.correctResponse.type === "matching" ? review.correctResponse.pairs : undefined;
  return (
    <div className="mt-3 space-y-2">
      {view.prompts.map((prompt, index) => {
        const good = rightPairs ? rightPairs[index] === pairs[index] : undefined;
        return (
          <div key={index} className={`${optionClass} ${good === undefined ? idle : good ? right : wrong} flex-col sm:flex-row sm:items-center`}>
            <label htmlFor={`${name}-${index}`} className="flex-1">
              {prompt}
            </label>
            <select
              id={`${name}-${index}`}
              className="w-full min-w-0 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm sm:w-auto sm:max-w-[50%] dark:border-slate-600 dark:bg-slate-900"
              value={pairs[index] ?? ""}
              disabled={locked}
              onChange={(event) => {
                if (!onChange) return;
                const next = [...pairs];
                next[index] = event.target.value === "" ? null : Number(event.target.value);
                onChange({ type: "matching", pairs: next });
              }}
            >
              <option value="">Choose…</option>
              {view.options.map((option, position) => (
                <option key={position} value={position}>
                  {option}
                </option>
              ))}
            </select>
            {review !== undefined ? (
              <span className="sm:basis-full">
                <Reason text={`${good ? "" : `Answer: ${view.options[rightPairs?.[index] ?? 0]}. `}${review.reasons[index] ?? ""}`} good={good === true} />
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
