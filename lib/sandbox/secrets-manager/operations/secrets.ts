import { inputs } from "../../contracts/secretsmanager";
import { defineOperation, type OperationContext, type WireObject } from "../../core/operation";
import { DAY, toEpochSeconds } from "../../core/time";
import { authorizeAccountAction, authorizeSecret, requestTagKeys, SECRET_RESOURCE_TYPE } from "../access";
import { smErrors } from "../errors";
import { matchesFilters, requestFilters } from "../filters";
import { applyLifecycle, initialStates, requireLifecycle } from "../lifecycle";
import { findByName, findSecret, isValidName, newSecretArn, resolveSecret, type ResolvedSecret } from "../names";
import { failedReplicas } from "./replication";
import { ROTATE_EVENT_KIND, scheduleNextRotation } from "../rotation";
import { DELETE_EVENT_KIND } from "../scheduled";
import { addVersion, AWSCURRENT, AWSPENDING, AWSPREVIOUS } from "../staging";
import type { SecretRecord } from "../state";
import { decodeNextToken, encodeNextToken, sortSecrets } from "../pagination";
import { createSecretRequest } from "../requests";
import { compact, describeSecretView, listEntryView } from "../view";
import { kmsKeyIdsLabel, openVersion, sameValue, sealFor, valueFromRequest } from "../values";
import { commitWrite, prepareWrite } from "../writes";

/**
 * Creating, describing, changing, listing, deleting and restoring secrets.
 */


export const createSecret = defineOperation({
  name: "CreateSecret",
  readOnly: false,
  sensitive: { request: ["SecretString", "SecretBinary"] },
  // SecretString hidden in messages, Tags with Key and Value, replicas with a Region: see requests.ts.
  // NOTE: replication is not simulated; requested replicas are reported as failed (below).
  // NOTE: Type (the partner holding a managed external secret) is accepted and not used.
  input: createSecretRequest,
  handler(ctx, input) {
    const value = valueFromRequest(input);
    if (!isValidName(input.Name)) throw smErrors.invalidName();
    const state = ctx.regionState().secretsManager;
    const existing = findByName(state, input.Name);
    const token = input.ClientRequestToken ?? ctx.random.uuid();

    if (existing) {
      const resolved: ResolvedSecret = { secret: existing, accountId: ctx.accountId, region: ctx.region, state };
      authorizeSecret(ctx, "CreateSecret", resolved);
      if (existing.lifecycle === "PendingDeletion") throw smErrors.nameScheduledForDeletion();
      // A retry with the same token: the same value changes nothing, another value is refused.
      const retried = input.ClientRequestToken === undefined ? undefined : existing.versions.find((version) => version.versionId === token);
      if (retried?.value && value) {
        if (sameValue(openVersion(ctx, existing, { ...retried, value: retried.value }), value)) {
          return { ARN: existing.arn, Name: existing.name, VersionId: retried.versionId };
        }
        throw smErrors.tokenInUse(token, existing.arn);
      }
      throw smErrors.secretExists(input.Name);
    }

    const arn = newSecretArn(ctx, input.Name);
    const initial = initialStates();
    const secret: SecretRecord = {
      arn,
      name: input.Name,
      ...(input.Description === undefined ? {} : { description: input.Description }),
      ...(input.KmsKeyId ? { kmsKeyId: input.KmsKeyId } : {}),
      createdAt: ctx.now,
      lastChangedAt: ctx.now,
      tags: (input.Tags ?? []).map((tag) => ({ Key: tag.Key, Value: tag.Value })),
      ...(input.Tags?.length ? { tagged: true } : {}),
      versions: [],
      lifecycle: initial.lifecycle,
      rotation: { configured: false, enabled: false, state: initial.rotation },
    };
    const resolved: ResolvedSecret = { secret, accountId: ctx.accountId, region: ctx.region, state };
    const conditions = {
      "secretsmanager:Name": input.Name,
      ...(input.KmsKeyId ? { "secretsmanager:KmsKeyId": input.KmsKeyId } : {}),
      ...(input.Description === undefined ? {} : { "secretsmanager:Description": input.Description }),
      ...requestTagKeys(secret.tags),
    };
    authorizeSecret(ctx, "CreateSecret", resolved, conditions);
    // Tags on a new secret need secretsmanager:TagResource too [API CreateSecret].
    if (secret.tags.length > 0) authorizeSecret(ctx, "TagResource", resolved, requestTagKeys(secret.tags));

    const sealed = value ? sealFor(ctx, resolved, token, value) : undefined;
    state.secrets[arn] = secret;
    if (sealed) addVersion(secret, { versionId: token, stages: [], createdAt: ctx.now, value: sealed, kmsKeyIds: kmsKeyIdsLabel(secret) }, [AWSCURRENT]);
    return {
      ARN: arn,
      Name: secret.name,
      ...(sealed ? { VersionId: token } : {}),
      // AWS reports each requested replica's status; the sandbox has no other Regions to
      // replicate to, so it says so in AWS's own shape instead of pretending.
      ...(input.AddReplicaRegions ? { ReplicationStatus: failedReplicas(input.AddReplicaRegions) } : {}),
    };
  },
});

