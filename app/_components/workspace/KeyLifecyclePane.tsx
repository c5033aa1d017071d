"use client";

import { useEffect, useId, useState } from "react";
import type { KeyView } from "@/lib/sandbox/inspect";
import { decryptSampleCommand, keyActions } from "@/lib/visualize/key-lifecycle/actions";
import { afterDeletion } from "@/lib/visualize/key-lifecycle/after-deletion";
import { keyStateOf, stateTone } from "@/lib/visualize/key-lifecycle/chart";
// Types only: timeline.ts runs in the sandbox's worker, next to the engine.
import type { KeyTimeline, SampleCheck } from "@/lib/visualize/key-lifecycle/timeline";
import { formatRelative, formatSimTime } from "@/lib/workspace/format";
import { CommandList } from "./CommandList";
import { KeyTimelineChart } from "./KeyTimelineChart";
import { LazyMachineDiagram } from "./LazyMachineDiagram";
import { Badge, buttonClass, Empty, Mono, PaneError, SubHeading, type Tone } from "./ui";
import { useExclusiveCall } from "./useExclusiveCall";
import { useSandboxData } from "./useSandboxData";
import { useSelection, useWorkspace } from "./workspace-context";

const TONES: Record<ReturnType<typeof stateTone>, Tone> = { enabled: "green", disabled: "grey", "pending-deletion": "red", "pending-import": "amber", deleted: "grey", other: "violet" };

/**
 * The Key lifecycle pane: a KMS key's states over simulated time, the key
 * material versions rotation added, and samples encrypted along the way that
 * prove older versions still decrypt. It follows the key picked in the
 * Resources pane; its buttons type the real commands into the terminal.
 */
export function KeyLifecyclePane() {
  const { host, runInTerminal } = useWorkspace();
  const [selection, select] = useSelection();
  const resources = useSandboxData(host, "resources", (client) => client.resources());
  const [picked, setPicked] = useState<string>();
  const pickerId = useId();
  if (resources.error) return <PaneError message={resources.error} />;
  if (!resources.data) return <Empty>Reading the sandbox…</Empty>;
  const keys = resources.data.keys;
  const fallback = keys.find((key) => key.keyManager === "CUSTOMER") ?? keys[0];
  const keyId = selection?.kind === "key" ? selection.id : (picked ?? fallback?.keyId);
  const keyView = keys.find((key) => key.keyId === keyId);
  const choose = (id: string) => {
    setPicked(id);
    select({ kind: "key", id });
  };

  return (
    <div className="space-y-3 p-2 text-sm" aria-busy={resources.stale}>
      <p className="text-xs text-slate-700 dark:text-slate-300">
        A KMS key&apos;s life over simulated time, replayed from the calls on the trail through the engine&apos;s key lifecycle machine. The buttons type
        the real commands into the terminal. Picking a key in Resources shows it here.
      </p>
      {keys.length === 0 && !keyId ? (
        <div>
          <Empty>No keys yet. Create one:</Empty>
          <CommandList commands={[{ command: "aws kms create-key --description lifecycle-demo" }]} runInTerminal={runInTerminal} />
        </div>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={pickerId} className="text-xs font-medium">
              Key
            </label>
            <select
              id={pickerId}
              value={keyId ?? ""}
              onChange={(event) => choose(event.target.value)}
              className="min-w-0 max-w-full rounded border border-slate-400 bg-white px-1 py-0.5 font-mono text-xs dark:border-slate-500 dark:bg-slate-900"
            >
              {keyId && !keyView ? <option value={keyId}>{keyId} (no longer exists)</option> : null}
              {keys.map((key) => (
                <option key={key.keyId} value={key.keyId}>
                  {keyLabel(key)} · {key.keyState}
                  {key.keyManager === "AWS" ? " · AWS managed" : ""}
                </option>
              ))}
            </select>
          </div>
          {keyId ? <KeyLifecycle key={keyId} keyId={keyId} keyView={keyView} /> : null}
        </>
      )}
    </div>
  );
}

function keyLabel(key: KeyView): string {
  return key.aliases[0] ?? key.keyId;
}

interface CheckRecord {
  results: Map<string, SampleCheck>;
  /** The key's state, material count and the clock when the samples were decrypted. */
  state: string;
  materials: number;
  now: number;
}

