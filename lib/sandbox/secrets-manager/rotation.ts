import type { OperationContext } from "../core/operation";
import { invokeRotationFunction } from "../lambda/invoke";
import { ROTATION_STEPS, type FunctionRecord } from "../lambda/state";
import { applyRotation, syncRotationWithLabels } from "./lifecycle";
import type { ResolvedSecret } from "./names";
import { nextRotationTime, parseRotationRules } from "./schedule";
import { AWSPENDING, labelVersion, pendingElsewhere } from "./staging";
import type { RotationAttempt, SecretRecord } from "./state";

/**
 * Running a rotation: Secrets Manager invokes the rotation function for each
 * step in turn, as itself, with {Step, SecretId, ClientRequestToken}; the
 * function's own calls run as its execution role. The rotation machine
 * records where the rotation stands; CloudTrail gets RotationStarted, then
 * RotationSucceeded or RotationFailed [CloudTrail entries for Secrets Manager].
 *
 * NOTE: AWS runs rotation asynchronously after RotateSecret returns and
 * retries a failed rotation; the sandbox runs it inside the RotateSecret call
 * (or the scheduled event) and retries an incomplete rotation at the next
 * scheduled window, with the same token.
 */

export const ROTATE_EVENT_KIND = "secretsmanager.rotateSecret";

/** Service event details: the secret's ARN, in the secret's account. */
function serviceEvent(ctx: OperationContext, resolved: ResolvedSecret, eventName: string): void {
  ctx.recordServiceEvent(eventName, {
    accountId: resolved.accountId,
    resources: [{ ARN: resolved.secret.arn, type: "AWS::SecretsManager::Secret" }],
    additionalEventData: { SecretId: resolved.secret.arn },
  });
}

/** A new AWSCURRENT version abandoned the rotation in progress: record it. */
export function recordAbandonedRotation(ctx: OperationContext, resolved: ResolvedSecret): void {
  serviceEvent(ctx, resolved, "RotationAbandoned");
}

/**
 * Schedules the next rotation window from `from` (the last rotation, or now)
 * and records it as NextRotationDate; cancels any earlier schedule.
 */
export function scheduleNextRotation(ctx: OperationContext, resolved: ResolvedSecret, from: number): void {
  const { secret } = resolved;
  ctx.cancelScheduled(ROTATE_EVENT_KIND, secret.arn);
  delete secret.rotation.nextRotationAt;
  if (!secret.rotation.enabled || !secret.rotation.rules) return;
  const schedule = parseRotationRules(secret.rotation.rules);
  if (!schedule) return;
  let next = nextRotationTime(schedule, from);
  if (next !== undefined && next <= ctx.now) next = nextRotationTime(schedule, ctx.now);
  if (next === undefined) return;
  secret.rotation.nextRotationAt = next;
  ctx.schedule({ kind: ROTATE_EVENT_KIND, at: next, resource: secret.arn, accountId: resolved.accountId, region: resolved.region });
}

/** Creates the empty AWSPENDING version the rotation function fills (its id is the ClientRequestToken). */
export function addPendingPlaceholder(ctx: OperationContext, secret: SecretRecord, token: string): void {
  const version = { versionId: token, stages: [] as string[], createdAt: ctx.now };
  secret.versions.push(version);
  labelVersion(secret, version, [AWSPENDING]);
}

export interface RotationRun {
  succeeded: boolean;
}

/**
 * Runs the four steps against `token`'s version. `start` begins a new
 * rotation (the placeholder must exist), `resume` continues an incomplete one.
 */
export function runRotation(
  ctx: OperationContext,
  resolved: ResolvedSecret,
  fn: FunctionRecord,
  token: string,
  how: { event: "rotation.start" | "rotation.resume"; trigger: RotationAttempt["trigger"] },
): RotationRun {
  const { secret } = resolved;
  applyRotation(secret, how.event);
  secret.rotation.token = token;
  const attempt: RotationAttempt = { token, startedAt: ctx.now, trigger: how.trigger, steps: [], outcome: "running" };
  secret.rotation.lastAttempt = attempt;
  // A scheduled rotation's own trail event already is the RotationStarted record.
  if (how.trigger === "RotateSecret") serviceEvent(ctx, resolved, "RotationStarted");
  ctx.notify({ kind: "rotation-started", secretArn: secret.arn, token });

  for (const step of ROTATION_STEPS) {
    const result = invokeRotationFunction(ctx, fn, { Step: step, SecretId: secret.arn, ClientRequestToken: token });
    if (!result.ok) {
      attempt.steps.push({ step, at: ctx.now, requestId: result.requestId, ok: false, errorType: result.errorType, errorMessage: result.errorMessage });
      attempt.outcome = "failed";
      applyRotation(secret, "rotation.stepFailed");
      serviceEvent(ctx, resolved, "RotationFailed");
      // The labels decide what is left: a function that failed before anything was staged leaves no rotation pending.
      syncRotationWithLabels(secret);
      ctx.notify({ kind: "rotation-step", secretArn: secret.arn, token, step, ok: false, errorType: result.errorType, errorMessage: result.errorMessage });
      return { succeeded: false };
    }
    attempt.steps.push({ step, at: ctx.now, requestId: result.requestId, ok: true });
    applyRotation(secret, "rotation.stepSucceeded");
    ctx.notify({ kind: "rotation-step", secretArn: secret.arn, token, step, ok: true });
  }
  attempt.outcome = "succeeded";
  secret.rotation.lastRotatedAt = ctx.now;
  serviceEvent(ctx, resolved, "RotationSucceeded");
  syncRotationWithLabels(secret);
  if (!pendingElsewhere(secret)) delete secret.rotation.token;
  return { succeeded: true };
}
