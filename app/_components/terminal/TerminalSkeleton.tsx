/**
 * What stands in for a terminal while its code loads (or until the learner
 * starts it): a dark box of the terminal's size, so nothing moves when the
 * terminal arrives.
 */
export function TerminalSkeleton({ label = "Loading the sandbox…", children }: { label?: string; children?: React.ReactNode }) {
  return (
    <div className="flex h-full min-h-0 flex-col overflow-hidden rounded-lg border border-slate-300 bg-[#0b1120] text-slate-200 dark:border-slate-700" data-testid="sandbox-skeleton">
      <div className="h-9 border-b border-slate-700 bg-slate-900" />
      <div className="flex flex-1 flex-col items-center justify-center gap-3 p-4 text-sm">
        {children ?? <p role="status">{label}</p>}
      </div>
    </div>
  );
}
