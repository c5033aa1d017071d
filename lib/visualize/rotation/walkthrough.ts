/**
 * The secret rotation walkthrough: two secrets for one simulated MySQL
 * database, one rotated by AWS's single-user template and one by the
 * alternating-users template, rotated for real by the engine while the
 * walkthrough watches each step (Sandbox.observe). Each frame is the state
 * right after a step: the versions and their staging labels, the database's
 * users and passwords, and what an application reading AWSCURRENT gets.
 *
 * Failures are injected the way they happen in AWS: the function cannot
 * reach the database (VPC or security group), the secret's KMS key does not
 * let the function's role decrypt, or the database's password policy
 * rejects the generated password. The engine then leaves the secret as AWS
 * would, and `recoveryFor` says how to get out.
 */
import { isAwsServiceError } from "@/lib/sandbox/core/errors";
import type { EngineNotice } from "@/lib/sandbox/core/operation";
import { putRotationFunction, setRotationFunctionFault } from "@/lib/sandbox/lambda";
import { putDatabase } from "@/lib/sandbox/rds";
import type { Sandbox } from "@/lib/sandbox/sandbox";
import { peekSecretValue } from "@/lib/sandbox/inspect/secret-values";
import { DEFAULT_EXCLUDE_CHARACTERS } from "@/lib/sandbox/lambda";
import type { FunctionRecord } from "@/lib/sandbox/lambda/state";
import type { DatabaseRecord } from "@/lib/sandbox/rds/state";
import type { SecretRecord } from "@/lib/sandbox/secrets-manager/state";
import { MASTER_SECRET, RESTRICTED_KEY_ALIAS, SETUPS, STRATEGIES, WALKTHROUGH_DATABASE, type InjectedFailure, type RotationFrame, type RotationRun, type Strategy, type StrategySetup, type VersionView, type WalkthroughState } from "./model";

export * from "./model";

/** Punctuation GetRandomPassword can use; a function that excludes all of it makes passwords MEDIUM policy refuses. */
const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

function regionState(sandbox: Sandbox) {
  return sandbox.regionState();
}

function secretByName(sandbox: Sandbox, name: string): SecretRecord | undefined {
  return Object.values(regionState(sandbox).secretsManager.secrets).find((secret) => secret.name === name && secret.lifecycle === "Active");
}

function database(sandbox: Sandbox): DatabaseRecord | undefined {
  return regionState(sandbox).rds.databases[WALKTHROUGH_DATABASE];
}

function fn(sandbox: Sandbox, strategy: Strategy): FunctionRecord | undefined {
  return regionState(sandbox).lambda.functions[SETUPS[strategy].functionName];
}

/** A starting password the MEDIUM policy accepts, from the sandbox's own random ids (so seeds reproduce it). */
function startingPassword(sandbox: Sandbox): string {
  return `Start-${sandbox.newRequestToken().slice(0, 13)}-Aa1!`;
}

function connection(sandbox: Sandbox, db: DatabaseRecord) {
  return { engine: "mysql", host: db.host, port: db.port, dbname: db.dbname ?? "orders" };
}

/**
 * Creates what the walkthrough rotates, once: the database (with MySQL's
 * MEDIUM password policy), a master secret, the two secrets and their
 * rotation functions. The secrets are made with the learner's own calls, so
 * they appear on the trail and in the Resources pane like any other.
 */
export function prepareWalkthrough(sandbox: Sandbox): void {
  let db = database(sandbox);
  if (!db) {
    db = putDatabase(sandbox, {
      identifier: WALKTHROUGH_DATABASE,
      engine: "mysql",
      dbname: "orders",
      users: { admin: startingPassword(sandbox), [SETUPS["single-user"].username]: startingPassword(sandbox), [SETUPS["alternating-users"].username]: startingPassword(sandbox) },
      master: "admin",
      passwordPolicy: "MEDIUM",
    });
  }
  const base = connection(sandbox, db);
  if (!secretByName(sandbox, MASTER_SECRET)) {
    sandbox.call("secretsmanager", "CreateSecret", {
      Name: MASTER_SECRET,
      Description: "Walkthrough: the database's admin user (the alternating-users strategy clones users with it)",
      SecretString: JSON.stringify({ ...base, username: "admin", password: db.users["admin"]?.password ?? "" }),
    });
  }
  const masterArn = secretByName(sandbox, MASTER_SECRET)?.arn ?? "";
  for (const strategy of STRATEGIES) {
    const setup = SETUPS[strategy];
    if (!fn(sandbox, strategy)) putRotationFunction(sandbox, { name: setup.functionName, strategy });
    if (!secretByName(sandbox, setup.secretName)) {
      sandbox.call("secretsmanager", "CreateSecret", {
        Name: setup.secretName,
        Description: `Walkthrough: rotated by AWS's ${strategy} template`,
        SecretString: JSON.stringify({ ...base, username: setup.username, password: db.users[setup.username]?.password ?? "", ...(strategy === "alternating-users" ? { masterarn: masterArn } : {}) }),
      });
    }
  }
}

