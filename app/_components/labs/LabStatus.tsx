"use client";

import Link from "next/link";
import { useLab } from "./lab-context";

/** How far the learner is, whether the steps are being checked, where the lab is recorded, and a reset. */
export function LabStatus() {
  const lab = useLab();
  if (!lab) return null;
  const steps = lab.definition.steps.length;
  const done = lab.log?.stepsDone ?? 0;
  const reset = async () => {
    if (!window.confirm("Start this lab again? Its sandbox goes back to the start and its steps are unticked (what your account has recorded stays).")) return;
    await lab.reset();
  };
  const { record } = lab;
  return (
    <div className="sticky top-14 z-10 -mx-1 mb-4 rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-sm backdrop-blur dark:border-slate-700 dark:bg-slate-950/95">
      <div className="flex flex-wrap items-center gap-3">
        <progress max={steps} value={done} aria-label="Steps done" className="h-2 w-28" />
        <span role="status" aria-live="polite" data-testid="lab-progress">
          {done === steps ? `Lab complete: all ${steps} steps done.` : `${done} of ${steps} steps done`}
          {lab.checking ? " · checking…" : ""}
        </span>
        <button type="button" onClick={() => void reset()} className="ml-auto rounded-md px-2.5 py-1 font-medium ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-600 dark:hover:bg-slate-800">
          Start again
        </button>
      </div>
      <p className="m-0 mt-1 text-slate-600 dark:text-slate-400" data-testid="lab-record">
        {record.kind === "browser" ? (
          <>
            Kept in this browser. <Link href="/sign-in" className="underline">Sign in</Link> to record your labs on your account.
          </>
        ) : record.kind === "reset" ? (
          "Your instructor reset this lab, so it starts again from the beginning."
        ) : record.kind === "saving" ? (
          "Recording on your account: the server is replaying your commands…"
        ) : record.kind === "saved" ? (
          `Recorded on your account: replaying your commands, the server confirmed ${record.stepsDone} of ${record.steps} steps${record.completed ? " (lab complete)" : ""}.`
        ) : (
          <>
            Not recorded on your account: {record.message}{" "}
            <button type="button" className="underline" onClick={() => lab.recordNow()}>
              Try again
            </button>
          </>
        )}
        {lab.storageRefused ? " This browser refused to keep the lab, so it lasts until you close this tab." : ""}
      </p>
    </div>
  );
}
