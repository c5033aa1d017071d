/**
 * What the rotation walkthrough shows, without the engine: its setups, its
 * frames and runs, and how to recover from each injected failure. The page
 * imports this; walkthrough.ts (in the worker) produces the values.
 */
import type { RotationMachineState } from "@/lib/sandbox/secrets-manager/state";

export const STRATEGIES = ["single-user", "alternating-users"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const FAILURES = ["none", "database-unreachable", "no-kms-decrypt", "password-rejected"] as const;
export type InjectedFailure = (typeof FAILURES)[number];

export const WALKTHROUGH_DATABASE = "walkthrough-db";
export const MASTER_SECRET = "walkthrough/master";
/** A customer managed key whose policy leaves decryption to IAM, where the rotation role has no KMS permission. */
export const RESTRICTED_KEY_ALIAS = "alias/walkthrough-restricted";

export interface StrategySetup {
  strategy: Strategy;
  secretName: string;
  functionName: string;
  username: string;
}

export const SETUPS: Record<Strategy, StrategySetup> = {
  "single-user": { strategy: "single-user", secretName: "walkthrough/single-user", functionName: "walkthrough-single-user", username: "app_single" },
  "alternating-users": { strategy: "alternating-users", secretName: "walkthrough/alternating-users", functionName: "walkthrough-alternating", username: "app_alt" },
};

export interface VersionView {
  versionId: string;
  stages: string[];
  /** The username and password in the version's SecretString; undefined while it has no value (the AWSPENDING placeholder). */
  username?: string;
  password?: string;
}

export interface RotationFrame {
  /** "before", "started" (placeholder created), or the step that just ran. */
  moment: "before" | "started" | "createSecret" | "setSecret" | "testSecret" | "finishSecret";
  ok: boolean;
  error?: { type: string; message: string };
  at: number;
  rotationState: RotationMachineState;
  /** Newest first. */
  versions: VersionView[];
  /** The database's users of this setup (the user and its clone), with the passwords the database holds now. */
  databaseUsers: { username: string; password: string }[];
  databaseReachable: boolean;
  /** What an application that reads AWSCURRENT and logs in gets at this moment. */
  app: { username?: string; password?: string; loginWorks: boolean };
  /** The function's log lines for this step. */
  log: string[];
}

export interface RotationRun {
  strategy: Strategy;
  secretName: string;
  secretArn: string;
  frames: RotationFrame[];
  outcome: "succeeded" | "failed" | "refused";
  /** RotateSecret itself was refused (e.g. a previous rotation is not complete). */
  refusal?: { code: string; message: string };
}

export interface WalkthroughState {
  prepared: boolean;
  failure: InjectedFailure;
  secrets: { strategy: Strategy; secretName: string; secretArn?: string; rotationState?: RotationMachineState; rotationEnabled: boolean; nextRotationAt?: number; pendingVersionId?: string }[];
}

export interface Recovery {
  /** What went wrong and what AWS left behind, in a sentence or two. */
  explanation: string;
  /** What fixes the cause in AWS (the sandbox's button does the equivalent). */
  fix: string;
  /** Commands that clear the unfinished rotation and rotate again, to run in the terminal. */
  commands: string[];
}

/** How to get a secret out of a failed rotation, for the failure that caused it. */
export function recoveryFor(failure: InjectedFailure, run: RotationRun, pendingVersionId: string | undefined): Recovery {
  const failed = run.frames.find((frame) => !frame.ok);
  const step = failed?.moment ?? "createSecret";
  const left =
    step === "createSecret"
      ? "The AWSPENDING version is an empty placeholder; AWSCURRENT still holds the working password."
      : "AWSPENDING holds the new password, but the database still has the old one, which AWSCURRENT holds: applications keep working.";
  const fix =
    failure === "database-unreachable"
      ? "Let the function reach the database: run it in the database's VPC (or give it a VPC endpoint) and allow its security group on the database's port."
      : failure === "no-kms-decrypt"
        ? `Allow the function's execution role kms:Decrypt and kms:GenerateDataKey on the secret's key (${RESTRICTED_KEY_ALIAS}), in the key policy or the role's IAM policy.`
        : failure === "password-rejected"
          ? "Generate passwords the database accepts: stop excluding punctuation in the function (its EXCLUDE_PUNCTUATION or EXCLUDE_CHARACTERS setting), or match the password policy."
          : "Fix what the function's log reports.";
  const commands = unfinishedRotationCommands(run.secretName, pendingVersionId);
  return {
    explanation: `${step} failed${failed?.error ? ` (${failed.error.type}: ${failed.error.message})` : ""}. ${left} RotateSecret now answers "A previous rotation isn't complete" until AWSPENDING is removed or the rotation is retried at its next scheduled time.`,
    fix,
    commands,
  };
}

/**
 * The commands that get a secret out of an unfinished rotation: take
 * AWSPENDING off the version it was left on, then rotate again (what
 * recoveryFor gives after a failure, and what a secret found in that state
 * later, e.g. after a reload, needs).
 */
export function unfinishedRotationCommands(secretName: string, pendingVersionId: string | undefined): string[] {
  return [
    ...(pendingVersionId ? [`aws secretsmanager update-secret-version-stage --secret-id ${secretName} --version-stage AWSPENDING --remove-from-version-id ${pendingVersionId}`] : []),
    `aws secretsmanager rotate-secret --secret-id ${secretName}`,
  ];
}
