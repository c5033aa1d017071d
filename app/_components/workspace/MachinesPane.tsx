"use client";

import { useId, useRef, useState } from "react";
import type { ResourcesView } from "@/lib/sandbox/inspect";
import { machines, machineNames, type MachineName } from "@/lib/visualize/machines";
import { StateMachineDiagram } from "../diagrams/StateMachineDiagram";
import { Empty, Mono, PaneError } from "./ui";
import { useSandboxData } from "./useSandboxData";
import { useSelection, useWorkspace, type Selection } from "./workspace-context";

/**
 * The State machines pane: the engine's own lifecycle machines, drawn from
 * their definitions, with the selected resource's current state highlighted
 * and the transition it just took drawn as it happens.
 */

interface Shown {
  machine: MachineName;
  /** The resource's state in this machine, as the diagram names it. */
  state: string;
}

/** The machines that describe the selected resource, and where it stands in each. */
function machinesOf(selection: Selection | undefined, view: ResourcesView | undefined): { label: string; shown: Shown[] } | undefined {
  if (!selection || !view) return undefined;
  if (selection.kind === "key") {
    const key = view.keys.find((candidate) => candidate.keyId === selection.id);
    if (!key) return { label: `key ${selection.id} (deleted)`, shown: [{ machine: "kms-key", state: "Deleted" }] };
    return {
      label: key.aliases[0] ?? key.keyId,
      shown: [
        { machine: "kms-key", state: key.machineState },
        { machine: "kms-key-rotation", state: key.rotation.enabled ? "AutomaticRotationEnabled" : "AutomaticRotationDisabled" },
      ],
    };
  }
  if (selection.kind === "secret") {
    const secret = view.secrets.find((candidate) => candidate.arn === selection.id);
    if (!secret) return { label: "a secret that no longer exists", shown: [] };
    return {
      label: secret.name,
      shown: [
        { machine: "secret-lifecycle", state: secret.lifecycle },
        { machine: "secret-rotation", state: secret.rotation.state },
      ],
    };
  }
  const parameter = view.parameters.find((candidate) => candidate.name === selection.id);
  return { label: selection.id, shown: [{ machine: "ssm-parameter", state: parameter ? parameter.tier : "Absent" }] };
}

export function MachinesPane() {
  const { host } = useWorkspace();
  const [selection] = useSelection();
  const { data, error } = useSandboxData(host, "machines", (client) => client.resources());
  const [browse, setBrowse] = useState<MachineName>("kms-key");
  const pickerId = useId();
  // What each machine last showed for the selected resource, to draw the transition it just took.
  const last = useRef(new Map<string, { state: string; previous?: string; replay: number }>());

  if (error) return <PaneError message={error} />;
  const selected = machinesOf(selection, data);
  const shown: (Shown & { previous?: string; replay: number })[] = (selected?.shown ?? [{ machine: browse, state: "" }]).map((item) => {
    const memo = `${selection?.kind}:${selection?.id}:${item.machine}`;
    const before = last.current.get(memo);
    if (!before) {
      last.current.set(memo, { state: item.state, replay: 0 });
      return { ...item, replay: 0 };
    }
    if (before.state !== item.state) last.current.set(memo, { state: item.state, previous: before.state, replay: before.replay + 1 });
    const now = last.current.get(memo)!;
    return { ...item, ...(now.previous ? { previous: now.previous } : {}), replay: now.replay };
  });

  return (
    <div className="space-y-3 p-2 text-sm">
      {selected ? (
        <p>
          Showing <Mono>{selected.label}</Mono>: its current state is highlighted, and a change you make in the terminal is drawn as the transition it takes. Pick another resource in Resources.
        </p>
      ) : (
        <>
          <Empty>Pick a key, secret or parameter in the Resources pane to see where it stands. Meanwhile, browse the machines:</Empty>
          <label htmlFor={pickerId} className="flex items-center gap-2">
            Machine
            <select id={pickerId} value={browse} onChange={(event) => setBrowse(event.target.value as MachineName)} className="rounded border border-slate-400 bg-white px-2 py-1 dark:border-slate-500 dark:bg-slate-900">
              {machineNames.map((name) => (
                <option key={name} value={name}>
                  {machines[name].title}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {shown.map((item) => (
        <section key={item.machine} aria-label={machines[item.machine].title} className="rounded border border-slate-200 p-2 dark:border-slate-700">
          <h3 className="font-semibold">{machines[item.machine].title}</h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">{machines[item.machine].description}</p>
          {item.state === "Deleted" ? <p className="mt-1">The key was deleted: it is gone from KMS, so no state is shown.</p> : null}
          <div role="status" className="sr-only">
            {item.state ? `${machines[item.machine].title}: now ${item.state}${item.previous ? `, after ${item.previous}` : ""}.` : ""}
          </div>
          <StateMachineDiagram key={`${item.machine}-${item.replay}`} machine={item.machine} compact {...(item.state && item.state !== "Deleted" ? { current: item.state } : {})} {...(item.previous ? { previous: item.previous } : {})} />
        </section>
      ))}
    </div>
  );
}
