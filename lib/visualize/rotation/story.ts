/**
 * How the Secret rotation pane tells a captured rotation: the six moments a
 * learner steps through, what each step did (in our words, after AWS's
 * description of rotation functions), which frame of each run to show at a
 * step, what changed since the step before, and the CLI commands that look
 * at that moment. Pure and free of the engine: the page imports it.
 */
import type { InjectedFailure, RotationFrame, RotationRun, Strategy } from "./model";

export type Moment = RotationFrame["moment"];

/** The moments in the order a rotation passes them. */
export const MOMENTS: readonly Moment[] = ["before", "started", "createSecret", "setSecret", "testSecret", "finishSecret"];

export const MOMENT_LABELS: Readonly<Record<Moment, string>> = {
  before: "Before",
  started: "Placeholder created",
  createSecret: "createSecret",
  setSecret: "setSecret",
  testSecret: "testSecret",
  finishSecret: "finishSecret",
};

export const STRATEGY_LABELS: Readonly<Record<Strategy, string>> = {
  "single-user": "Single user",
  "alternating-users": "Alternating users",
};

export const STRATEGY_SUMMARIES: Readonly<Record<Strategy, string>> = {
  "single-user": "AWS's single-user template changes the password of the one user the secret names.",
  "alternating-users": "AWS's alternating-users template keeps two users and changes the password of the one not in use (it clones the first user with the master secret).",
};

/** What the step did, the same for both strategies. */
export const MOMENT_EXPLANATIONS: Readonly<Record<Moment, string>> = {
  before:
    "Before the rotation: the AWSCURRENT version holds credentials the database accepts, and applications read AWSCURRENT to log in.",
  started:
    "RotateSecret starts a rotation: Secrets Manager adds a new version with the AWSPENDING label and no value yet, then invokes the rotation function once per step with that version's id as the ClientRequestToken.",
  createSecret:
    "createSecret: the function reads AWSCURRENT, asks Secrets Manager for a random password (GetRandomPassword) and stores the new credentials in the AWSPENDING version (PutSecretValue). The database is not touched yet.",
  setSecret:
    "setSecret: the function logs in to the database and gives the user named in AWSPENDING the new password. Applications still read the old credentials from AWSCURRENT.",
  testSecret: "testSecret: the function logs in with the AWSPENDING credentials to prove they work. It changes nothing.",
  finishSecret:
    "finishSecret: the function moves the AWSCURRENT label to the new version (UpdateSecretVersionStage), and Secrets Manager puts AWSPREVIOUS on the version that was current. Applications now get the new credentials.",
};

/** What is particular to a strategy at a step, when something is. */
export function strategyNote(strategy: Strategy, moment: Moment): string | undefined {
  if (strategy === "single-user") {
    if (moment === "setSecret" || moment === "testSecret")
      return "The database already has the new password, but AWSCURRENT still holds the old one: an application that reads the secret now cannot log in. This window lasts until finishSecret; it is the price of rotating a single user.";
    if (moment === "finishSecret") return "The window is closed: AWSCURRENT and the database agree again. Connections opened with the old password before setSecret may stay open; new ones need the new password.";
    return undefined;
  }
  if (moment === "createSecret") return "The new version names the other user (the clone), so the user applications log in as is left alone.";
  if (moment === "setSecret") return "Only the other user's password changed: the user AWSCURRENT names still logs in, so applications never notice.";
  if (moment === "finishSecret") return "Applications now log in as the other user. The next rotation switches back to the first one.";
  return undefined;
}

export const FAILURE_LABELS: Readonly<Record<InjectedFailure, string>> = {
  none: "No failure",
  "database-unreachable": "Database unreachable",
  "no-kms-decrypt": "No kms:Decrypt",
  "password-rejected": "Password rejected",
};

/** What each injectable failure simulates, in a sentence. */
export const FAILURE_DESCRIPTIONS: Readonly<Record<InjectedFailure, string>> = {
  none: "The rotation functions reach the database, may use the secret's KMS key, and generate passwords the database accepts.",
  "database-unreachable":
    "The functions cannot reach the database, as when a Lambda function is not in the database's VPC or its security group is not let in on the database port. setSecret fails.",
  "no-kms-decrypt":
    "The secrets are re-encrypted under a customer managed key (alias/walkthrough-restricted) whose policy leaves access to IAM, and the functions' role has no kms:Decrypt: reading AWSCURRENT fails in createSecret.",
  "password-rejected":
    "The functions leave all punctuation out of new passwords, and the database's password policy (MySQL's MEDIUM) wants a special character: setSecret fails with MySQL error 1819.",
};

export function momentIndex(moment: Moment): number {
  return MOMENTS.indexOf(moment);
}

/** The furthest step a run reached (0 for a run refused before it started). */
export function lastStep(run: RotationRun): number {
  return Math.max(0, ...run.frames.map((frame) => momentIndex(frame.moment)));
}

/** The step the stepper can go to: the furthest any of the runs reached. */
export function lastStepOf(runs: readonly RotationRun[]): number {
  return Math.max(0, ...runs.map(lastStep));
}