export const describeSecret = defineOperation({
  name: "DescribeSecret",
  readOnly: true,
  input: inputs.DescribeSecret,
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    authorizeSecret(ctx, "DescribeSecret", resolved);
    return compact(describeSecretView(resolved.secret));
  },
});

/** Re-encrypts the labelled versions under a new key; versions that fail keep their old key (see NOTE below). */
function reencryptLabelledVersions(ctx: OperationContext, resolved: ResolvedSecret, newKeyId: string | undefined): void {
  for (const version of resolved.secret.versions) {
    if (!version.value || !version.stages.some((stage) => stage === AWSCURRENT || stage === AWSPENDING || stage === AWSPREVIOUS)) continue;
    try {
      const plain = openVersion(ctx, resolved.secret, { ...version, value: version.value });
      version.value = sealFor(ctx, resolved, version.versionId, plain, newKeyId);
      version.kmsKeyIds = kmsKeyIdsLabel(resolved.secret);
    } catch {
      // NOTE: AWS re-encrypts AWSCURRENT, AWSPENDING and AWSPREVIOUS under the new key only when the caller
      // may use both keys, and otherwise leaves them as they are; the sandbox does the same, silently.
    }
  }
}

export const updateSecret = defineOperation({
  name: "UpdateSecret",
  readOnly: false,
  sensitive: { request: ["SecretString", "SecretBinary"] },
  // SecretString hidden in messages: see requests.ts. NOTE: Type (managed external secrets) is accepted and not used.
  input: inputs.UpdateSecret,
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    const { secret } = resolved;
    authorizeSecret(ctx, "UpdateSecret", resolved, {
      ...(input.KmsKeyId ? { "secretsmanager:KmsKeyId": input.KmsKeyId } : {}),
      ...(input.Description === undefined ? {} : { "secretsmanager:Description": input.Description }),
    });
    requireLifecycle(secret, "secret.modify");
    const value = valueFromRequest(input);

    // An empty KmsKeyId means the AWS managed key aws/secretsmanager.
    const keyChange = input.KmsKeyId === undefined ? undefined : { kmsKeyId: input.KmsKeyId === "" ? undefined : input.KmsKeyId };
    const newKey = keyChange ? keyChange.kmsKeyId : secret.kmsKeyId;
    const token = input.ClientRequestToken ?? ctx.random.uuid();
    const write = value ? prepareWrite(ctx, resolved, token, value, newKey) : undefined;

    if (input.Description !== undefined) {
      if (input.Description === "") delete secret.description;
      else secret.description = input.Description;
    }
    if (keyChange && keyChange.kmsKeyId !== secret.kmsKeyId) {
      if (keyChange.kmsKeyId === undefined) delete secret.kmsKeyId;
      else secret.kmsKeyId = keyChange.kmsKeyId;
      reencryptLabelledVersions(ctx, resolved, keyChange.kmsKeyId);
    }
    secret.lastChangedAt = ctx.now;
    const version = write ? commitWrite(ctx, resolved, write, [AWSCURRENT]) : undefined;
    return { ARN: secret.arn, Name: secret.name, ...(version ? { VersionId: version.versionId } : {}) };
  },
});

