"use client";

import { useId } from "react";
import { recoveryFor, unfinishedRotationCommands, type InjectedFailure, type RotationFrame, type RotationRun, type WalkthroughState } from "@/lib/visualize/rotation/model";
import { appSentence, changedUsers, lastStep, lookCommands, MOMENT_LABELS, STRATEGY_LABELS, STRATEGY_SUMMARIES, strategyNote, versionChanges, type FrameAtStep, type VersionChange } from "@/lib/visualize/rotation/story";
import { StageBadges } from "./ResourcesPane";
import { CommandList } from "./CommandList";
import { Badge, buttonClass, Mono, SubHeading, type Tone } from "./ui";

type SecretState = WalkthroughState["secrets"][number];

const PASSWORD_TONES: Tone[] = ["blue", "violet", "amber", "grey"];

/** A password as "password 2" (what a learner compares) and its first characters. */
export function PasswordTag({ password, numbers }: { password: string; numbers: ReadonlyMap<string, number> }) {
  const number = numbers.get(password);
  return (
    <span className="inline-flex min-w-0 flex-wrap items-center gap-1" title={password} data-password>
      <Badge tone={PASSWORD_TONES[((number ?? 1) - 1) % PASSWORD_TONES.length]!}>password {number ?? "?"}</Badge>
      <code aria-hidden className="break-all font-mono text-[0.75rem] text-slate-700 dark:text-slate-300">
        {password.length > 14 ? `${password.slice(0, 12)}…` : password}
      </code>
    </span>
  );
}

const CHANGE_TEXT: Record<VersionChange, string> = { new: "new in this step", labels: "labels moved", value: "value stored" };