function ensureRestrictedKey(sandbox: Sandbox): string {
  const existing = Object.values(regionState(sandbox).kms.aliases).find((alias) => alias.aliasName === RESTRICTED_KEY_ALIAS);
  if (existing) return RESTRICTED_KEY_ALIAS;
  // The default key policy: the account's IAM policies decide, and the rotation role's policy grants no KMS action.
  const created = sandbox.call("kms", "CreateKey", { Description: "Walkthrough: a key the rotation function's role may not use" });
  const keyId = String((created["KeyMetadata"] as { KeyId: string }).KeyId);
  sandbox.call("kms", "CreateAlias", { AliasName: RESTRICTED_KEY_ALIAS, TargetKeyId: keyId });
  return RESTRICTED_KEY_ALIAS;
}

/**
 * Puts one failure in place (and takes the others away): a fault in the
 * functions, a secret key the role cannot use, or a function whose
 * passwords the database's policy rejects.
 */
export function injectFailure(sandbox: Sandbox, failure: InjectedFailure): void {
  for (const strategy of STRATEGIES) {
    const record = fn(sandbox, strategy);
    if (!record) continue;
    setRotationFunctionFault(sandbox, record.arn, failure === "database-unreachable" ? { unreachable: "database" } : undefined);
    record.excludeCharacters = failure === "password-rejected" ? DEFAULT_EXCLUDE_CHARACTERS + PUNCTUATION : DEFAULT_EXCLUDE_CHARACTERS;
  }
  const keyWanted = failure === "no-kms-decrypt" ? ensureRestrictedKey(sandbox) : undefined;
  for (const strategy of STRATEGIES) {
    const secret = secretByName(sandbox, SETUPS[strategy].secretName);
    if (!secret) continue;
    const keyNow = secret.kmsKeyId;
    if (keyWanted && keyNow !== keyWanted) sandbox.call("secretsmanager", "UpdateSecret", { SecretId: secret.arn, KmsKeyId: keyWanted });
    if (!keyWanted && keyNow !== undefined && keyNow !== "alias/aws/secretsmanager") sandbox.call("secretsmanager", "UpdateSecret", { SecretId: secret.arn, KmsKeyId: "alias/aws/secretsmanager" });
  }
}

export function currentFailure(sandbox: Sandbox): InjectedFailure {
  const single = fn(sandbox, "single-user");
  if (single?.fault && "unreachable" in single.fault) return "database-unreachable";
  if (single && single.excludeCharacters !== DEFAULT_EXCLUDE_CHARACTERS) return "password-rejected";
  const secret = secretByName(sandbox, SETUPS["single-user"].secretName);
  if (secret?.kmsKeyId === RESTRICTED_KEY_ALIAS) return "no-kms-decrypt";
  return "none";
}

function parseCredentials(text: string | undefined): { username?: string; password?: string } {
  if (text === undefined) return {};
  try {
    const value = JSON.parse(text) as { username?: unknown; password?: unknown };
    return { ...(typeof value.username === "string" ? { username: value.username } : {}), ...(typeof value.password === "string" ? { password: value.password } : {}) };
  } catch {
    return {};
  }
}

function frameOf(sandbox: Sandbox, setup: StrategySetup, moment: RotationFrame["moment"], outcome: { ok: boolean; error?: { type: string; message: string } }): RotationFrame {
  const state = sandbox.peek();
  const secret = secretByName(sandbox, setup.secretName);
  const db = database(sandbox);
  const versions: VersionView[] = [...(secret?.versions ?? [])].reverse().map((version) => ({
    versionId: version.versionId,
    stages: [...version.stages],
    ...(secret ? parseCredentials(peekSecretValue(state, secret.arn, version.versionId)) : {}),
  }));
  const current = versions.find((version) => version.stages.includes("AWSCURRENT"));
  const reachable = db?.available ?? false;
  const names = [setup.username, `${setup.username}_clone`];
  const record = fn(sandbox, setup.strategy);
  const requestId = secret?.rotation.lastAttempt?.steps.at(-1)?.requestId;
  return {
    moment,
    ok: outcome.ok,
    ...(outcome.error ? { error: outcome.error } : {}),
    at: state.now,
    rotationState: secret?.rotation.state ?? "idle",
    versions,
    databaseUsers: names.flatMap((username) => (db?.users[username] ? [{ username, password: db.users[username].password }] : [])),
    databaseReachable: reachable,
    app: {
      ...(current?.username === undefined ? {} : { username: current.username }),
      ...(current?.password === undefined ? {} : { password: current.password }),
      loginWorks: Boolean(reachable && current?.username && db?.users[current.username]?.password === current.password),
    },
    log: moment === "before" || moment === "started" || !requestId ? [] : (record?.logs ?? []).filter((entry) => entry.requestId === requestId && !/^(START|END) RequestId/.test(entry.message)).map((entry) => `${entry.level} ${entry.message}`),
  };
}

/**
 * Runs `action` (a RotateSecret, or moving the clock past a scheduled
 * rotation) while watching the walkthrough's secrets, and answers one run per
 * secret that rotated, frame by frame.
 */
