import { inputs } from "../../contracts/secretsmanager";
import { defineOperation } from "../../core/operation";
import { findFunction } from "../../lambda/invoke";
import { authorizeSecret } from "../access";
import { smErrors } from "../errors";
import { applyRotation, requireLifecycle, stepRotation } from "../lifecycle";
import { resolveSecret } from "../names";
import { rotateSecretRequest } from "../requests";
import { addPendingPlaceholder, runRotation, scheduleNextRotation } from "../rotation";
import { parseRotationRules } from "../schedule";
import { AWSPENDING, findVersion, pendingElsewhere, versionWithStage } from "../staging";
import type { RotationRules } from "../state";

/**
 * RotateSecret and CancelRotateSecret.
 *
 * RotateSecret sets the rotation configuration (function, schedule) and, with
 * RotateImmediately (the default), rotates now: it creates the empty
 * AWSPENDING version named by the ClientRequestToken and invokes the function
 * for createSecret, setSecret, testSecret and finishSecret. A failing step does
 * not fail the call (rotation is asynchronous in AWS); it leaves the secret as
 * the step left it and records RotationFailed.
 *
 * NOTE: with RotateImmediately=false AWS also runs the function's testSecret
 * step against a temporary AWSPENDING version; the sandbox only checks that
 * the function can be invoked and records the schedule.
 */

export const rotateSecret = defineOperation({
  name: "RotateSecret",
  readOnly: false,
  // AutomaticallyAfterDays' range is the service's check (schedule.ts): see requests.ts.
  // NOTE: ExternalSecretRotationMetadata and ExternalSecretRotationRoleArn (managed external secrets) are accepted and not used.
  input: rotateSecretRequest,
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    const { secret } = resolved;
    authorizeSecret(ctx, "RotateSecret", resolved, input.RotationLambdaARN ? { "secretsmanager:RotationLambdaARN": input.RotationLambdaARN } : {});
    requireLifecycle(secret, "secret.modify");

    const rules: RotationRules | undefined = input.RotationRules
      ? Object.fromEntries(Object.entries(input.RotationRules).filter(([, value]) => value !== undefined))
      : undefined;
    if (rules) parseRotationRules(rules);
    const lambdaArn = input.RotationLambdaARN || secret.rotation.lambdaArn;
    if (!lambdaArn) throw smErrors.noRotationLambda();

    const immediately = input.RotateImmediately !== false;
    const allowed = stepRotation(secret, immediately ? "rotation.start" : "rotation.schedule");
    if (!allowed.accepted) throw allowed.error;

    // The caller needs lambda:InvokeFunction on the function too [API RotateSecret].
    ctx.authorize({ action: "lambda:InvokeFunction", resource: lambdaArn, resourceAccount: lambdaArn.split(":")[4] ?? ctx.accountId, resourceKind: "identity-only", context: {} });
    const fn = findFunction(ctx, lambdaArn);
    if (!fn || !fn.allowSecretsManager) throw smErrors.cannotInvoke();

    const token = input.ClientRequestToken ?? ctx.random.uuid();
    if (immediately && findVersion(secret, token)) throw smErrors.tokenInUse(token, secret.arn);

    secret.rotation.configured = true;
    secret.rotation.enabled = true;
    secret.rotation.lambdaArn = lambdaArn;
    if (rules) secret.rotation.rules = rules;
    secret.lastChangedAt = ctx.now;

    if (!immediately) {
      applyRotation(secret, "rotation.schedule");
      scheduleNextRotation(ctx, resolved, secret.rotation.lastRotatedAt ?? ctx.now);
      return { ARN: secret.arn, Name: secret.name };
    }

    addPendingPlaceholder(ctx, secret, token);
    const run = runRotation(ctx, resolved, fn, token, { event: "rotation.start", trigger: "RotateSecret" });
    // After a success the schedule counts from this rotation; after a failure the next window retries.
    scheduleNextRotation(ctx, resolved, run.succeeded ? (secret.rotation.lastRotatedAt ?? ctx.now) : ctx.now);
    return { ARN: secret.arn, Name: secret.name, VersionId: token };
  },
});

export const cancelRotateSecret = defineOperation({
  name: "CancelRotateSecret",
  readOnly: false,
  input: inputs.CancelRotateSecret,
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    const { secret } = resolved;
    authorizeSecret(ctx, "CancelRotateSecret", resolved);
    requireLifecycle(secret, "secret.modify");
    if (!secret.rotation.lambdaArn) throw smErrors.cancelWithoutLambda();
    secret.rotation.enabled = false;
    scheduleNextRotation(ctx, resolved, ctx.now);
    secret.lastChangedAt = ctx.now;
    // The version of an unfinished rotation, which the caller may need to clean up [API CancelRotateSecret].
    const pending = pendingElsewhere(secret) ? versionWithStage(secret, AWSPENDING) : undefined;
    return { ARN: secret.arn, Name: secret.name, ...(pending ? { VersionId: pending.versionId } : {}) };
  },
});
