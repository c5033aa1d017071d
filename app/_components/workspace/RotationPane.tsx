"use client";

import { useEffect, useId, useMemo, useState } from "react";
import { durationArgument } from "@/lib/workspace/clock-commands";
import { formatDuration, formatRelative, formatSimTime } from "@/lib/workspace/format";
import { FAILURES, MASTER_SECRET, SETUPS, STRATEGIES, WALKTHROUGH_DATABASE, type InjectedFailure, type RotationRun, type Strategy, type WalkthroughState } from "@/lib/visualize/rotation/model";
import { FAILURE_DESCRIPTIONS, FAILURE_LABELS, frameAtStep, lastStepOf, MOMENT_EXPLANATIONS, MOMENT_LABELS, MOMENTS, passwordNumbers, STRATEGY_LABELS, stepSummary } from "@/lib/visualize/rotation/story";
import { LazyMachineDiagram } from "./LazyMachineDiagram";
import { CommandList } from "./CommandList";
import { RotationFrameView, UnfinishedRotation } from "./RotationFrameView";
import { buttonClass, Empty, Mono, PaneError, SubHeading } from "./ui";
import { useSandboxData } from "./useSandboxData";
import { useExclusiveCall } from "./useExclusiveCall";
import { useWorkspace } from "./workspace-context";

/** A rotation the pane watched: RotateSecret now, or the scheduled rotations the clock passed. */
interface Capture {
  kind: "now" | "scheduled";
  runs: RotationRun[];
  /** The failure that was injected when it ran (its recovery names the fix). */
  failure: InjectedFailure;
  /** For scheduled rotations: how far the clock moved, and from when. */
  advancedMs?: number;
  from?: number;
}

const PLAY_INTERVAL_MS = 2200;
const SCHEDULE_DAYS = [1, 7, 30, 90] as const;

const primaryButton =
  "rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-600 disabled:opacity-50 dark:bg-brand-300 dark:text-slate-950 dark:hover:bg-brand-400";

/**
 * The Secret rotation pane: two secrets for one simulated database, rotated
 * by the engine (single user and alternating users) while the pane watches
 * each step; the learner steps through what each step did to the versions,
 * the database and an application, injects failures and recovers from them,
 * and lets the simulated clock run scheduled rotations.
 */
