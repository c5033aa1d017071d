import { smErrors } from "./errors";
import type { SecretRecord, SecretVersion } from "./state";

/**
 * Staging labels, with AWS's rules [API: PutSecretValue, UpdateSecretVersionStage]:
 * - a label is on at most one version: attaching it to a version takes it off the other;
 * - when AWSCURRENT moves, AWSPREVIOUS moves to the version AWSCURRENT left;
 * - a version carries at most 20 labels;
 * - a version without labels is deprecated: it stays readable by VersionId until
 *   Secrets Manager removes it.
 *
 * NOTE: AWS removes deprecated versions in the background once a secret has
 * more than 100 versions (not those created in the last 24 hours); the
 * sandbox removes the oldest deprecated versions as soon as there are more
 * than 100, whatever their age.
 */

export const AWSCURRENT = "AWSCURRENT";
export const AWSPENDING = "AWSPENDING";
export const AWSPREVIOUS = "AWSPREVIOUS";

export const MAX_VERSIONS = 100;
const MAX_LABELS_PER_VERSION = 20;

export function versionWithStage(secret: SecretRecord, stage: string): SecretVersion | undefined {
  return secret.versions.find((version) => version.stages.includes(stage));
}

export function findVersion(secret: SecretRecord, versionId: string): SecretVersion | undefined {
  return secret.versions.find((version) => version.versionId === versionId);
}

function detach(version: SecretVersion, stage: string): void {
  version.stages = version.stages.filter((label) => label !== stage);
}

/** Puts `stage` on `target` only, taking it off any other version. */
function attach(secret: SecretRecord, target: SecretVersion, stage: string): void {
  for (const version of secret.versions) if (version !== target) detach(version, stage);
  if (!target.stages.includes(stage)) target.stages.push(stage);
}

/** Moves AWSCURRENT to `target`; AWSPREVIOUS follows to the version it left. */
function moveCurrent(secret: SecretRecord, target: SecretVersion): void {
  const previous = versionWithStage(secret, AWSCURRENT);
  attach(secret, target, AWSCURRENT);
  if (previous && previous !== target) attach(secret, previous, AWSPREVIOUS);
  detach(target, AWSPREVIOUS);
}

/** Whether AWSPENDING marks a version other than the AWSCURRENT one: a rotation is not finished. */
export function pendingElsewhere(secret: SecretRecord): boolean {
  const pending = versionWithStage(secret, AWSPENDING);
  return pending !== undefined && !pending.stages.includes(AWSCURRENT);
}

function checkLabelCount(stages: readonly string[]): void {
  if (new Set(stages).size > MAX_LABELS_PER_VERSION) throw smErrors.tooManyLabels();
}

/** Removes the oldest deprecated versions beyond the quota (see the NOTE above). */
function pruneDeprecated(secret: SecretRecord): void {
  while (secret.versions.length > MAX_VERSIONS) {
    const index = secret.versions.findIndex((version) => version.stages.length === 0);
    if (index < 0) return;
    secret.versions.splice(index, 1);
  }
}

/**
 * Adds a new version with the labels it is created with (AWSCURRENT when the
 * caller gave none). Returns whether a new AWSCURRENT version abandoned a
 * rotation in progress: AWS then removes AWSPENDING from the other version
 * and records RotationAbandoned [CloudTrail entries for Secrets Manager].
 */
export function addVersion(secret: SecretRecord, version: SecretVersion, stages: readonly string[]): { abandonedRotation: boolean } {
  checkLabelCount(stages);
  version.stages = [];
  secret.versions.push(version);
  return { abandonedRotation: labelVersion(secret, version, stages) };
}

/** Attaches labels to an existing version (a placeholder filled in by PutSecretValue). */
export function labelVersion(secret: SecretRecord, version: SecretVersion, stages: readonly string[]): boolean {
  checkLabelCount([...version.stages, ...stages]);
  const wasIncomplete = pendingElsewhere(secret);
  const pendingBefore = versionWithStage(secret, AWSPENDING);
  // AWSCURRENT last, so that AWSPREVIOUS ends where AWSCURRENT left (never on the new current version).
  for (const stage of stages) if (stage !== AWSCURRENT) attach(secret, version, stage);
  if (stages.includes(AWSCURRENT)) moveCurrent(secret, version);
  // Keep the labels in the order the caller gave them.
  version.stages = [...version.stages.filter((stage) => !stages.includes(stage)), ...new Set(stages.filter((stage) => version.stages.includes(stage)))];
  let abandoned = false;
  if (stages.includes(AWSCURRENT)) {
    // A new current value ends any rotation in progress: AWSPENDING may only stay on this version.
    for (const other of secret.versions) {
      if (other !== version && other.stages.includes(AWSPENDING)) {
        detach(other, AWSPENDING);
        if (wasIncomplete && other === pendingBefore) abandoned = true;
      }
    }
  }
  pruneDeprecated(secret);
  return abandoned;
}

export interface StageMove {
  stage: string;
  moveToVersionId?: string | undefined;
  removeFromVersionId?: string | undefined;
}

/** Checks an UpdateSecretVersionStage request against the secret; throws AWS's InvalidParameterException. */
export function checkStageMove(secret: SecretRecord, { stage, moveToVersionId, removeFromVersionId }: StageMove): void {
  const owner = versionWithStage(secret, stage);
  const target = moveToVersionId === undefined ? undefined : findVersion(secret, moveToVersionId);
  if (moveToVersionId !== undefined && !target) throw smErrors.versionNotFound(moveToVersionId);
  if (removeFromVersionId !== undefined) {
    if (!findVersion(secret, removeFromVersionId)) throw smErrors.versionNotFound(removeFromVersionId);
    if (owner?.versionId !== removeFromVersionId) throw smErrors.removeFromMismatch(stage);
  }
  if (target && owner && owner !== target && removeFromVersionId === undefined) throw smErrors.removeFromRequired(stage, owner.versionId);
  if (target && !target.stages.includes(stage)) checkLabelCount([...target.stages, stage]);
}

/** Applies a checked UpdateSecretVersionStage request. */
export function applyStageMove(secret: SecretRecord, { stage, moveToVersionId, removeFromVersionId }: StageMove): void {
  const target = moveToVersionId === undefined ? undefined : findVersion(secret, moveToVersionId);
  const source = removeFromVersionId === undefined ? undefined : findVersion(secret, removeFromVersionId);
  if (target && stage === AWSCURRENT) moveCurrent(secret, target);
  else if (target) attach(secret, target, stage);
  else if (source) detach(source, stage);
  pruneDeprecated(secret);
}
