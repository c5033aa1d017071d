import { AwsServiceError } from "../core/errors";
import type { OperationContext } from "../core/operation";
import type { KmsKeyRecord } from "./state";
import { kmsState } from "./store";

/**
 * Multi-Region keys: one key id (mrk-...) in several Regions of an account,
 * with the same key material, so that a ciphertext made in one Region
 * decrypts in another. Each copy has its own policy, description, tags,
 * aliases, grants and enabled state ("Multi-Region keys in AWS KMS",
 * developer guide). Every copy records which Region is the primary and
 * which hold replicas, so a copy finds the others without a registry.
 */

export const isMultiRegion = (key: KmsKeyRecord): boolean => key.multiRegion !== undefined;
export const isPrimary = (key: KmsKeyRecord): boolean => key.multiRegion?.primaryRegion === key.region;

/** All copies of a multi-Region key (primary first, then replicas in the order they were made); the key alone otherwise. */
export function copiesOf(ctx: OperationContext, key: KmsKeyRecord): KmsKeyRecord[] {
  if (!key.multiRegion) return [key];
  return copiesIn(ctx, key, [key.multiRegion.primaryRegion, ...key.multiRegion.replicaRegions]);
}

/** The copies of a key that exist in these Regions, in their order. */
function copiesIn(ctx: OperationContext, key: KmsKeyRecord, regions: Iterable<string>): KmsKeyRecord[] {
  return [...regions].flatMap((region) => {
    const copy = region === key.region ? key : kmsState(ctx, key.accountId, region).keys[key.keyId];
    return copy ? [copy] : [];
  });
}

/** MultiRegionConfiguration as DescribeKey shows it (recorded: test_create_multi_region_key, test_replicate_key). */
export function multiRegionConfiguration(key: KmsKeyRecord) {
  if (!key.multiRegion) return undefined;
  const { primaryRegion, replicaRegions } = key.multiRegion;
  const arnIn = (region: string) => `arn:aws:kms:${region}:${key.accountId}:key/${key.keyId}`;
  return {
    MultiRegionKeyType: isPrimary(key) ? "PRIMARY" : "REPLICA",
    PrimaryKey: { Arn: arnIn(primaryRegion), Region: primaryRegion },
    ReplicaKeys: replicaRegions.map((region) => ({ Arn: arnIn(region), Region: region })),
  };
}

/**
 * The properties all copies share: key material and its rotation. Called
 * after the primary's material or rotation settings change.
 */
export function shareWithReplicas(ctx: OperationContext, primary: KmsKeyRecord): void {
  for (const copy of copiesOf(ctx, primary)) {
    if (copy === primary) continue;
    copy.materials = structuredClone(primary.materials);
    copy.currentMaterial = primary.currentMaterial;
    copy.rotation = structuredClone(primary.rotation);
  }
}

/** Writes the Regions of a multi-Region key into every copy. */
export function setRegions(ctx: OperationContext, key: KmsKeyRecord, primaryRegion: string, replicaRegions: string[]): void {
  // The copies named before and after the change (a new replica, a deleted one).
  const regions = new Set([primaryRegion, ...replicaRegions, ...(key.multiRegion ? [key.multiRegion.primaryRegion, ...key.multiRegion.replicaRegions] : [])]);
  for (const copy of copiesIn(ctx, key, regions)) copy.multiRegion = { primaryRegion, replicaRegions: [...replicaRegions] };
}

/**
 * Material and rotation are managed on the primary key ("the primary key ... is the only one
 * whose shared properties can be changed").
 * NOTE: the message is the sandbox's.
 */
export function requireNotReplica(key: KmsKeyRecord): void {
  if (key.multiRegion && !isPrimary(key)) {
    throw new AwsServiceError("UnsupportedOperationException", `${key.arn} is a multi-Region replica key; rotate or configure rotation on its primary key in ${key.multiRegion.primaryRegion}.`);
  }
}

/** AWS's message for ReplicateKey on a key that is not a multi-Region primary key (recorded: test_replicate_replica_key_should_fail). */
export function notPrimary(key: KmsKeyRecord): AwsServiceError {
  return new AwsServiceError("UnsupportedOperationException", `${key.arn} is not a multi-region primary key.`);
}
