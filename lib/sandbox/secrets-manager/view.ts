import type { Json, WireObject } from "../core/operation";
import { toEpochSeconds } from "../core/time";
import { parseRotationRules, reportedDays } from "./schedule";
import type { SecretRecord, SecretVersion } from "./state";

/**
 * Secrets as the API shows them: DescribeSecret's members in the order AWS
 * returns them [CLI-DOC 3.2], and ListSecrets' entries (which name the
 * version map SecretVersionsToStages instead of VersionIdsToStages).
 * Members AWS omits are omitted: rotation fields until RotateSecret has been
 * called, KmsKeyId for the AWS managed key, DeletedDate for active secrets.
 */

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : toEpochSeconds(ms));

/** Labelled versions only: versions without labels are deprecated and not shown. */
export function versionsToStages(secret: SecretRecord): Record<string, string[]> | undefined {
  const labelled = secret.versions.filter((version) => version.stages.length > 0);
  if (labelled.length === 0) return undefined;
  return Object.fromEntries(labelled.map((version) => [version.versionId, [...version.stages]]));
}

export function rotationRulesView(secret: SecretRecord): WireObject | undefined {
  const rules = secret.rotation.rules;
  if (!rules) return undefined;
  let days = rules.AutomaticallyAfterDays;
  if (days === undefined) {
    try {
      days = reportedDays(parseRotationRules(rules));
    } catch {
      days = undefined;
    }
  }
  return {
    ...(days === undefined ? {} : { AutomaticallyAfterDays: days }),
    ...(rules.Duration === undefined ? {} : { Duration: rules.Duration }),
    ...(rules.ScheduleExpression === undefined ? {} : { ScheduleExpression: rules.ScheduleExpression }),
  };
}

function rotationFields(secret: SecretRecord): WireObject {
  const { rotation } = secret;
  if (!rotation.configured) return {};
  return {
    RotationEnabled: rotation.enabled,
    RotationLambdaARN: rotation.lambdaArn,
    RotationRules: rotationRulesView(secret),
    LastRotatedDate: seconds(rotation.lastRotatedAt),
  };
}

function tags(secret: SecretRecord): Json | undefined {
  return secret.tags.length > 0 || secret.tagged ? secret.tags.map((tag) => ({ Key: tag.Key, Value: tag.Value })) : undefined;
}

function nextRotation(secret: SecretRecord): number | undefined {
  return secret.rotation.enabled ? seconds(secret.rotation.nextRotationAt) : undefined;
}

/**
 * A secret's metadata as DescribeSecret and ListSecrets return it. The two are
 * the same but for one member's name: VersionIdsToStages in DescribeSecret,
 * SecretVersionsToStages in ListSecrets.
 */
function secretView(secret: SecretRecord, versionsMember: "VersionIdsToStages" | "SecretVersionsToStages"): WireObject {
  return {
    ARN: secret.arn,
    Name: secret.name,
    Description: secret.description,
    KmsKeyId: secret.kmsKeyId,
    ...rotationFields(secret),
    LastChangedDate: seconds(secret.lastChangedAt),
    LastAccessedDate: seconds(secret.lastAccessedAt),
    DeletedDate: seconds(secret.deletedAt),
    NextRotationDate: nextRotation(secret),
    Tags: tags(secret),
    [versionsMember]: versionsToStages(secret),
    CreatedDate: seconds(secret.createdAt),
  };
}

export const describeSecretView = (secret: SecretRecord): WireObject => secretView(secret, "VersionIdsToStages");
export const listEntryView = (secret: SecretRecord): WireObject => secretView(secret, "SecretVersionsToStages");

export function versionListEntry(version: SecretVersion): WireObject {
  return {
    VersionId: version.versionId,
    VersionStages: version.stages.length > 0 ? [...version.stages] : undefined,
    LastAccessedDate: seconds(version.lastAccessedAt),
    CreatedDate: seconds(version.createdAt),
    KmsKeyIds: version.kmsKeyIds ? [...version.kmsKeyIds] : undefined,
  };
}

/** Drops undefined members so the wire object omits them. */
export function compact(object: WireObject): WireObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