/** One strategy's secret at one step: versions, database users, what an application gets, and how to look. */
export function RotationFrameView({
  run,
  shown,
  step,
  numbers,
  live,
  failureAtCapture,
  currentFailure,
  runInTerminal,
  fixCause,
}: {
  run: RotationRun;
  shown: FrameAtStep;
  step: number;
  numbers: ReadonlyMap<string, number>;
  live: SecretState | undefined;
  failureAtCapture: InjectedFailure;
  currentFailure: InjectedFailure;
  runInTerminal(command: string): void;
  fixCause(): void;
}) {
  const headingId = useId();
  const { frame, previous } = shown;
  const changes = versionChanges(frame, shown.atStep ? previous : undefined);
  const changed = changedUsers(frame, shown.atStep ? previous : undefined);
  const note = shown.atStep && frame.ok ? strategyNote(run.strategy, frame.moment) : undefined;
  const failedHere = !frame.ok;
  const latest = step >= lastStep(run);
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-lg border border-slate-200 p-2 dark:border-slate-700" data-strategy={run.strategy}>
      <h4 id={headingId} className="text-sm font-semibold">
        {STRATEGY_LABELS[run.strategy]} <span className="font-mono text-[0.8rem] font-normal text-slate-600 dark:text-slate-400">{run.secretName}</span>
      </h4>
      <p className="text-xs text-slate-600 dark:text-slate-400">{STRATEGY_SUMMARIES[run.strategy]}</p>

      {run.outcome === "refused" && run.refusal ? (
        <Refusal refusal={run.refusal} />
      ) : (
        <>
          {shown.stoppedBefore ? (
            <p className="mt-2 rounded bg-slate-100 px-2 py-1 text-xs dark:bg-slate-800">
              This rotation stopped at <span className="font-mono">{MOMENT_LABELS[frame.moment]}</span>: the secret below is as that step left it.
            </p>
          ) : null}
          {failedHere ? (
            <div className="mt-2 rounded border border-rose-300 bg-rose-50 p-2 text-xs text-rose-950 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100" data-testid="step-error">
              <p className="font-semibold">
                <span aria-hidden>✗ </span>
                {frame.moment} failed: {frame.error?.type ?? "Error"}
              </p>
              <p className="mt-0.5 break-words font-mono">{frame.error?.message}</p>
            </div>
          ) : null}
          <AppOutcome frame={frame} numbers={numbers} />
          {note ? <p className="mt-2 text-xs">{note}</p> : null}

          <SubHeading>Versions of the secret, newest first</SubHeading>
          <ul className="space-y-1" aria-label={`Versions of ${run.secretName}`}>
            {frame.versions.map((version) => {
              const change = changes.get(version.versionId);
              return (
                <li
                  key={version.versionId}
                  data-version={version.versionId}
                  className={`rounded border px-2 py-1 text-xs ${change ? "border-brand-600 bg-brand-50 dark:border-brand-400 dark:bg-slate-900" : "border-slate-200 dark:border-slate-700"}`}
                >
                  <div className="flex flex-wrap items-center gap-1">
                    <span className="font-mono" title={version.versionId}>
                      {version.versionId.slice(0, 8)}…
                    </span>
                    <StageBadges stages={version.stages} />
                    {change ? <span className="font-medium text-brand-700 dark:text-brand-300">({CHANGE_TEXT[change]})</span> : null}
                  </div>
                  <div className="mt-0.5 flex flex-wrap items-center gap-1">
                    {version.password === undefined ? (
                      <span className="italic text-slate-600 dark:text-slate-400">no value yet: an empty placeholder</span>
                    ) : (
                      <>
                        <span className="font-mono">{version.username}</span>
                        <PasswordTag password={version.password} numbers={numbers} />
                      </>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>

          <SubHeading>The database&apos;s users now</SubHeading>
          {frame.databaseReachable ? null : <p className="text-xs text-rose-800 dark:text-rose-200">The database is down.</p>}
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Users of the database and their passwords after {MOMENT_LABELS[frame.moment]}</caption>
            <thead>
              <tr className="text-slate-600 dark:text-slate-400">
                <th scope="col" className="py-0.5 pr-2 font-medium">User</th>
                <th scope="col" className="py-0.5 font-medium">Password in the database</th>
              </tr>
            </thead>
            <tbody>
              {frame.databaseUsers.map((user) => (
                <tr key={user.username} className={`border-t border-slate-200 align-top dark:border-slate-700 ${changed.has(user.username) ? "bg-amber-50 dark:bg-amber-950" : ""}`}>
                  <td className="py-1 pr-2 font-mono">{user.username}</td>
                  <td className="py-1">
                    <span className="inline-flex flex-wrap items-center gap-1">
                      <PasswordTag password={user.password} numbers={numbers} />
                      {changed.has(user.username) ? <Badge tone="amber">changed in this step</Badge> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          {frame.log.length > 0 ? (
            <>
              <SubHeading>The function&apos;s log for this step</SubHeading>
              <pre className="max-h-32 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-1.5 font-mono text-[0.7rem] leading-snug text-slate-900 dark:bg-slate-900 dark:text-slate-100" tabIndex={0} aria-label={`Log of the rotation function for ${MOMENT_LABELS[frame.moment]}`}>
                {frame.log.join("\n")}
              </pre>
            </>
          ) : null}

          {run.outcome === "failed" && latest ? (
            <RecoveryView run={run} failure={failureAtCapture} currentFailure={currentFailure} live={live} runInTerminal={runInTerminal} fixCause={fixCause} />
          ) : null}

          <SubHeading>Look for yourself</SubHeading>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {latest
              ? "These commands show the secret as it is now, which is this step's state unless something changed it since."
              : "The rotation went on past this step, so these commands show a later state than this one (the last step's, unless something changed it since)."}
          </p>
          <CommandList commands={lookCommands(frame.moment, frame.ok, run.secretName).map((look) => ({ command: look.command, note: `Shows ${look.shows}.` }))} runInTerminal={runInTerminal} />
        </>
      )}
      {run.outcome === "refused" && live?.rotationState === "incomplete" ? (
        <UnfinishedRotation secret={live} failure={currentFailure} runInTerminal={runInTerminal} fixCause={fixCause} />
      ) : null}
    </section>
  );
}

function AppOutcome({ frame, numbers }: { frame: RotationFrame; numbers: ReadonlyMap<string, number> }) {
  const works = frame.app.loginWorks;
  const user = frame.databaseUsers.find((candidate) => candidate.username === frame.app.username);
  const why = works
    ? undefined
    : !frame.databaseReachable
      ? "The database cannot be reached."
      : !user
        ? `The database has no user ${frame.app.username ?? ""}.`
        : `The database now has password ${numbers.get(user.password) ?? "?"} for ${user.username}.`;
  return (
    <div
      data-testid="app-outcome"
      data-works={works}
      className={`mt-2 rounded-md border-2 p-2 text-sm ${works ? "border-emerald-600 bg-emerald-50 text-emerald-950 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-50" : "border-rose-600 bg-rose-50 text-rose-950 dark:border-rose-500 dark:bg-rose-950 dark:text-rose-50"}`}
    >
      <p className="font-semibold">
        <span aria-hidden>{works ? "✓ " : "✗ "}</span>
        {appSentence(frame, numbers)}
      </p>
      {why ? <p className="mt-0.5 text-xs">{why}</p> : null}
    </div>
  );
}

function Refusal({ refusal }: { refusal: { code: string; message: string } }) {
  return (
    <div className="mt-2 rounded border border-amber-400 bg-amber-50 p-2 text-xs text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-50" data-testid="refusal">
      <p className="font-semibold">RotateSecret was refused: nothing was rotated.</p>
      <p className="mt-0.5 font-mono">
        An error occurred ({refusal.code}) when calling the RotateSecret operation: {refusal.message}
      </p>
    </div>
  );
}

function FixCause({ failure, currentFailure, fixCause, fix }: { failure: InjectedFailure; currentFailure: InjectedFailure; fixCause(): void; fix: string }) {
  return (
    <li>
      <p>
        <span className="font-semibold">Fix the cause.</span> In AWS: {fix}
      </p>
      {currentFailure === "none" ? (
        <p className="mt-1 text-emerald-800 dark:text-emerald-200">
          <span aria-hidden>✓ </span>Done: no failure is injected now.
        </p>
      ) : (
        <button type="button" className={`${buttonClass} mt-1`} onClick={fixCause}>
          Fix the cause{failure !== currentFailure ? " (remove the injected failure)" : ""}
        </button>
      )}
    </li>
  );
}

/** What a failed rotation left behind and how to get out of it (the cause first, then the secret). */
function RecoveryView({
  run,
  failure,
  currentFailure,
  live,
  runInTerminal,
  fixCause,
}: {
  run: RotationRun;
  failure: InjectedFailure;
  currentFailure: InjectedFailure;
  live: SecretState | undefined;
  runInTerminal(command: string): void;
  fixCause(): void;
}) {
  const recovery = recoveryFor(failure, run, live?.pendingVersionId);
  const unfinished = live?.rotationState === "incomplete";
  return (
    <section aria-label={`Recovering ${run.secretName}`} className="mt-3 rounded border border-slate-300 p-2 text-xs dark:border-slate-600" data-testid="recovery">
      <h5 className="text-sm font-semibold">What AWS leaves behind, and how to recover</h5>
      <p className="mt-1">{recovery.explanation}</p>
      <ol className="mt-2 list-decimal space-y-2 pl-4">
        <FixCause failure={failure} currentFailure={currentFailure} fixCause={fixCause} fix={recovery.fix} />
        <li>
          <p>
            <span className="font-semibold">Clear the unfinished rotation and rotate again</span>, in the terminal:
          </p>
          {unfinished ? (
            <>
              <CommandList commands={recovery.commands.map((command) => ({ command }))} runInTerminal={runInTerminal} />
              {recovery.commands.length > 1 ? (
                <button type="button" className={`${buttonClass} mt-1.5`} onClick={() => runInTerminal(recovery.commands.join("\n"))}>
                  Run all {recovery.commands.length} in terminal
                </button>
              ) : null}
              <p className="mt-1.5 text-slate-600 dark:text-slate-400">
                To watch the new rotation step by step instead, run only the first command (it removes AWSPENDING), then press Rotate both.
              </p>
            </>
          ) : (
            <p className="mt-1 text-emerald-800 dark:text-emerald-200">
              <span aria-hidden>✓ </span>Nothing to clear: {run.secretName} has no unfinished rotation now. Press Rotate both to watch a new rotation.
            </p>
          )}
        </li>
      </ol>
    </section>
  );
}

/** A secret whose earlier rotation did not finish: RotateSecret refuses until AWSPENDING is dealt with. */
export function UnfinishedRotation({ secret, failure, runInTerminal, fixCause }: { secret: SecretState; failure: InjectedFailure; runInTerminal(command: string): void; fixCause(): void }) {
  const commands = unfinishedRotationCommands(secret.secretName, secret.pendingVersionId);
  return (
    <div className="mt-2 rounded border border-slate-300 p-2 text-xs dark:border-slate-600" data-testid="unfinished">
      <p>
        <span className="font-semibold">{secret.secretName} has an unfinished rotation</span>
        {secret.pendingVersionId ? (
          <>
            : AWSPENDING is on version <Mono>{secret.pendingVersionId.slice(0, 8)}…</Mono>, not on the AWSCURRENT one.
          </>
        ) : (
          "."
        )}{" "}
        Secrets Manager retries it at the next scheduled rotation; until then RotateSecret is refused. To get out now
        {failure === "none" ? "" : ", fix the cause, then"} remove AWSPENDING and rotate again:
      </p>
      {failure === "none" ? null : (
        <button type="button" className={`${buttonClass} mt-1`} onClick={fixCause}>
          Fix the cause (remove the injected failure)
        </button>
      )}
      <CommandList commands={commands.map((command) => ({ command }))} runInTerminal={runInTerminal} />
    </div>
  );
}
