"use client";

import { advanceTo } from "@/lib/workspace/clock-commands";
import { formatRelative, formatSimTime } from "@/lib/workspace/format";
import { Empty, Mono, PaneError, buttonClass } from "./ui";
import { useSandboxData } from "./useSandboxData";
import { useWorkspace } from "./workspace-context";

const STEPS = ["1h", "1d", "7d", "30d", "365d"] as const;

/**
 * The Clock pane: simulated time and everything scheduled in it (key
 * deletions, rotations, secret deletions, parameter expirations). Its
 * buttons type `clock advance` into the terminal, so time moves where the
 * learner can see how.
 */
export function ClockPane() {
  const { host, runInTerminal } = useWorkspace();
  const { data, error, stale } = useSandboxData(host, "clock", (client) => client.clock());
  if (error) return <PaneError message={error} />;
  if (!data) return <Empty>Reading the clock…</Empty>;
  return (
    <div className="space-y-3 p-2" aria-busy={stale}>
      <p className="text-sm">
        Simulated time: <strong className="font-mono">{formatSimTime(data.now)}</strong>
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">Time in the sandbox stands still until you move it. These buttons run the command in the terminal.</p>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label="Move the clock forward">
        {STEPS.map((step) => (
          <button key={step} type="button" className={buttonClass} onClick={() => runInTerminal(`clock advance ${step}`)}>
            +{step}
          </button>
        ))}
      </div>
      <section aria-label="Scheduled">
        <h3 className="mb-1 text-sm font-semibold">Scheduled ({data.scheduled.length})</h3>
        {data.scheduled.length === 0 ? (
          <Empty>Nothing is scheduled. Deleting a key or a secret, or turning on rotation, schedules something here.</Empty>
        ) : (
          <ol className="space-y-1">
            {data.scheduled.map((event) => (
              <li key={event.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded border border-slate-200 px-2 py-1 text-sm dark:border-slate-700">
                <span className="font-medium">{event.label}</span>
                <Mono>{event.resourceName}</Mono>
                <span className="w-full text-xs text-slate-600 dark:text-slate-400">
                  {formatSimTime(event.at)} ({formatRelative(data.now, event.at)})
                  {event.region !== "us-east-1" ? `, ${event.region}` : ""}
                </span>
                <button type="button" className={buttonClass} onClick={() => runInTerminal(advanceTo(data.now, event.at))}>
                  Advance until it happens
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
