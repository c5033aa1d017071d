"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { readLabLog } from "@/lib/labs/browser-log";
import type { LabSummary } from "@/lib/labs/lab";
import { browserStorage } from "@/lib/ui/browser-storage";
import { currentAccount } from "../account/account-client";

interface Progress {
  stepsDone: number;
  completed: boolean;
  solutionsShown: number;
}

/**
 * How far the learner is in each lab: from the account (what the server's
 * replays confirmed) when signed in, else from this browser's lab logs.
 */
export function LabsProgress({ labs }: { labs: LabSummary[] }) {
  const [progress, setProgress] = useState<{ source: "account" | "browser"; byLab: Map<string, Progress> } | undefined>();
  useEffect(() => {
    let cancelled = false;
    void currentAccount().then(async (account) => {
      if (account) {
        const response = await fetch("/api/progress/labs", { cache: "no-store" }).catch(() => undefined);
        const rows = response?.ok ? ((await response.json()) as { labs: { labId: string; stepsDone: number; solutionsShown: number; completedAt: string | null }[] }).labs : [];
        if (!cancelled) setProgress({ source: "account", byLab: new Map(rows.map((row) => [row.labId, { stepsDone: row.stepsDone, completed: row.completedAt !== null, solutionsShown: row.solutionsShown }])) });
        return;
      }
      const storage = browserStorage();
      const byLab = new Map<string, Progress>();
      for (const lab of labs) {
        const log = readLabLog(storage, lab.id);
        if (log) byLab.set(lab.id, { stepsDone: log.stepsDone, completed: log.stepsDone >= lab.steps, solutionsShown: log.solutionsShown.length });
      }
      if (!cancelled) setProgress({ source: "browser", byLab });
    });
    return () => {
      cancelled = true;
    };
  }, [labs]);
  if (!progress) return <p className="text-sm text-slate-600 dark:text-slate-400">Reading your lab progress…</p>;
  return (
    <div>
      <ul className="space-y-1" data-testid="labs-progress">
        {labs.map((lab) => {
          const mine = progress.byLab.get(lab.id);
          return (
            <li key={lab.id}>
              <Link href={lab.href} className="underline">
                {lab.title}
              </Link>
              <span className="ml-2 text-sm text-slate-700 dark:text-slate-300">
                {!mine || mine.stepsDone === 0 ? "not started" : mine.completed ? "complete" : `${mine.stepsDone} of ${lab.steps} steps`}
                {mine?.solutionsShown ? ` · ${mine.solutionsShown} solution${mine.solutionsShown === 1 ? "" : "s"} shown` : ""}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{progress.source === "account" ? "As recorded on your account (confirmed by replaying your commands)." : "As kept in this browser."}</p>
    </div>
  );
}
