import { inputs } from "../../contracts/kms";
import { AwsServiceError } from "../../core/errors";
import { defineOperation } from "../../core/operation";
import { isAwsRegion } from "../../core/regions";
import { authorizeAccountAction, authorizeKey } from "../access";
import { stepKey } from "../key.machine";
import { scheduleRotation, unscheduleRotation } from "../materials";
import { keyMetadata } from "../metadata";
import { isPrimary, notPrimary, setRegions, shareWithReplicas } from "../multi-region";
import { defaultKeyPolicy } from "../policies";
import { checkLockout, parseKeyPolicy } from "../policy-checks";
import { resolveKey } from "../key-ids";
import type { KmsKeyRecord } from "../state";
import { keyArn, kmsState } from "../store";
import { mergeTags } from "./shapes";

/**
 * ReplicateKey and UpdatePrimaryRegion (multi-region.ts has the model).
 * NOTE: a replica is ready at once (AWS creates it asynchronously: the
 * answer says Creating, as the sandbox's does), and UpdatePrimaryRegion
 * completes at once (AWS shows Updating for a while).
 */

const KEY_RESOURCE = "AWS::KMS::Key";

/** NOTE: the messages for an unknown Region or one that already holds a copy are the sandbox's. */
function checkReplicaRegion(key: KmsKeyRecord, region: string): void {
  if (!isAwsRegion(region)) throw new AwsServiceError("ValidationException", `${region} is not a Region of the aws partition.`);
  if (region === key.region || key.multiRegion?.replicaRegions.includes(region)) {
    throw new AwsServiceError("AlreadyExistsException", `Key '${keyArn(region, key.accountId, key.keyId)}' already exists`);
  }
}

export const replicateKey = defineOperation({
  name: "ReplicateKey",
  input: inputs.ReplicateKey,
  readOnly: false,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "ReplicateKey", context: { "kms:ReplicaRegion": input.ReplicaRegion } });
    // NOTE: AWS authorises kms:CreateKey in the replica's Region; the sandbox checks it with the caller's identity policies here.
    authorizeAccountAction(ctx, "CreateKey", { "kms:MultiRegion": true, "kms:MultiRegionKeyType": "REPLICA" });
    if (!key.multiRegion || !isPrimary(key)) throw notPrimary(key);
    stepKey(key, "key.use");
    checkReplicaRegion(key, input.ReplicaRegion);

    const arn = keyArn(input.ReplicaRegion, key.accountId, key.keyId);
    let policy = defaultKeyPolicy(key.accountId);
    if (input.Policy !== undefined) {
      const document = parseKeyPolicy(input.Policy);
      if (!input.BypassPolicyLockoutSafetyCheck) checkLockout(ctx, { arn, accountId: key.accountId }, document);
      policy = input.Policy;
    }
    const tags = mergeTags([], input.Tags ?? []);
    const replica: KmsKeyRecord = {
      ...structuredClone(key),
      arn,
      region: input.ReplicaRegion,
      createdAt: ctx.now,
      description: input.Description ?? "",
      state: "Enabled",
      policy,
      tags,
    };
    delete replica.deletionDate;
    delete replica.pendingWindowInDays;
    delete replica.importParameters;
    kmsState(ctx, key.accountId, input.ReplicaRegion).keys[key.keyId] = replica;
    setRegions(ctx, key, key.multiRegion.primaryRegion, [...key.multiRegion.replicaRegions, input.ReplicaRegion]);
    ctx.touches(arn, KEY_RESOURCE);

    // Recorded answer (LocalStack snapshot test_replicate_key): the replica is still being created.
    const { CurrentKeyMaterialId: _material, ...metadata } = keyMetadata(replica);
    return {
      ReplicaKeyMetadata: { ...metadata, Enabled: false, KeyState: "Creating" },
      ReplicaPolicy: policy,
      ...(tags.length > 0 ? { ReplicaTags: tags.map((tag) => ({ TagKey: tag.TagKey, TagValue: tag.TagValue })) } : {}),
    };
  },
});

export const updatePrimaryRegion = defineOperation({
  name: "UpdatePrimaryRegion",
  input: inputs.UpdatePrimaryRegion,
  readOnly: false,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "UpdatePrimaryRegion", context: { "kms:PrimaryRegion": input.PrimaryRegion } });
    if (!key.multiRegion || !isPrimary(key)) throw notPrimary(key);
    stepKey(key, "key.use");
    const { replicaRegions } = key.multiRegion;
    // NOTE: the message is the sandbox's.
    if (!replicaRegions.includes(input.PrimaryRegion)) throw new AwsServiceError("NotFoundException", `Key '${keyArn(input.PrimaryRegion, key.accountId, key.keyId)}' does not exist`);
    const next = kmsState(ctx, key.accountId, input.PrimaryRegion).keys[key.keyId];
    if (!next) throw new AwsServiceError("NotFoundException", `Key '${keyArn(input.PrimaryRegion, key.accountId, key.keyId)}' does not exist`);
    // The old primary becomes a replica; the Regions keep their order otherwise.
    setRegions(ctx, key, input.PrimaryRegion, replicaRegions.map((region) => (region === input.PrimaryRegion ? key.region : region)));
    // Automatic rotation is the primary's job: move the schedule.
    if (key.rotation.nextRotationAt !== undefined) {
      const due = key.rotation.nextRotationAt;
      unscheduleRotation(ctx, key);
      scheduleRotation(ctx, next, due);
    }
    shareWithReplicas(ctx, next);
    ctx.touches(next.arn, KEY_RESOURCE);
    return {};
  },
});
