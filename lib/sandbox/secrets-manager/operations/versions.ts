import { inputs } from "../../contracts/secretsmanager";
import { isAwsServiceError } from "../../core/errors";
import { defineOperation, type OperationContext, type WireObject } from "../../core/operation";
import { toEpochSeconds } from "../../core/time";
import { authorizeAccountAction, authorizeSecret } from "../access";
import { smErrors } from "../errors";
import { matchesFilters, requestFilters } from "../filters";
import { requireLifecycle, syncRotationWithLabels } from "../lifecycle";
import { resolveSecret } from "../names";
import { applyStageMove, AWSCURRENT, checkStageMove, findVersion, versionWithStage } from "../staging";
import type { SecretVersion } from "../state";
import { compact, versionListEntry } from "../view";
import { markAccessed, openVersion, valueFromRequest, valueToWire } from "../values";
import { commitWrite, prepareWrite } from "../writes";
import { decodeNextToken, encodeNextToken, sortSecrets } from "../pagination";

/**
 * Reading and writing secret values and moving their staging labels.
 */

interface ReadRequest {
  SecretId: string;
  VersionId?: string | undefined;
  VersionStage?: string | undefined;
}

/** GetSecretValue's work: find the version, check the lifecycle, decrypt through KMS. */
function readSecretValue(ctx: OperationContext, request: ReadRequest): WireObject {
  const resolved = resolveSecret(ctx, request.SecretId);
  const { secret } = resolved;
  authorizeSecret(ctx, "GetSecretValue", resolved, {
    ...(request.VersionId === undefined ? {} : { "secretsmanager:VersionId": request.VersionId }),
    ...(request.VersionStage === undefined ? {} : { "secretsmanager:VersionStage": request.VersionStage }),
  });
  requireLifecycle(secret, "secret.modify");

  let version: SecretVersion | undefined;
  if (request.VersionId !== undefined) {
    version = findVersion(secret, request.VersionId);
    if (!version) throw smErrors.valueNotFoundForVersion(request.VersionId);
    if (request.VersionStage !== undefined && !version.stages.includes(request.VersionStage)) throw smErrors.stageVersionMismatch();
  } else {
    const stage = request.VersionStage ?? AWSCURRENT;
    version = versionWithStage(secret, stage);
    if (!version) throw smErrors.valueNotFoundForStage(stage);
  }
  // A rotation's placeholder version has no value until the function's createSecret step fills it.
  if (!version.value) {
    throw request.VersionStage === undefined && request.VersionId !== undefined
      ? smErrors.valueNotFoundForVersion(request.VersionId)
      : smErrors.valueNotFoundForStage(request.VersionStage ?? AWSCURRENT);
  }
  const plain = openVersion(ctx, secret, { ...version, value: version.value });
  markAccessed(ctx, secret, version);
  return {
    ARN: secret.arn,
    Name: secret.name,
    VersionId: version.versionId,
    ...valueToWire(plain),
    VersionStages: [...version.stages],
    CreatedDate: toEpochSeconds(version.createdAt),
  };
}

export const getSecretValue = defineOperation({
  name: "GetSecretValue",
  readOnly: true,
  sensitive: { response: ["SecretString", "SecretBinary"] },
  input: inputs.GetSecretValue,
  handler: (ctx, input) => readSecretValue(ctx, input),
});