function KeyLifecycle({ keyId, keyView }: { keyId: string; keyView: KeyView | undefined }) {
  const { host, runInTerminal } = useWorkspace();
  const timelineData = useSandboxData(host, `key-timeline:${keyId}`, (client) => client.visualize.keyTimeline(keyId));
  const samples = useSandboxData(host, `key-samples:${keyId}`, (client) => client.visualize.keySamples(keyId));
  const clock = useSandboxData(host, "clock", (client) => client.clock());
  const [lastSeen, setLastSeen] = useState<KeyTimeline>();
  const [transition, setTransition] = useState<{ previous?: string; current: string; count: number }>();
  const [checks, setChecks] = useState<CheckRecord>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const { working, run: act } = useExclusiveCall({ onError: (error) => setMessage({ ok: false, text: `The sandbox did not answer: ${error}` }) });
  const ids = useId();

  useEffect(() => {
    if (timelineData.data) setLastSeen(timelineData.data);
  }, [timelineData.data]);

  const missing = !timelineData.stale && !timelineData.error && timelineData.data === undefined;
  const timeline = timelineData.data ?? (missing && lastSeen && clock.data ? afterDeletion(lastSeen, clock.data.now) : undefined);
  const stateNow = timeline?.state;

  // The diagram draws the transition the key just took, when its state changes while the pane is open.
  useEffect(() => {
    if (!stateNow) return;
    setTransition((previous) => (!previous ? { current: stateNow, count: 0 } : previous.current === stateNow ? previous : { previous: previous.current, current: stateNow, count: previous.count + 1 }));
  }, [stateNow]);


  const encrypt = () =>
    act("Encrypting a sample…", async () => {
      const result = await host.client.visualize.keyEncryptSample(keyId);
      setMessage(
        result.ok
          ? { ok: true, text: `Sample ${result.sample.number} encrypted with key material version ${result.sample.materialVersion}, kept in ~/${result.sample.file}.` }
          : { ok: false, text: `KMS refused to encrypt: ${result.failure.code}: ${result.failure.message}` },
      );
    });

  const decryptAll = () =>
    act("Decrypting every sample…", async () => {
      const results = await host.client.visualize.keyCheckSamples(keyId);
      const after = await host.client.visualize.keyTimeline(keyId);
      const now = after?.now ?? (await host.client.clock()).now;
      setChecks({ results: new Map(results.map((check) => [check.file, check])), state: after?.state ?? "Deleted", materials: after?.materials.length ?? 0, now });
      const good = results.filter((check) => check.ok).length;
      setMessage({ ok: good === results.length, text: results.length === 0 ? "There are no samples to decrypt yet." : `${good} of ${results.length} samples decrypted.` });
    });

  if (timelineData.error) return <PaneError message={timelineData.error} />;
  if (!timeline) {
    if (missing)
      return (
        <Empty>
          The key <Mono>{keyId}</Mono> does not exist in this sandbox (any more): KMS answers NotFoundException for it. Pick another key.
        </Empty>
      );
    return <Empty>Reading the key&apos;s history…</Empty>;
  }

  const deleted = timeline.state === "Deleted";
  const materials = timeline.materials.length;
  const current = timeline.materials.find((material) => material.current);
  const checksStale = checks !== undefined && (checks.state !== timeline.state || checks.materials !== materials || checks.now !== timeline.now);

  return (
    <div className="space-y-3" aria-busy={timelineData.stale || working !== undefined}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="min-w-0 break-all font-mono text-sm font-semibold">{timeline.label}</h3>
        <Badge tone={TONES[stateTone(timeline.state)]}>{keyStateOf(timeline.state)}</Badge>
        {keyView?.keyManager === "AWS" ? <Badge tone="blue">AWS managed</Badge> : null}
      </div>
      <ul className="space-y-0.5 text-xs" data-testid="key-facts">
        <li>Created {formatSimTime(timeline.createdAt)}; simulated time now {formatSimTime(timeline.now)}.</li>
        <li>
          {materials === 0
            ? "No key material yet (it waits for imported material)."
            : `Key material versions: ${materials}${current ? `; version ${current.version} encrypts, all ${materials === 1 ? "of it decrypts" : `${materials} decrypt`}` : ""}.`}
        </li>
        {timeline.nextRotationAt !== undefined ? (
          <li>
            Next automatic rotation {formatSimTime(timeline.nextRotationAt)} ({formatRelative(timeline.now, timeline.nextRotationAt)}).
          </li>
        ) : null}
        {keyView?.rotation.enabled && keyView.keyState === "Disabled" ? (
          <li>
            Automatic rotation is on, but KMS rotates only an enabled key: while this key is disabled, no rotation happens. A rotation that fell due
            meanwhile runs when the key is enabled again.
          </li>
        ) : null}
        {keyView?.rotation.enabled && keyView.keyState === "PendingDeletion" ? <li>KMS does not rotate a key that is pending deletion.</li> : null}
        {timeline.deletionDate !== undefined ? (
          <li className="font-medium text-rose-800 dark:text-rose-200">
            Deleted for good {formatSimTime(timeline.deletionDate)} ({formatRelative(timeline.now, timeline.deletionDate)}) unless the deletion is cancelled.
          </li>
        ) : null}
        {deleted ? (
          <li className="font-medium text-rose-800 dark:text-rose-200">
            KMS deleted this key when its waiting period ended. Nothing encrypted under it can be decrypted again; the timeline ends there.
          </li>
        ) : null}
        {keyView?.keyManager === "AWS" ? <li>AWS manages this key: you cannot disable it, delete it or rotate it on demand; AWS rotates it every year.</li> : null}
      </ul>
      {timeline.historyComplete ? null : (
        <p className="rounded bg-amber-50 p-2 text-xs text-amber-950 dark:bg-amber-950 dark:text-amber-50">
          The trail keeps only the most recent events, and this key&apos;s creation is no longer on it: the timeline starts with the oldest event left.
        </p>
      )}

      <section aria-labelledby={`${ids}-timeline`}>
        <SubHeading>
          <span id={`${ids}-timeline`}>Timeline</span>
        </SubHeading>
        <KeyTimelineChart timeline={timeline} />
        <EventsTable timeline={timeline} />
      </section>

      {deleted ? null : (
        <section aria-labelledby={`${ids}-actions`}>
          <SubHeading>
            <span id={`${ids}-actions`}>Try it (runs in the terminal)</span>
          </SubHeading>
          <div className="space-y-2">
            {keyActions(keyId).map((group) => (
              <div key={group.title} role="group" aria-label={group.title}>
                <p className="mb-1 text-xs text-slate-700 dark:text-slate-300">{group.title}</p>
                <div className="flex flex-wrap gap-1.5">
                  {group.actions.map((action) => (
                    <button key={action.command} type="button" className={buttonClass} title={action.command} onClick={() => runInTerminal(action.command)}>
                      {action.label}
                    </button>
                  ))}
                </div>
              </div>
            ))}
            <p className="text-xs text-slate-600 dark:text-slate-400">A command the key&apos;s state does not allow fails in the terminal with AWS&apos;s error, as it would in AWS.</p>
          </div>
        </section>
      )}

      <section aria-labelledby={`${ids}-samples`}>
        <SubHeading>
          <span id={`${ids}-samples`}>Samples: do old ciphertexts still decrypt?</span>
        </SubHeading>
        <p className="text-xs text-slate-700 dark:text-slate-300">
          Each sample is a real Encrypt call, kept as a file in <Mono>~/key-samples/</Mono>. A ciphertext names the key material version that encrypted it,
          and rotation keeps every earlier version, so samples from before a rotation still decrypt. A disabled key, or one waiting for deletion, decrypts
          nothing; a deleted key never again.
        </p>
        <div className="mt-1.5 flex flex-wrap gap-1.5">
          <button type="button" className={buttonClass} onClick={() => void encrypt()}>
            Encrypt a sample now
          </button>
          <button type="button" className={buttonClass} onClick={() => void decryptAll()}>
            Decrypt every sample
          </button>
        </div>
        <p role="status" aria-live="polite" className={`mt-1 min-h-4 text-xs ${message && !message.ok ? "text-rose-800 dark:text-rose-200" : "text-slate-700 dark:text-slate-300"}`} data-testid="samples-message">
          {working ?? message?.text ?? ""}
        </p>
        {samples.data && samples.data.length > 0 ? (
          <>
            {checksStale ? <p className="text-xs text-amber-900 dark:text-amber-200">The key or the clock changed since the last decryption: press Decrypt every sample to check again.</p> : null}
            <div className="overflow-x-auto">
              <table className="w-full min-w-[18rem] text-left text-xs">
                <caption className="sr-only">Samples encrypted under {timeline.label}, and whether they decrypt</caption>
                <thead>
                  <tr className="text-slate-600 dark:text-slate-400">
                    <th scope="col" className="py-0.5 pr-2 font-medium">Sample</th>
                    <th scope="col" className="py-0.5 pr-2 font-medium">Made at</th>
                    <th scope="col" className="py-0.5 pr-2 font-medium">Material version</th>
                    <th scope="col" className="py-0.5 pr-2 font-medium">Decrypts?</th>
                    <th scope="col" className="py-0.5 font-medium">
                      <span className="sr-only">Decrypt it yourself</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {samples.data.map((sample) => {
                    const check = checks?.results.get(sample.file);
                    return (
                      <tr key={sample.file} className="border-t border-slate-200 align-top dark:border-slate-700" data-sample={sample.number}>
                        <td className="py-1 pr-2">{sample.number}</td>
                        <td className="py-1 pr-2">{formatSimTime(sample.madeAt)}</td>
                        <td className="py-1 pr-2">
                          {sample.materialVersion} of {materials}
                        </td>
                        <td className="py-1 pr-2">
                          {!check ? (
                            <span className="text-slate-600 dark:text-slate-400">not decrypted yet</span>
                          ) : check.ok ? (
                            <span className="text-emerald-800 dark:text-emerald-200">
                              <span aria-hidden>✓ </span>“{check.plaintext}”
                            </span>
                          ) : (
                            <span className="text-rose-800 dark:text-rose-200">
                              <span aria-hidden>✗ </span>
                              <span className="font-mono">{check.failure?.code}</span>
                              <span className="block text-slate-700 dark:text-slate-300">{check.failure?.message}</span>
                            </span>
                          )}
                        </td>
                        <td className="py-1">
                          <button type="button" className={buttonClass} onClick={() => runInTerminal(decryptSampleCommand(sample.file))} aria-label={`Decrypt sample ${sample.number} in terminal`}>
                            In terminal
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <p className="mt-1.5 text-xs">Decrypt one yourself (KMS reads the key and the material version from the ciphertext):</p>
            <CommandList commands={[{ command: decryptSampleCommand(samples.data[0]!.file) }]} runInTerminal={runInTerminal} />
          </>
        ) : (
          <Empty>No samples yet: encrypt one, rotate the key, encrypt another.</Empty>
        )}
      </section>

      <section aria-labelledby={`${ids}-machine`}>
        <SubHeading>
          <span id={`${ids}-machine`}>The key lifecycle state machine</span>
        </SubHeading>
        {transition ? (
          <LazyMachineDiagram key={transition.count} machine="kms-key" compact current={transition.current} previous={transition.previous} />
        ) : null}
      </section>
    </div>
  );
}

function EventsTable({ timeline }: { timeline: KeyTimeline }) {
  const ahead = [
    ...(timeline.deletionDate === undefined ? [] : [{ at: timeline.deletionDate, text: "Deletion: KMS deletes the key and its key material when the waiting period ends" }]),
    ...(timeline.nextRotationAt === undefined ? [] : [{ at: timeline.nextRotationAt, text: "Next automatic rotation: KMS adds a key material version" }]),
  ].sort((a, b) => a.at - b.at);
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full min-w-[18rem] text-left text-xs" data-testid="key-events">
        <caption className="mb-1 text-left text-xs font-medium text-slate-700 dark:text-slate-300">The timeline as text: events, oldest first</caption>
        <thead>
          <tr className="text-slate-600 dark:text-slate-400">
            <th scope="col" className="py-0.5 pr-2 font-medium">When</th>
            <th scope="col" className="py-0.5 pr-2 font-medium">Event</th>
            <th scope="col" className="py-0.5 pr-2 font-medium">State after</th>
            <th scope="col" className="py-0.5 font-medium">Key material</th>
          </tr>
        </thead>
        <tbody>
          {timeline.events.map((event, index) => (
            <tr key={index} className="border-t border-slate-200 align-top dark:border-slate-700">
              <td className="py-0.5 pr-2 whitespace-nowrap">{formatSimTime(event.at)}</td>
              <td className="py-0.5 pr-2 font-mono">{event.eventName}</td>
              <td className="py-0.5 pr-2">{keyStateOf(event.state)}</td>
              <td className="py-0.5">{event.materialVersion !== undefined ? `version ${event.materialVersion} added` : event.eventName === "CreateKey" && timeline.materials[0]?.createdAt === event.at ? "version 1" : ""}</td>
            </tr>
          ))}
          <tr className="border-t border-slate-300 font-medium dark:border-slate-600">
            <td className="py-0.5 pr-2 whitespace-nowrap">{formatSimTime(timeline.now)}</td>
            <td className="py-0.5 pr-2">now</td>
            <td className="py-0.5 pr-2">{keyStateOf(timeline.state)}</td>
            <td className="py-0.5">{timeline.materials.length > 0 ? `${timeline.materials.length} version${timeline.materials.length === 1 ? "" : "s"}` : ""}</td>
          </tr>
          {ahead.map((item) => (
            <tr key={item.text} className="border-t border-dashed border-slate-300 italic dark:border-slate-600">
              <td className="py-0.5 pr-2 whitespace-nowrap">{formatSimTime(item.at)}</td>
              <td className="py-0.5 pr-2" colSpan={3}>
                {item.text} ({formatRelative(timeline.now, item.at)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
