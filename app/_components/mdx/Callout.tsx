import type { ReactNode } from "react";
import type { MdxComponentProps } from "@/lib/content/registry";

const styles = {
  note: { label: "Note", icon: "i", box: "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40" },
  tip: { label: "Tip", icon: "✓", box: "border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/40" },
  warning: { label: "Warning", icon: "!", box: "border-amber-600 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40" },
  exam: { label: "Exam trap", icon: "★", box: "border-violet-600 bg-violet-50 dark:border-violet-400 dark:bg-violet-950/40" },
} as const;

export function Callout({ kind = "note", title, children }: MdxComponentProps<"Callout"> & { children?: ReactNode }) {
  const style = styles[kind];
  return (
    <div role="note" className={`not-prose my-6 rounded-lg border-l-4 px-4 py-3 ${style.box}`}>
      <p className="flex items-center gap-2 font-semibold text-slate-900 dark:text-slate-100">
        <span aria-hidden="true" className="inline-flex h-5 w-5 items-center justify-center rounded-full bg-white text-xs font-bold text-slate-700 shadow-sm dark:bg-slate-800 dark:text-slate-200">
          {style.icon}
        </span>
        <span>
          <span className="sr-only">{style.label}: </span>
          {title ?? style.label}
        </span>
      </p>
      <div className="callout-body prose prose-slate mt-1 max-w-none text-[0.95rem] dark:prose-invert prose-p:my-2 prose-ul:my-2">
        {children}
      </div>
    </div>
  );
}
