import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/sandbox/core/time";
import type { Sandbox } from "@/lib/sandbox";
import { awsError, b64, createKey, newSandbox, text } from "./helpers";

/**
 * Multi-Region keys. Shapes and messages from real AWS, recorded in
 * LocalStack's snapshots (tests/aws/services/kms/test_kms.snapshot.json:
 * test_create_multi_region_key, test_non_multi_region_keys_should_not_have_multi_region_properties,
 * test_replicate_key, test_replicate_replica_key_should_fail); behaviour from
 * "Multi-Region keys in AWS KMS" (developer guide): the key id starts with
 * mrk-, copies share key material, so a ciphertext from one Region decrypts
 * in another, and each copy has its own policy, description and tags.
 */

const PRIMARY = "us-east-1";
const REPLICA = "ap-southeast-1";

function multiRegionKey(sandbox: Sandbox) {
  return createKey(sandbox, { MultiRegion: true, Description: "test multi region key" });
}

const describeIn = (sandbox: Sandbox, keyId: string, region: string) => sandbox.call("kms", "DescribeKey", { KeyId: keyId }, { region }).KeyMetadata as Record<string, unknown>;

describe("multi-Region keys", () => {
  it("CreateKey --multi-region makes a primary with an mrk- key id and no replicas (recorded)", () => {
    const sandbox = newSandbox(71);
    const { keyId, arn, metadata } = multiRegionKey(sandbox);
    expect(keyId).toMatch(/^mrk-[0-9a-f]{32}$/);
    expect(metadata.MultiRegion).toBe(true);
    expect(metadata.MultiRegionConfiguration).toEqual({ MultiRegionKeyType: "PRIMARY", PrimaryKey: { Arn: arn, Region: PRIMARY }, ReplicaKeys: [] });
    // Key metadata members in the API model's order.
    expect(Object.keys(metadata).indexOf("MultiRegionConfiguration")).toBe(Object.keys(metadata).indexOf("MultiRegion") + 1);
    const single = createKey(sandbox).metadata;
    expect(single.MultiRegion).toBe(false);
    expect(single.MultiRegionConfiguration).toBeUndefined();
  });

  it("ReplicateKey copies the key to another Region, answering Creating with the default policy (recorded)", () => {
    const sandbox = newSandbox(72);
    const { keyId, arn } = multiRegionKey(sandbox);
    expect(awsError(() => describeIn(sandbox, keyId, REPLICA))).toEqual({ code: "NotFoundException", message: `Key 'arn:aws:kms:${REPLICA}:123456789012:key/${keyId}' does not exist` });
    const replicaArn = `arn:aws:kms:${REPLICA}:123456789012:key/${keyId}`;
    const answer = sandbox.call("kms", "ReplicateKey", { KeyId: keyId, ReplicaRegion: REPLICA });
    expect(answer.ReplicaKeyMetadata).toMatchObject({ Arn: replicaArn, KeyId: keyId, Description: "", Enabled: false, KeyState: "Creating", MultiRegion: true });
    expect((answer.ReplicaKeyMetadata as Record<string, unknown>).CurrentKeyMaterialId).toBeUndefined();
    expect(JSON.parse(String(answer.ReplicaPolicy))).toEqual({
      Version: "2012-10-17",
      Id: "key-default-1",
      Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" }],
    });
    const configuration = { PrimaryKey: { Arn: arn, Region: PRIMARY }, ReplicaKeys: [{ Arn: replicaArn, Region: REPLICA }] };
    expect(describeIn(sandbox, keyId, PRIMARY)).toMatchObject({ Description: "test multi region key", KeyState: "Enabled", MultiRegionConfiguration: { MultiRegionKeyType: "PRIMARY", ...configuration } });
    const replica = describeIn(sandbox, keyId, REPLICA);
    expect(replica).toMatchObject({ Description: "", KeyState: "Enabled", MultiRegionConfiguration: { MultiRegionKeyType: "REPLICA", ...configuration } });
    expect(replica.CurrentKeyMaterialId).toBe(describeIn(sandbox, keyId, PRIMARY).CurrentKeyMaterialId);
  });

  it("a ciphertext made in one Region decrypts in the other, both ways", () => {
    const sandbox = newSandbox(73);
    const { keyId } = multiRegionKey(sandbox);
    sandbox.call("kms", "ReplicateKey", { KeyId: keyId, ReplicaRegion: REPLICA });
    const here = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("made in us-east-1"), EncryptionContext: { table: "orders" } });
    const there = sandbox.call("kms", "Decrypt", { CiphertextBlob: here.CiphertextBlob, EncryptionContext: { table: "orders" } }, { region: REPLICA });
    expect(text(there.Plaintext)).toBe("made in us-east-1");
    expect(there.KeyId).toBe(`arn:aws:kms:${REPLICA}:123456789012:key/${keyId}`);
    const back = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("made in Singapore") }, { region: REPLICA });
    expect(text(sandbox.call("kms", "Decrypt", { CiphertextBlob: back.CiphertextBlob }).Plaintext)).toBe("made in Singapore");
    // A single-Region key's ciphertext stays in its Region.
    const single = createKey(sandbox);
    const local = sandbox.call("kms", "Encrypt", { KeyId: single.keyId, Plaintext: b64("x") });
    expect(awsError(() => sandbox.call("kms", "Decrypt", { CiphertextBlob: local.CiphertextBlob }, { region: REPLICA })).code).toBe("InvalidCiphertextException");
  });

  it("replicas follow the primary's rotation; each copy keeps its own enabled state", () => {
    const sandbox = newSandbox(74);
    const { keyId } = multiRegionKey(sandbox);
    sandbox.call("kms", "ReplicateKey", { KeyId: keyId, ReplicaRegion: REPLICA });
    const before = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("before") });
    sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId });
    expect(describeIn(sandbox, keyId, REPLICA).CurrentKeyMaterialId).toBe(describeIn(sandbox, keyId, PRIMARY).CurrentKeyMaterialId);
    expect(text(sandbox.call("kms", "Decrypt", { CiphertextBlob: before.CiphertextBlob }, { region: REPLICA }).Plaintext)).toBe("before");
    sandbox.call("kms", "EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 90 });
    sandbox.advanceClock(91 * DAY);
    expect(describeIn(sandbox, keyId, REPLICA).CurrentKeyMaterialId).toBe(describeIn(sandbox, keyId, PRIMARY).CurrentKeyMaterialId);
    expect(sandbox.call("kms", "GetKeyRotationStatus", { KeyId: keyId }, { region: REPLICA })).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 90 });
    expect(awsError(() => sandbox.call("kms", "RotateKeyOnDemand", { KeyId: keyId }, { region: REPLICA })).code).toBe("UnsupportedOperationException");
    sandbox.call("kms", "DisableKey", { KeyId: keyId }, { region: REPLICA });
    expect(describeIn(sandbox, keyId, PRIMARY).KeyState).toBe("Enabled");
  });

  it("refuses to replicate a replica or a single-Region key, or into a Region that has a copy (recorded message)", () => {
    const sandbox = newSandbox(75);
    const { keyId } = multiRegionKey(sandbox);
    sandbox.call("kms", "ReplicateKey", { KeyId: keyId, ReplicaRegion: REPLICA });
    const replicaArn = `arn:aws:kms:${REPLICA}:123456789012:key/${keyId}`;
    expect(awsError(() => sandbox.call("kms", "ReplicateKey", { KeyId: keyId, ReplicaRegion: "eu-west-1" }, { region: REPLICA }))).toEqual({
      code: "UnsupportedOperationException",
      message: `${replicaArn} is not a multi-region primary key.`,
    });
    expect(awsError(() => sandbox.call("kms", "ReplicateKey", { KeyId: keyId, ReplicaRegion: REPLICA })).code).toBe("AlreadyExistsException");
    expect(awsError(() => sandbox.call("kms", "ReplicateKey", { KeyId: keyId, ReplicaRegion: "us-nowhere-1" })).code).toBe("ValidationException");
    const single = createKey(sandbox);
    expect(awsError(() => sandbox.call("kms", "ReplicateKey", { KeyId: single.keyId, ReplicaRegion: REPLICA })).code).toBe("UnsupportedOperationException");
  });

  it("UpdatePrimaryRegion swaps primary and replica; the new primary replicates", () => {
    const sandbox = newSandbox(76);
    const { keyId } = multiRegionKey(sandbox);
    sandbox.call("kms", "ReplicateKey", { KeyId: keyId, ReplicaRegion: REPLICA });
    expect(sandbox.call("kms", "UpdatePrimaryRegion", { KeyId: keyId, PrimaryRegion: REPLICA })).toEqual({});
    expect((describeIn(sandbox, keyId, PRIMARY).MultiRegionConfiguration as { MultiRegionKeyType: string }).MultiRegionKeyType).toBe("REPLICA");
    expect(describeIn(sandbox, keyId, REPLICA).MultiRegionConfiguration).toMatchObject({ MultiRegionKeyType: "PRIMARY", PrimaryKey: { Region: REPLICA }, ReplicaKeys: [{ Region: PRIMARY }] });
    sandbox.call("kms", "ReplicateKey", { KeyId: keyId, ReplicaRegion: "eu-west-1" }, { region: REPLICA });
    expect((describeIn(sandbox, keyId, PRIMARY).MultiRegionConfiguration as { ReplicaKeys: unknown[] }).ReplicaKeys).toHaveLength(2);
  });

  it("a primary with replicas is deleted only after them; a deleted replica leaves the key", () => {
    const sandbox = newSandbox(77);
    const { keyId } = multiRegionKey(sandbox);
    sandbox.call("kms", "ReplicateKey", { KeyId: keyId, ReplicaRegion: REPLICA });
    expect(awsError(() => sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 7 })).code).toBe("UnsupportedOperationException");
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 7 }, { region: REPLICA });
    sandbox.advanceClock(8 * DAY);
    expect(describeIn(sandbox, keyId, PRIMARY).MultiRegionConfiguration).toMatchObject({ ReplicaKeys: [] });
    expect(sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 7 }).KeyState).toBe("PendingDeletion");
  });

  it("survives a snapshot and restore", () => {
    const sandbox = newSandbox(78);
    const { keyId } = multiRegionKey(sandbox);
    sandbox.call("kms", "ReplicateKey", { KeyId: keyId, ReplicaRegion: REPLICA });
    const copy = newSandbox(1);
    copy.restore(JSON.parse(JSON.stringify(sandbox.snapshot())));
    expect(describeIn(copy, keyId, REPLICA).MultiRegion).toBe(true);
  });
});
