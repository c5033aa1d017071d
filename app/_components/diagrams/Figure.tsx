import { useId, type ReactNode } from "react";
import type { MdxComponentProps } from "@/lib/content/registry";

/**
 * A diagram with its caption and a text alternative. The diagram itself is
 * HTML (lists and boxes), so screen readers can walk it; the description
 * says in prose what it shows, for anyone who prefers reading.
 */
export function Figure({ caption, description, children }: MdxComponentProps<"Figure"> & { children?: ReactNode }) {
  const descriptionId = useId();
  return (
    <figure className="not-prose my-8" aria-describedby={descriptionId}>
      <div className="figure-panel overflow-hidden rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-700">{children}</div>
      <figcaption className="mt-2 text-sm font-medium text-slate-700 dark:text-slate-300">{caption}</figcaption>
      <details className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        <summary className="cursor-pointer select-none text-brand-700 underline underline-offset-2 dark:text-brand-300">Text description</summary>
        <p id={descriptionId} className="mt-1">
          {description}
        </p>
      </details>
    </figure>
  );
}
