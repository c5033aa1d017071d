"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { backTo, choose, isOutcome, nodeAt, stepsOf, type DecisionPath } from "@/lib/content/decision-tree";
import type { DecisionNode } from "@/lib/content/registry";

const subscribeNever = () => () => {};

/**
 * A decision tree asked one question at a time, with the answers so far
 * listed and changeable. Without JavaScript (and while hydrating) it shows
 * only `children`, the whole tree drawn on the server; once running, the
 * whole tree stays below in a disclosure, opened for printing.
 */
export function DecisionWalker({ root, children }: { root: DecisionNode; children: ReactNode }) {
  const running = useSyncExternalStore(subscribeNever, () => true, () => false);
  const [path, setPath] = useState<DecisionPath>([]);
  const [announcement, setAnnouncement] = useState("");
  const [focusTarget, setFocusTarget] = useState<"option" | "restart" | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const outline = useRef<HTMLDetailsElement>(null);
  const questionId = useId();

  useEffect(() => {
    if (!focusTarget) return;
    panel.current?.querySelector<HTMLButtonElement>(focusTarget === "option" ? "[data-option]" : "[data-restart]")?.focus();
    setFocusTarget(null);
  }, [focusTarget, path]);

  useEffect(() => {
    // Printing shows every path: the disclosure opens for the printout and closes again after.
    let wasOpen = false;
    const open = () => {
      wasOpen = outline.current?.open ?? false;
      if (outline.current) outline.current.open = true;
    };
    const restore = () => {
      if (outline.current) outline.current.open = wasOpen;
    };
    window.addEventListener("beforeprint", open);
    window.addEventListener("afterprint", restore);
    return () => {
      window.removeEventListener("beforeprint", open);
      window.removeEventListener("afterprint", restore);
    };
  }, [running]);

  if (!running) return <>{children}</>;

  const node = nodeAt(root, path);
  const steps = stepsOf(root, path);
  const go = (next: DecisionPath) => {
    const target = nodeAt(root, next);
    setPath(next);
    if (isOutcome(target)) {
      setAnnouncement(`Recommendation: ${target.result}.${target.note ? ` ${target.note}` : ""}`);
      setFocusTarget("restart");
    } else {
      setAnnouncement(`${next.length === 0 ? "First question" : "Next question"}: ${target.question}`);
      setFocusTarget("option");
    }
  };

  return (
    <div className="text-sm [overflow-wrap:anywhere]">
      <div ref={panel} className="decision-walker" data-testid="decision-walker">
        {steps.length > 0 ? (
          <ol className="mb-3 space-y-1.5" aria-label="Your answers so far">
            {steps.map((step, depth) => (
              <li key={depth} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-slate-700 dark:text-slate-300">
                <span>{step.question}</span>
                <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-900 dark:bg-slate-700 dark:text-slate-100">{step.answer}</span>
                <button
                  type="button"
                  onClick={() => go(backTo(path, depth))}
                  className="text-xs font-semibold text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-300"
                  aria-label={`Change your answer to: ${step.question}`}
                >
                  Change
                </button>
              </li>
            ))}
          </ol>
        ) : null}
        {isOutcome(node) ? (
          <div className="diagram-result rounded-lg px-3 py-2 shadow-sm" data-result>
            <p className="font-semibold text-slate-900 dark:text-slate-100">Use {node.result}</p>
            {node.note ? <p className="mt-1 text-slate-700 dark:text-slate-300">{node.note}</p> : null}
          </div>
        ) : (
          <div role="group" aria-labelledby={questionId} data-question>
            <p className="diagram-node inline-flex items-center gap-2 rounded-lg px-3 py-2 font-semibold text-slate-900 shadow-sm dark:text-slate-100">
              <span aria-hidden="true" className="inline-flex h-5 w-5 shrink-0 rotate-45 items-center justify-center rounded-sm bg-[var(--diagram-root-bg)] text-[0.65rem] text-[var(--diagram-root-fg)]">
                <span className="-rotate-45">?</span>
              </span>
              <span id={questionId} data-question-text>
                {node.question}
              </span>
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              {node.options.map((option, choice) => (
                <button
                  key={option.label}
                  type="button"
                  data-option
                  onClick={() => go(choose(root, path, choice))}
                  className="rounded-full border border-brand-600 bg-white px-3 py-1.5 text-left font-semibold text-brand-700 hover:bg-brand-50 dark:border-brand-300 dark:bg-slate-900 dark:text-brand-300 dark:hover:bg-slate-800"
                >
                  {option.label}
                </button>
              ))}
            </div>
          </div>
        )}
        {path.length > 0 ? (
          <button
            type="button"
            data-restart
            onClick={() => go([])}
            className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 font-semibold text-slate-800 hover:border-slate-500 dark:border-slate-600 dark:text-slate-200"
          >
            Start over
          </button>
        ) : null}
        <p className="sr-only" role="status" aria-live="polite">
          {announcement}
        </p>
      </div>
      <details ref={outline} className="decision-outline mt-4 border-t border-slate-200 pt-3 dark:border-slate-700">
        <summary className="cursor-pointer select-none text-brand-700 underline underline-offset-2 dark:text-brand-300">The whole tree, every path at once</summary>
        <div className="mt-3">{children}</div>
      </details>
    </div>
  );
}