export function RotationPane() {
  const { host, runInTerminal } = useWorkspace();
  const walkthrough = useSandboxData(host, "walkthrough", (client) => client.visualize.walkthroughState());
  const clock = useSandboxData(host, "clock", (client) => client.clock());
  const [capture, setCapture] = useState<Capture>();
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { working, run: act } = useExclusiveCall({ onStart: () => setProblem(undefined), onError: setProblem });
  const [scheduleDays, setScheduleDays] = useState<number>(30);
  const [scheduleRefusals, setScheduleRefusals] = useState<{ code: string; message: string }[]>();
  const [nothingDue, setNothingDue] = useState(false);
  const daysId = useId();

  const state = walkthrough.data;
  const lastStep = capture ? lastStepOf(capture.runs) : 0;

  // A reset or an import takes the walkthrough away: what was captured no longer describes this sandbox.
  useEffect(() => {
    if (state && !state.prepared) setCapture(undefined);
  }, [state]);

  useEffect(() => {
    if (!playing) return;
    if (step >= lastStep) {
      setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => setStep((value) => Math.min(value + 1, lastStep)), PLAY_INTERVAL_MS);
    return () => window.clearTimeout(timer);
  }, [playing, step, lastStep]);

  const show = (next: Capture) => {
    setCapture(next);
    setStep(0);
    setPlaying(false);
  };

  const prepare = () => act("Setting up the walkthrough…", () => host.client.visualize.walkthroughPrepare());
  const inject = (failure: InjectedFailure) => act(failure === "none" ? "Removing the injected failure…" : "Injecting the failure…", () => host.client.visualize.walkthroughInject(failure));
  const rotate = async () => {
    const failure = state?.failure ?? "none";
    const runs = await act("Rotating both secrets…", () => host.client.visualize.walkthroughRotate());
    if (runs) show({ kind: "now", runs, failure });
  };
  const schedule = async () => {
    const refusals = await act("Turning on scheduled rotation…", () => host.client.visualize.walkthroughSchedule(scheduleDays));
    if (refusals) setScheduleRefusals(refusals);
  };
  const advance = async () => {
    const failure = state?.failure ?? "none";
    const from = clock.data?.now;
    const result = await act("Moving the clock…", () => host.client.visualize.walkthroughAdvance());
    if (!result) return;
    setNothingDue(result.runs.length === 0);
    if (result.runs.length > 0) show({ kind: "scheduled", runs: result.runs, failure, advancedMs: result.advancedMs, ...(from === undefined ? {} : { from }) });
  };

  if (walkthrough.error) return <PaneError message={walkthrough.error} />;
  if (!state) return <Empty>Reading the sandbox…</Empty>;

  return (
    <div className="@container space-y-3 p-2 text-sm" aria-busy={walkthrough.stale || working !== undefined}>
      <p className="text-xs text-slate-700 dark:text-slate-300">
        Two secrets for one simulated MySQL database, rotated by AWS&apos;s two rotation templates, step by step. The sandbox runs a rotation inside the
        RotateSecret call and records each step, so you can go back and forth through it; in AWS the steps run one after another within seconds.
      </p>
      <div role="status" aria-live="polite" className="min-h-4 text-xs text-slate-700 dark:text-slate-300">
        {working ?? ""}
      </div>
      {problem ? <PaneError message={problem} /> : null}

      {!state.prepared ? (
        <SetUp prepare={() => void prepare()} />
      ) : (
        <>
          <Controls
            state={state}
            inject={(failure) => void inject(failure)}
            rotate={() => void rotate()}
          />
          <Schedule
            state={state}
            now={clock.data?.now}
            days={scheduleDays}
            daysId={daysId}
            setDays={setScheduleDays}
            schedule={() => void schedule()}
            advance={() => void advance()}
            refusals={scheduleRefusals}
            nothingDue={nothingDue}
            capture={capture}
            runInTerminal={runInTerminal}
          />
          {!capture
            ? state.secrets
                .filter((secret) => secret.rotationState === "incomplete")
                .map((secret) => <UnfinishedRotation key={secret.strategy} secret={secret} failure={state.failure} runInTerminal={runInTerminal} fixCause={() => void inject("none")} />)
            : null}
          {capture ? (
            <Stepper
              capture={capture}
              step={step}
              setStep={(next) => {
                setPlaying(false);
                setStep(next);
              }}
              lastStep={lastStep}
              playing={playing}
              togglePlay={() => {
                if (playing) setPlaying(false);
                else {
                  if (step >= lastStep) setStep(0);
                  setPlaying(true);
                }
              }}
              state={state}
              runInTerminal={runInTerminal}
              fixCause={() => void inject("none")}
            />
          ) : (
            <Empty>Press Rotate both to rotate the two secrets and step through what happened.</Empty>
          )}
        </>
      )}
    </div>
  );
}

function SetUp({ prepare }: { prepare(): void }) {
  return (
    <section aria-label="Set up" className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <p>
        The walkthrough needs a database to rotate passwords in. Setting it up creates, in your sandbox (you will see them in Resources, and the calls in
        Activity):
      </p>
      <ul className="list-disc space-y-0.5 pl-5 text-xs">
        <li>
          a simulated MySQL database <Mono>{WALKTHROUGH_DATABASE}</Mono> whose password policy is MySQL&apos;s MEDIUM;
        </li>
        <li>
          the secret <Mono>{SETUPS["single-user"].secretName}</Mono> for its user <Mono>{SETUPS["single-user"].username}</Mono>, and a rotation function
          from AWS&apos;s single-user template;
        </li>
        <li>
          the secret <Mono>{SETUPS["alternating-users"].secretName}</Mono> for its user <Mono>{SETUPS["alternating-users"].username}</Mono>, and a
          rotation function from the alternating-users template, which also needs the admin&apos;s secret <Mono>{MASTER_SECRET}</Mono>.
        </li>
      </ul>
      <button type="button" className={primaryButton} onClick={prepare}>
        Set up the walkthrough
      </button>
    </section>
  );
}

