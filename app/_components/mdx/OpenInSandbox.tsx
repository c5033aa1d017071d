import type { ReactNode } from "react";

/**
 * A button in a chapter that opens the sandbox docked at the bottom of the
 * page with one of its panes showing (a visualiser beside the terminal).
 * Server-rendered HTML: CodeBlockActions' one listener handles the click and
 * loads the sandbox then.
 */
export function OpenInSandbox({ pane, scenario, children }: { pane: string; scenario: string; children?: ReactNode }) {
  return (
    <p className="not-prose my-4">
      <button
        type="button"
        data-code-action="pane"
        data-pane={pane}
        data-scenario={scenario}
        className="inline-flex items-center gap-2 rounded-md border border-brand-600 bg-brand-50 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-100 dark:border-brand-300 dark:bg-slate-900 dark:text-brand-300 dark:hover:bg-slate-800"
      >
        <span aria-hidden>▶</span>
        {children}
      </button>
    </p>
  );
}