function watch(sandbox: Sandbox, strategies: readonly Strategy[], action: () => RotationRun["refusal"] | undefined): RotationRun[] {
  const runs = new Map<string, RotationRun>();
  for (const strategy of strategies) {
    const setup = SETUPS[strategy];
    const secret = secretByName(sandbox, setup.secretName);
    if (!secret) continue;
    runs.set(secret.arn, { strategy, secretName: setup.secretName, secretArn: secret.arn, frames: [frameOf(sandbox, setup, "before", { ok: true })], outcome: "refused" });
  }
  const stop = sandbox.observe((notice: EngineNotice) => {
    const run = runs.get(notice.secretArn);
    if (!run) return;
    const setup = SETUPS[run.strategy];
    if (notice.kind === "rotation-started") {
      run.frames.push(frameOf(sandbox, setup, "started", { ok: true }));
    } else {
      run.frames.push(frameOf(sandbox, setup, notice.step, notice.ok ? { ok: true } : { ok: false, error: { type: notice.errorType ?? "Error", message: notice.errorMessage ?? "" } }));
    }
  });
  let refusal: RotationRun["refusal"];
  try {
    refusal = action();
  } finally {
    stop();
  }
  const result = [...runs.values()];
  for (const run of result) {
    const last = run.frames.at(-1);
    run.outcome = run.frames.some((frame) => !frame.ok) ? "failed" : last?.moment === "finishSecret" ? "succeeded" : "refused";
    if (run.frames.length === 1 && refusal) run.refusal = refusal;
  }
  return result;
}

function rotateOne(sandbox: Sandbox, strategy: Strategy, rules?: { AutomaticallyAfterDays: number }, immediately = true): RotationRun["refusal"] | undefined {
  const setup = SETUPS[strategy];
  const record = fn(sandbox, strategy);
  try {
    sandbox.call("secretsmanager", "RotateSecret", {
      SecretId: setup.secretName,
      ...(record ? { RotationLambdaARN: record.arn } : {}),
      ...(rules ? { RotationRules: rules } : {}),
      ...(immediately ? {} : { RotateImmediately: false }),
    });
    return undefined;
  } catch (error) {
    if (isAwsServiceError(error)) return { code: error.code, message: error.message };
    throw error;
  }
}

/** Rotates the secrets of the given strategies now (RotateSecret as the learner), step by step. */
export function rotateNow(sandbox: Sandbox, strategies: readonly Strategy[] = STRATEGIES): RotationRun[] {
  return strategies.flatMap((strategy) => watch(sandbox, [strategy], () => rotateOne(sandbox, strategy)));
}

/** Turns on scheduled rotation (every `days` days) without rotating now. */
export function scheduleRotation(sandbox: Sandbox, days: number): { code: string; message: string }[] {
  return STRATEGIES.flatMap((strategy) => {
    const refusal = rotateOne(sandbox, strategy, { AutomaticallyAfterDays: days }, false);
    return refusal ? [refusal] : [];
  });
}

/** When the next scheduled rotation of a walkthrough secret is due, if one is. */
export function nextScheduledRotation(sandbox: Sandbox): number | undefined {
  const arns = new Set(STRATEGIES.map((strategy) => secretByName(sandbox, SETUPS[strategy].secretName)?.arn));
  return sandbox.peek().scheduled.find((event) => event.kind === "secretsmanager.rotateSecret" && arns.has(event.resource))?.at;
}

/** Moves the clock just past the next scheduled rotation, watching the rotations that run then. */
export function advanceToScheduledRotation(sandbox: Sandbox): { runs: RotationRun[]; advancedMs: number } {
  const due = nextScheduledRotation(sandbox);
  if (due === undefined) return { runs: [], advancedMs: 0 };
  const advancedMs = Math.max(0, due - sandbox.now) + 60_000;
  const runs = watch(sandbox, STRATEGIES, () => {
    sandbox.advanceClock(advancedMs);
    return undefined;
  }).filter((run) => run.frames.length > 1);
  return { runs, advancedMs };
}

export function describeWalkthrough(sandbox: Sandbox): WalkthroughState {
  return {
    prepared: Boolean(database(sandbox) && STRATEGIES.every((strategy) => secretByName(sandbox, SETUPS[strategy].secretName))),
    failure: currentFailure(sandbox),
    secrets: STRATEGIES.map((strategy) => {
      const secret = secretByName(sandbox, SETUPS[strategy].secretName);
      const pending = secret?.versions.find((version) => version.stages.includes("AWSPENDING") && !version.stages.includes("AWSCURRENT"));
      return {
        strategy,
        secretName: SETUPS[strategy].secretName,
        ...(secret ? { secretArn: secret.arn, rotationState: secret.rotation.state } : {}),
        rotationEnabled: secret?.rotation.enabled ?? false,
        ...(secret?.rotation.nextRotationAt === undefined ? {} : { nextRotationAt: secret.rotation.nextRotationAt }),
        ...(pending ? { pendingVersionId: pending.versionId } : {}),
      };
    }),
  };
}
