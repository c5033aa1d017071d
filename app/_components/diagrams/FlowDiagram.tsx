import type { MdxComponentProps } from "@/lib/content/registry";

/**
 * An ordered process: a row of numbered steps on wide screens, a column on
 * narrow ones, with arrows between them.
 */
export function FlowDiagram({ steps, cycle = false }: MdxComponentProps<"FlowDiagram">) {
  return (
    <div className="text-sm">
      <ol className="flex flex-col items-stretch gap-0 lg:flex-row lg:items-stretch">
        {steps.map((step, index) => (
          <li key={step.title} className="flex flex-col items-stretch lg:flex-1 lg:flex-row">
            <div className="diagram-node min-w-0 flex-1 rounded-lg p-3 shadow-sm [overflow-wrap:anywhere]">
              <p className="flex items-baseline gap-2">
                <span className="inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-[var(--diagram-root-bg)] text-xs font-bold text-[var(--diagram-root-fg)]">
                  {index + 1}
                </span>
                <span className="font-semibold text-slate-900 dark:text-slate-100">{step.title}</span>
              </p>
              {step.actor ? <p className="mt-1 text-xs font-medium uppercase tracking-wide text-[var(--diagram-accent)]">{step.actor}</p> : null}
              {step.detail ? <p className="mt-1 text-slate-700 dark:text-slate-300">{step.detail}</p> : null}
            </div>
            {index < steps.length - 1 ? (
              <span aria-hidden="true" className="flex items-center justify-center py-1 text-lg text-[var(--diagram-line)] lg:px-1 lg:py-0">
                <span className="lg:hidden">↓</span>
                <span className="hidden lg:inline">→</span>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {cycle ? (
        <p className="mt-3 flex items-center gap-2 text-slate-700 dark:text-slate-300">
          <span aria-hidden="true" className="text-lg text-[var(--diagram-line)]">↺</span>
          <span>After step {steps.length}, the cycle starts again at step 1.</span>
        </p>
      ) : null}
    </div>
  );
}
