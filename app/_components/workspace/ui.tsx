"use client";

import type { ReactNode } from "react";

/** Small pieces the panes share: badges, definition lists, empty states, code. */

export type Tone = "green" | "grey" | "red" | "amber" | "blue" | "violet";

const tones: Record<Tone, string> = {
  green: "bg-emerald-100 text-emerald-900 ring-emerald-700/30 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/40",
  grey: "bg-slate-100 text-slate-800 ring-slate-600/30 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/40",
  red: "bg-rose-100 text-rose-900 ring-rose-700/30 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-400/40",
  amber: "bg-amber-100 text-amber-950 ring-amber-700/30 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-400/40",
  blue: "bg-sky-100 text-sky-900 ring-sky-700/30 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-400/40",
  violet: "bg-violet-100 text-violet-900 ring-violet-700/30 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-400/40",
};

export function Badge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </span>
  );
}

export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-3 gap-y-1 text-sm">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Mono({ children }: { children: ReactNode }) {
  return <code className="break-all font-mono text-[0.8rem]">{children}</code>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="px-1 py-2 text-sm text-slate-600 dark:text-slate-400">{children}</p>;
}

export function PaneError({ message }: { message: string }) {
  return (
    <p role="alert" className="m-2 rounded border border-rose-300 bg-rose-50 p-2 text-sm text-rose-900 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100">
      The sandbox did not answer: {message}
    </p>
  );
}

export function SubHeading({ children }: { children: ReactNode }) {
  return <h4 className="mb-1 mt-3 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{children}</h4>;
}

export function CodeBox({ children, label }: { children: string; label: string }) {
  return (
    <pre aria-label={label} tabIndex={0} className="max-h-64 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs leading-relaxed text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      {children}
    </pre>
  );
}

export const buttonClass =
  "rounded-md px-2 py-1 text-xs font-medium ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50 dark:ring-slate-600 dark:hover:bg-slate-800";

export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
