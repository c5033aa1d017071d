import type { ScheduledHandler } from "../core/operation";
import { findFunction } from "../lambda/invoke";
import { smErrors } from "./errors";
import { applyLifecycle, stepLifecycle, stepRotation } from "./lifecycle";
import type { ResolvedSecret } from "./names";
import { addPendingPlaceholder, ROTATE_EVENT_KIND, runRotation, scheduleNextRotation } from "./rotation";
import { AWSPENDING, versionWithStage } from "./staging";

/**
 * What Secrets Manager does on its own as simulated time passes: rotate a
 * secret when its rotation window opens, and delete a secret for good when
 * its recovery window ends.
 *
 * NOTE: the trail records the end of a recovery window as
 * EndSecretVersionDelete, the service event AWS documents for the end of a
 * version's deletion; AWS's own trail for this moment was not verified.
 */

export const DELETE_EVENT_KIND = "secretsmanager.deleteSecret";

function locate(ctx: Parameters<ScheduledHandler["run"]>[0], event: Parameters<ScheduledHandler["run"]>[1]): ResolvedSecret | undefined {
  const state = ctx.regionState(event.accountId, event.region).secretsManager;
  const secret = state.secrets[event.resource];
  return secret ? { secret, state, accountId: event.accountId, region: event.region } : undefined;
}

export const scheduledHandlers: Record<string, ScheduledHandler> = {
  [DELETE_EVENT_KIND]: {
    eventName: "EndSecretVersionDelete",
    run(ctx, event) {
      const resolved = locate(ctx, event);
      if (!resolved) return;
      const { secret, state } = resolved;
      // A secret restored (and perhaps deleted again) since the event was scheduled is not due.
      if (!stepLifecycle(secret, "secret.windowElapsed").accepted || (secret.deletionDate ?? Infinity) > ctx.now) return;
      applyLifecycle(secret, "secret.windowElapsed");
      delete state.secrets[secret.arn];
      ctx.cancelScheduled(ROTATE_EVENT_KIND, secret.arn);
    },
  },

  // The scheduled event itself is the RotationStarted record; the steps, RotationSucceeded or RotationFailed follow it.
  [ROTATE_EVENT_KIND]: {
    eventName: "RotationStarted",
    run(ctx, event) {
      const resolved = locate(ctx, event);
      if (!resolved) return;
      const { secret } = resolved;
      // A secret waiting for deletion is not rotated (its state refuses changes).
      if (!stepLifecycle(secret, "secret.modify").accepted || !secret.rotation.enabled || !secret.rotation.lambdaArn) return;
      const fn = findFunction(ctx, secret.rotation.lambdaArn);
      if (!fn || !fn.allowSecretsManager) {
        const error = smErrors.cannotInvoke();
        secret.rotation.lastAttempt = {
          token: secret.rotation.token ?? "",
          startedAt: ctx.now,
          trigger: "schedule",
          steps: [],
          outcome: "failed",
          error: { errorType: error.code, errorMessage: error.message },
        };
        ctx.recordServiceEvent("RotationFailed", { accountId: resolved.accountId, additionalEventData: { SecretId: secret.arn } });
        scheduleNextRotation(ctx, resolved, ctx.now);
        throw error;
      }
      let succeeded: boolean;
      if (stepRotation(secret, "rotation.resume").accepted) {
        // "That rotation will be reattempted": continue with the same token.
        const token = secret.rotation.token ?? versionWithStage(secret, AWSPENDING)?.versionId ?? ctx.random.uuid();
        succeeded = runRotation(ctx, resolved, fn, token, { event: "rotation.resume", trigger: "schedule" }).succeeded;
      } else {
        const token = ctx.random.uuid();
        addPendingPlaceholder(ctx, secret, token);
        succeeded = runRotation(ctx, resolved, fn, token, { event: "rotation.start", trigger: "schedule" }).succeeded;
      }
      scheduleNextRotation(ctx, resolved, succeeded ? (secret.rotation.lastRotatedAt ?? ctx.now) : ctx.now);
    },
  },
};