export interface FrameAtStep {
  /** The frame to show: the run's last frame at or before the step. */
  frame: RotationFrame;
  /**
   * The run's frame before `frame` (for what changed), if any. When the run did not take this step
   * (atStep false), that is not the frame of the step before; callers compare only when atStep.
   */
  previous: RotationFrame | undefined;
  /** The run took this very step (false: it stopped before, or it skipped this moment). */
  atStep: boolean;
  /** The run had stopped before this step (failed or refused earlier). */
  stoppedBefore: boolean;
}

/** Which of a run's frames stands for a step of the stepper. */
export function frameAtStep(run: RotationRun, step: number): FrameAtStep | undefined {
  const upTo = run.frames.filter((frame) => momentIndex(frame.moment) <= step);
  const frame = upTo.at(-1);
  if (!frame) return undefined;
  return { frame, previous: upTo.at(-2), atStep: momentIndex(frame.moment) === step, stoppedBefore: step > lastStep(run) };
}

/** Users whose password the step changed or who appeared in it. */
export function changedUsers(frame: RotationFrame, previous: RotationFrame | undefined): Set<string> {
  if (!previous) return new Set();
  const before = new Map(previous.databaseUsers.map((user) => [user.username, user.password]));
  return new Set(frame.databaseUsers.filter((user) => before.get(user.username) !== user.password).map((user) => user.username));
}

export type VersionChange = "new" | "labels" | "value";

/** What the step did to each version: added it, moved its labels, or gave it a value. */
export function versionChanges(frame: RotationFrame, previous: RotationFrame | undefined): Map<string, VersionChange> {
  const changes = new Map<string, VersionChange>();
  if (!previous) return changes;
  const before = new Map(previous.versions.map((version) => [version.versionId, version]));
  for (const version of frame.versions) {
    const old = before.get(version.versionId);
    if (!old) changes.set(version.versionId, "new");
    else if (old.password !== version.password || old.username !== version.username) changes.set(version.versionId, "value");
    else if ([...old.stages].sort().join() !== [...version.stages].sort().join()) changes.set(version.versionId, "labels");
  }
  return changes;
}

/**
 * Numbers for the passwords of a run, in the order they first appear, so a
 * learner can compare "password 1" with "password 2" rather than two random
 * strings.
 */
export function passwordNumbers(run: RotationRun): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const frame of run.frames) {
    // Oldest version first (versions are listed newest first), then what the database holds.
    const passwords = [...[...frame.versions].reverse().map((version) => version.password), ...frame.databaseUsers.map((user) => user.password)];
    for (const password of passwords) if (password !== undefined && !numbers.has(password)) numbers.set(password, numbers.size + 1);
  }
  return numbers;
}

/** "logs in as app_single with password 1: works" and the like, for the live region and the text view. */
export function appSentence(frame: RotationFrame, numbers: ReadonlyMap<string, number>): string {
  const { username, password, loginWorks } = frame.app;
  if (username === undefined || password === undefined) return `An application reading AWSCURRENT finds no credentials: it cannot log in.`;
  const which = numbers.get(password);
  return `An application reading AWSCURRENT logs in as ${username} with ${which === undefined ? "its password" : `password ${which}`}: ${loginWorks ? "works" : "fails"}.`;
}

/** One sentence per strategy for the step, for the announcement a screen reader hears. */
export function stepSummary(step: number, runs: readonly RotationRun[]): string {
  const moment = MOMENTS[step] ?? "before";
  const parts = [`Step ${step + 1} of ${MOMENTS.length}: ${MOMENT_LABELS[moment]}.`];
  for (const run of runs) {
    const shown = frameAtStep(run, step);
    const label = STRATEGY_LABELS[run.strategy];
    if (!shown) continue;
    if (run.outcome === "refused" && run.refusal) {
      parts.push(`${label}: RotateSecret was refused: ${run.refusal.message}`);
      continue;
    }
    if (shown.stoppedBefore) {
      parts.push(`${label}: the rotation stopped at ${MOMENT_LABELS[shown.frame.moment]}.`);
      continue;
    }
    const outcome = shown.frame.ok ? "" : ` ${shown.frame.moment} failed: ${shown.frame.error?.type ?? "Error"}.`;
    parts.push(`${label}:${outcome} ${appSentence(shown.frame, passwordNumbers(run))}`);
  }
  return parts.join(" ");
}

export interface LookCommand {
  command: string;
  /** What the command shows. */
  shows: string;
}

/** Commands a learner types to look at a secret at a moment of its rotation. */
export function lookCommands(moment: Moment, ok: boolean, secretName: string): LookCommand[] {
  const list: LookCommand = { command: `aws secretsmanager list-secret-version-ids --secret-id ${secretName}`, shows: "the versions and their staging labels" };
  const read = (stage: string): LookCommand => ({
    command: `aws secretsmanager get-secret-value --secret-id ${secretName} --version-stage ${stage} --query SecretString --output text`,
    shows: stage === "AWSCURRENT" ? "what applications read" : "the new credentials",
  });
  if (!ok) return [{ command: `aws secretsmanager describe-secret --secret-id ${secretName}`, shows: "the rotation settings and each version's labels" }, list];
  switch (moment) {
    case "before":
      return [list, read("AWSCURRENT")];
    case "started":
      return [list];
    case "createSecret":
    case "testSecret":
      return [read("AWSPENDING"), list];
    case "setSecret":
      return [read("AWSCURRENT"), read("AWSPENDING")];
    case "finishSecret":
      return [list, read("AWSCURRENT")];
  }
}