export const deleteSecret = defineOperation({
  name: "DeleteSecret",
  readOnly: false,
  input: inputs.DeleteSecret,
  handler(ctx, input) {
    const window = input.RecoveryWindowInDays;
    const force = input.ForceDeleteWithoutRecovery === true;
    // The model sets no range on RecoveryWindowInDays; the service takes 7-30 days [CLI-DOC] [MOTO] (errors.ts).
    if (window !== undefined && (window < 7 || window > 30)) throw smErrors.recoveryWindowRange();
    if (window !== undefined && force) throw smErrors.forceWithWindow();

    const resolved = findSecret(ctx, input.SecretId);
    if (!resolved) {
      // Force-deleting a secret that does not exist succeeds [CLI-DOC 3.1].
      if (!force) throw smErrors.secretNotFound();
      const name = input.SecretId.startsWith("arn:") ? input.SecretId.replace(/^.*:secret:/, "") : input.SecretId;
      const arn = input.SecretId.startsWith("arn:") ? input.SecretId : newSecretArn(ctx, name);
      ctx.authorize({ action: "secretsmanager:DeleteSecret", resource: arn, resourceAccount: ctx.accountId, resourceKind: "resource-policy", context: { "secretsmanager:SecretId": arn } });
      return { ARN: arn, Name: name, DeletionDate: toEpochSeconds(ctx.now) };
    }

    const { secret, state } = resolved;
    authorizeSecret(ctx, "DeleteSecret", resolved);
    if (force) {
      applyLifecycle(secret, "secret.forceDelete");
      delete state.secrets[secret.arn];
      ctx.cancelScheduled(DELETE_EVENT_KIND, secret.arn);
      ctx.cancelScheduled(ROTATE_EVENT_KIND, secret.arn);
      return { ARN: secret.arn, Name: secret.name, DeletionDate: toEpochSeconds(ctx.now) };
    }

    applyLifecycle(secret, "secret.delete");
    const deletionDate = ctx.now + (window ?? 30) * DAY;
    secret.deletedAt = ctx.now;
    secret.deletionDate = deletionDate;
    ctx.schedule({ kind: DELETE_EVENT_KIND, at: deletionDate, resource: secret.arn, accountId: resolved.accountId, region: resolved.region });
    // A secret waiting for deletion is not rotated; RestoreSecret schedules its rotation again.
    ctx.cancelScheduled(ROTATE_EVENT_KIND, secret.arn);
    return { ARN: secret.arn, Name: secret.name, DeletionDate: toEpochSeconds(deletionDate) };
  },
});

export const restoreSecret = defineOperation({
  name: "RestoreSecret",
  readOnly: false,
  input: inputs.RestoreSecret,
  handler(ctx, input) {
    const resolved = resolveSecret(ctx, input.SecretId);
    const { secret } = resolved;
    authorizeSecret(ctx, "RestoreSecret", resolved);
    const before = secret.lifecycle;
    // Restoring a secret that is not scheduled for deletion changes nothing.
    if (applyLifecycle(secret, "secret.restore") !== before) {
      delete secret.deletedAt;
      delete secret.deletionDate;
      ctx.cancelScheduled(DELETE_EVENT_KIND, secret.arn);
      // Scheduled rotations did not run while the secret waited for deletion: pick the schedule up again.
      if (secret.rotation.enabled) scheduleNextRotation(ctx, resolved, secret.rotation.lastRotatedAt ?? ctx.now);
    }
    return { ARN: secret.arn, Name: secret.name };
  },
});

export const listSecrets = defineOperation({
  name: "ListSecrets",
  readOnly: true,
  // Filters' values checked against the model's pattern: see requests.ts.
  input: inputs.ListSecrets,
  handler(ctx, input) {
    const filters = requestFilters(input.Filters ?? []);
    authorizeAccountAction(ctx, "ListSecrets");
    const offset = decodeNextToken("ListSecrets", input.NextToken);
    const state = ctx.regionState().secretsManager;
    const matching = Object.values(state.secrets).filter(
      (secret) => (input.IncludePlannedDeletion === true || secret.lifecycle === "Active") && matchesFilters(secret, filters),
    );
    // NOTE: AWS documents only that secrets are listed by CreatedDate; the sandbox lists newest first by default.
    const sorted = sortSecrets(matching, input.SortBy ?? "created-date", input.SortOrder ?? "desc");
    const pageSize = input.MaxResults ?? 100;
    const page = sorted.slice(offset, offset + pageSize);
    for (const secret of page) ctx.touches(secret.arn, SECRET_RESOURCE_TYPE);
    const output: WireObject = { SecretList: page.map((secret) => compact(listEntryView(secret))) };
    if (offset + pageSize < sorted.length) output["NextToken"] = encodeNextToken("ListSecrets", offset + pageSize);
    return output;
  },
});