export const batchGetSecretValue = defineOperation({
  name: "BatchGetSecretValue",
  readOnly: true,
  sensitive: { response: ["SecretValues"] },
  // Filters' values checked against the model's pattern: see requests.ts.
  input: inputs.BatchGetSecretValue,
  handler(ctx, input) {
    const byIds = input.SecretIdList !== undefined;
    const byFilters = input.Filters !== undefined;
    if (byIds === byFilters) throw smErrors.batchBoth();
    if (input.MaxResults !== undefined && !byFilters) throw smErrors.batchMaxResultsWithoutFilters();
    const filters = requestFilters(input.Filters ?? []);
    authorizeAccountAction(ctx, "BatchGetSecretValue");

    let ids: string[];
    let nextToken: string | undefined;
    if (byIds) {
      ids = input.SecretIdList ?? [];
    } else {
      // Filtering lists secrets, which needs secretsmanager:ListSecrets too [API BatchGetSecretValue].
      authorizeAccountAction(ctx, "ListSecrets");
      const offset = decodeNextToken("BatchGetSecretValue", input.NextToken);
      const matching = Object.values(ctx.regionState().secretsManager.secrets).filter((secret) => secret.lifecycle === "Active" && matchesFilters(secret, filters));
      const sorted = sortSecrets(matching, "created-date", "desc");
      const pageSize = input.MaxResults ?? 20;
      ids = sorted.slice(offset, offset + pageSize).map((secret) => secret.arn);
      if (offset + pageSize < sorted.length) nextToken = encodeNextToken("BatchGetSecretValue", offset + pageSize);
    }

    const values: WireObject[] = [];
    const errors: WireObject[] = [];
    for (const id of ids) {
      try {
        values.push(readSecretValue(ctx, { SecretId: id }));
      } catch (error) {
        if (!isAwsServiceError(error)) throw error;
        errors.push({ SecretId: id, ErrorCode: error.code, Message: error.message });
      }
    }
    return { SecretValues: values, ...(nextToken === undefined ? {} : { NextToken: nextToken }), Errors: errors };
  },
});

export const putSecretValue = defineOperation({
  name: "PutSecretValue",
  readOnly: false,
  // The model marks RotationToken sensitive too ("the service does not include it in CloudTrail log entries").
  sensitive: { request: ["SecretString", "SecretBinary", "RotationToken"] },
  // SecretString and RotationToken hidden in messages: see requests.ts.
  // NOTE: RotationToken (rotation through an assumed role or from another account) is accepted and not checked.
  input: inputs.PutSecretValue,
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    const { secret } = resolved;
    authorizeSecret(ctx, "PutSecretValue", resolved);
    requireLifecycle(secret, "secret.modify");
    const value = valueFromRequest(input);
    if (!value) throw smErrors.noValue();
    const stages = input.VersionStages ?? [AWSCURRENT];
    const write = prepareWrite(ctx, resolved, input.ClientRequestToken ?? ctx.random.uuid(), value);
    const version = commitWrite(ctx, resolved, write, stages);
    return { ARN: secret.arn, Name: secret.name, VersionId: version.versionId, VersionStages: [...version.stages] };
  },
});

export const listSecretVersionIds = defineOperation({
  name: "ListSecretVersionIds",
  readOnly: true,
  input: inputs.ListSecretVersionIds,
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    const { secret } = resolved;
    authorizeSecret(ctx, "ListSecretVersionIds", resolved);
    const offset = decodeNextToken("ListSecretVersionIds", input.NextToken);
    // Newest first; versions without labels are deprecated and shown only on request.
    const versions = [...secret.versions].reverse().filter((version) => input.IncludeDeprecated === true || version.stages.length > 0);
    const pageSize = input.MaxResults ?? 100;
    const page = versions.slice(offset, offset + pageSize);
    return {
      Versions: page.map((version) => compact(versionListEntry(version))),
      ...(offset + pageSize < versions.length ? { NextToken: encodeNextToken("ListSecretVersionIds", offset + pageSize) } : {}),
      ARN: secret.arn,
      Name: secret.name,
    };
  },
});

export const updateSecretVersionStage = defineOperation({
  name: "UpdateSecretVersionStage",
  readOnly: false,
  input: inputs.UpdateSecretVersionStage,
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    const { secret } = resolved;
    authorizeSecret(ctx, "UpdateSecretVersionStage", resolved, { "secretsmanager:VersionStage": input.VersionStage });
    requireLifecycle(secret, "secret.modify");
    const move = { stage: input.VersionStage, moveToVersionId: input.MoveToVersionId, removeFromVersionId: input.RemoveFromVersionId };
    checkStageMove(secret, move);
    applyStageMove(secret, move);
    secret.lastChangedAt = ctx.now;
    syncRotationWithLabels(secret);
    return { ARN: secret.arn, Name: secret.name };
  },
});