function Controls({ state, inject, rotate }: { state: WalkthroughState; inject(failure: InjectedFailure): void; rotate(): void }) {
  const groupId = useId();
  return (
    <section aria-label="Rotate" className="space-y-2">
      <div role="group" aria-labelledby={groupId}>
        <p id={groupId} className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
          Failure to inject
        </p>
        <ul className="grid gap-1 @xl:grid-cols-2">
          {FAILURES.map((failure) => {
            const active = state.failure === failure;
            return (
              <li key={failure}>
                <button
                  type="button"
                  aria-pressed={active}
                  onClick={() => inject(failure)}
                  className={`h-full w-full rounded-md px-2 py-1.5 text-left text-xs ring-1 ${active ? "bg-brand-50 ring-2 ring-brand-600 dark:bg-slate-800 dark:ring-brand-300" : "ring-slate-300 hover:bg-slate-100 dark:ring-slate-600 dark:hover:bg-slate-800"}`}
                >
                  <span className="block font-semibold">
                    {active ? <span aria-hidden>● </span> : <span aria-hidden>○ </span>}
                    {FAILURE_LABELS[failure]}
                  </span>
                  <span className="block text-slate-700 dark:text-slate-300">{FAILURE_DESCRIPTIONS[failure]}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={primaryButton} onClick={rotate}>
          Rotate both
        </button>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          RotateSecret on both secrets now{state.failure === "none" ? "" : `, with “${FAILURE_LABELS[state.failure]}” injected`}.
        </span>
      </div>
    </section>
  );
}

function Schedule({
  state,
  now,
  days,
  daysId,
  setDays,
  schedule,
  advance,
  refusals,
  nothingDue,
  capture,
  runInTerminal,
}: {
  state: WalkthroughState;
  now: number | undefined;
  days: number;
  daysId: string;
  setDays(days: number): void;
  schedule(): void;
  advance(): void;
  refusals: { code: string; message: string }[] | undefined;
  nothingDue: boolean;
  capture: Capture | undefined;
  runInTerminal(command: string): void;
}) {
  const next = state.secrets.flatMap((secret) => (secret.nextRotationAt === undefined ? [] : [secret.nextRotationAt])).sort((a, b) => a - b)[0];
  const scheduled = state.secrets.filter((secret) => secret.rotationEnabled && secret.nextRotationAt !== undefined);
  return (
    <section aria-labelledby={`${daysId}-heading`} className="rounded-lg border border-slate-200 p-2 dark:border-slate-700">
      <h3 id={`${daysId}-heading`} className="text-sm font-semibold">
        Scheduled rotation
      </h3>
      <p className="text-xs">
        Simulated time now: <strong className="font-mono">{now === undefined ? "…" : formatSimTime(now)}</strong>
      </p>
      <div className="mt-1.5 flex flex-wrap items-center gap-2">
        <label htmlFor={daysId} className="text-xs">
          Rotate every
        </label>
        <select
          id={daysId}
          value={days}
          onChange={(event) => setDays(Number(event.target.value))}
          className="rounded border border-slate-400 bg-white px-1 py-0.5 text-xs dark:border-slate-500 dark:bg-slate-900"
        >
          {SCHEDULE_DAYS.map((option) => (
            <option key={option} value={option}>
              {option} {option === 1 ? "day" : "days"}
            </option>
          ))}
        </select>
        <button type="button" className={buttonClass} onClick={schedule}>
          Turn on the schedule
        </button>
      </div>
      {refusals && refusals.length > 0 ? (
        <ul className="mt-1 text-xs text-rose-800 dark:text-rose-200">
          {refusals.map((refusal, index) => (
            <li key={index}>
              RotateSecret refused: {refusal.code}: {refusal.message}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-1.5 text-xs">
        {scheduled.length === 0 || next === undefined ? (
          "No rotation is scheduled."
        ) : (
          <>
            Next scheduled rotation: <strong className="font-mono">{formatSimTime(next)}</strong>
            {now === undefined ? "" : ` (${formatRelative(now, next)})`}, for {scheduled.map((secret) => secret.secretName).join(" and ")}. The sandbox
            rotates at the start of the rotation window; AWS picks a moment inside it.
          </>
        )}
      </p>
      {next !== undefined ? (
        <button type="button" className={`${buttonClass} mt-1.5`} onClick={advance}>
          Advance the clock to the next rotation
        </button>
      ) : null}
      {nothingDue ? <p className="mt-1 text-xs">Nothing was due: no rotation ran.</p> : null}
      {capture?.kind === "scheduled" && capture.advancedMs !== undefined ? (
        <p className="mt-1.5 text-xs" data-testid="clock-moved">
          The clock moved forward {formatDuration(capture.advancedMs)}
          {capture.from === undefined ? "" : `, to ${formatSimTime(capture.from + capture.advancedMs)}`}: what <Mono>{`clock advance ${durationArgument(capture.advancedMs)}`}</Mono>{" "}
          does in the terminal. The rotations that fell due ran on the way; their steps are below.
        </p>
      ) : null}
      {scheduled.length > 0 ? (
        <CommandList
          commands={[{ command: `aws secretsmanager describe-secret --secret-id ${SETUPS["single-user"].secretName} --query '{Enabled:RotationEnabled,Rules:RotationRules,Next:NextRotationDate}'`, note: "Shows the schedule as Secrets Manager reports it." }]}
          runInTerminal={runInTerminal}
        />
      ) : null}
    </section>
  );
}

const ROTATION_STATE_TEXT: Record<string, string> = {
  idle: "idle: no rotation is in progress",
  createSecret: "createSecret: the function's createSecret step runs next",
  setSecret: "setSecret: the function's setSecret step runs next",
  testSecret: "testSecret: the function's testSecret step runs next",
  finishSecret: "finishSecret: the function's finishSecret step runs next",
  incomplete: "incomplete: AWSPENDING is left on a version other than AWSCURRENT, and RotateSecret is refused until that changes",
};

const stepButton = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-400 hover:bg-slate-100 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 dark:ring-slate-500 dark:hover:bg-slate-800";

function Stepper({
  capture,
  step,
  setStep,
  lastStep,
  playing,
  togglePlay,
  state,
  runInTerminal,
  fixCause,
}: {
  capture: Capture;
  step: number;
  setStep(step: number): void;
  lastStep: number;
  playing: boolean;
  togglePlay(): void;
  state: WalkthroughState;
  runInTerminal(command: string): void;
  fixCause(): void;
}) {
  const headingId = useId();
  const runs = useMemo(() => [...capture.runs].sort((a, b) => STRATEGIES.indexOf(a.strategy) - STRATEGIES.indexOf(b.strategy)), [capture.runs]);
  const numbers = useMemo(() => new Map(runs.map((run) => [run.strategy, passwordNumbers(run)])), [runs]);
  const [diagramFor, setDiagramFor] = useState<Strategy>(runs[0]?.strategy ?? "single-user");
  const moment = MOMENTS[step] ?? "before";
  const startedAt = runs.flatMap((run) => run.frames.filter((frame) => frame.moment !== "before").map((frame) => frame.at))[0] ?? runs[0]?.frames[0]?.at;
  const diagramRun = runs.find((run) => run.strategy === diagramFor) ?? runs[0];
  const diagramFrame = diagramRun ? frameAtStep(diagramRun, step) : undefined;
  const allRefused = runs.every((run) => run.outcome === "refused");

  return (
    <section aria-labelledby={headingId} className="space-y-2 border-t border-slate-200 pt-2 dark:border-slate-700">
      <h3 id={headingId} className="text-sm font-semibold">
        {capture.kind === "now" ? "RotateSecret" : "Scheduled rotation"}
        {startedAt === undefined ? "" : `, ${formatSimTime(startedAt)}`}
        {capture.failure === "none" ? "" : ` (with “${FAILURE_LABELS[capture.failure]}”)`}
      </h3>
      {allRefused ? null : (
        <>
          <ol className="flex flex-wrap gap-1" aria-label="Steps of the rotation">
            {MOMENTS.map((candidate, index) => {
              const reached = index <= lastStep;
              const current = index === step;
              return (
                <li key={candidate}>
                  <button
                    type="button"
                    aria-current={current ? "step" : undefined}
                    disabled={!reached}
                    onClick={() => setStep(index)}
                    className={`rounded-full px-2.5 py-1 text-xs font-medium ring-1 disabled:cursor-not-allowed disabled:opacity-50 ${current ? "bg-brand-700 text-white ring-brand-700 dark:bg-brand-300 dark:text-slate-950 dark:ring-brand-300" : "ring-slate-300 hover:bg-slate-100 dark:ring-slate-600 dark:hover:bg-slate-800"}`}
                  >
                    <span aria-hidden>{index + 1}. </span>
                    {MOMENT_LABELS[candidate]}
                    {reached ? "" : <span className="sr-only"> (not reached)</span>}
                  </button>
                </li>
              );
            })}
          </ol>
          <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Step through the rotation">
            <button type="button" className={stepButton} aria-disabled={step === 0} onClick={() => step > 0 && setStep(step - 1)}>
              <span aria-hidden>← </span>Back
            </button>
            <button type="button" className={stepButton} onClick={togglePlay} aria-pressed={playing}>
              {playing ? (
                <>
                  <span aria-hidden>❚❚ </span>Pause
                </>
              ) : (
                <>
                  <span aria-hidden>▶ </span>Play
                </>
              )}
            </button>
            <button type="button" className={stepButton} aria-disabled={step >= lastStep} onClick={() => step < lastStep && setStep(step + 1)}>
              Next<span aria-hidden> →</span>
            </button>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              Step {step + 1} of {MOMENTS.length}
              {lastStep < MOMENTS.length - 1 ? `; the rotation stopped at ${MOMENT_LABELS[MOMENTS[lastStep] ?? "before"]}` : ""}
            </span>
          </div>
          <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="step-announcement">
            {stepSummary(step, runs)}
          </p>
          <p className="rounded-md bg-slate-100 p-2 text-sm text-slate-900 dark:bg-slate-800 dark:text-slate-100" data-testid="step-explanation">
            {MOMENT_EXPLANATIONS[moment]}
          </p>
        </>
      )}
      <div className="grid gap-2 @2xl:grid-cols-2">
        {runs.map((run) => {
          const shown = frameAtStep(run, step);
          return shown ? (
            <RotationFrameView
              key={run.strategy}
              run={run}
              shown={shown}
              step={step}
              numbers={numbers.get(run.strategy) ?? new Map()}
              live={state.secrets.find((secret) => secret.strategy === run.strategy)}
              failureAtCapture={capture.failure}
              currentFailure={state.failure}
              runInTerminal={runInTerminal}
              fixCause={fixCause}
            />
          ) : null;
        })}
      </div>
      {diagramRun && diagramFrame && !allRefused ? (
        <section aria-labelledby={`${headingId}-machine`} className="rounded-lg border border-slate-200 p-2 dark:border-slate-700">
          <h4 id={`${headingId}-machine`} className="text-sm font-semibold">
            Where the rotation stands
          </h4>
          {runs.length > 1 ? (
            <div role="group" aria-label="Show the rotation of" className="mt-1 flex flex-wrap gap-1">
              {runs.map((run) => (
                <button key={run.strategy} type="button" aria-pressed={run.strategy === diagramRun.strategy} onClick={() => setDiagramFor(run.strategy)} className={`${buttonClass} aria-pressed:bg-brand-50 aria-pressed:ring-2 aria-pressed:ring-brand-600 dark:aria-pressed:bg-slate-800 dark:aria-pressed:ring-brand-300`}>
                  {STRATEGY_LABELS[run.strategy]}
                </button>
              ))}
            </div>
          ) : null}
          <p className="mt-1 text-xs">
            {STRATEGY_LABELS[diagramRun.strategy]}, after {MOMENT_LABELS[diagramFrame.frame.moment]}: the engine&apos;s rotation machine is in{" "}
            {ROTATION_STATE_TEXT[diagramFrame.frame.rotationState] ?? diagramFrame.frame.rotationState}. Each state is named after the step that runs next.
          </p>
          <SubHeading>The secret-rotation state machine</SubHeading>
          <LazyMachineDiagram
            key={`${diagramRun.strategy}-${step}`}
            machine="secret-rotation"
            compact
            current={diagramFrame.frame.rotationState}
            previous={diagramFrame.atStep ? diagramFrame.previous?.rotationState : undefined}
          />
        </section>
      ) : null}
    </section>
  );
}
