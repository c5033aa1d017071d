import * as z from "zod";
import { toHex } from "../../core/encoding";
import { AwsServiceError } from "../../core/errors";
import { defineOperation } from "../../core/operation";
import { DAY } from "../../core/time";
import { aws } from "../../core/validation";
import { authorizeAccountAction, authorizeKey } from "../authorize";
import { kmsErrors } from "../errors";
import { resolveKey } from "../key-ids";
import { createKeyRecord } from "../key-records";
import { KEY_SPECS, KEY_USAGES, ORIGINS, usagesFor, type KeySpec, type KeyUsage } from "../key-specs";
import { nextKeyState, stepKey } from "../key.machine";
import { catchUpRotation, DELETE_KEY_EVENT } from "../materials";
import { keyMetadata } from "../metadata";
import { paginate } from "../pagination";
import { defaultKeyPolicy } from "../policies";
import { checkLockout, parseKeyPolicy } from "../policy-checks";
import { keyArn, kmsState, seconds } from "../store";
import { keyIdMember, limitMember, markerMember, mergeTags, tagsMember } from "./shapes";

/** Creating, describing and listing keys, and the key lifecycle: enable, disable, delete. */

const KEY_RESOURCE = "AWS::KMS::Key";

export const createKey = defineOperation({
  name: "CreateKey",
  input: z.object({
    Policy: aws.string({ min: 1, max: 131072 }).optional(),
    Description: aws.string({ min: 0, max: 8192 }).optional(),
    KeyUsage: aws.enum(KEY_USAGES).optional(),
    CustomerMasterKeySpec: aws.enum(KEY_SPECS).optional(),
    KeySpec: aws.enum(KEY_SPECS).optional(),
    Origin: aws.enum(ORIGINS).optional(),
    CustomKeyStoreId: aws.string({ min: 1, max: 64 }).optional(),
    BypassPolicyLockoutSafetyCheck: aws.boolean().optional(),
    Tags: tagsMember().optional(),
    MultiRegion: aws.boolean().optional(),
    XksKeyId: aws.string({ min: 1, max: 128 }).optional(),
  }),
  readOnly: false,
  handler(ctx, input) {
    if (input.KeySpec && input.CustomerMasterKeySpec && input.KeySpec !== input.CustomerMasterKeySpec) {
      // NOTE: sandbox wording; CustomerMasterKeySpec is the deprecated name of KeySpec.
      throw kmsErrors.validation("KeySpec and CustomerMasterKeySpec name the same setting; specify only KeySpec.");
    }
    const keySpec: KeySpec = input.KeySpec ?? input.CustomerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
    const origin = input.Origin ?? "AWS_KMS";
    authorizeAccountAction(ctx, "CreateKey", {
      "kms:KeySpec": keySpec,
      "kms:KeyOrigin": origin,
      "kms:MultiRegion": input.MultiRegion === true,
      ...(input.KeyUsage ? { "kms:KeyUsage": input.KeyUsage } : {}),
      ...(input.BypassPolicyLockoutSafetyCheck !== undefined ? { "kms:BypassPolicyLockoutSafetyCheck": input.BypassPolicyLockoutSafetyCheck } : {}),
    });

    if (input.KeyUsage === undefined && keySpec !== "SYMMETRIC_DEFAULT") {
      throw kmsErrors.validation("You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
    }
    const keyUsage: KeyUsage = input.KeyUsage ?? "ENCRYPT_DECRYPT";
    if (!usagesFor(keySpec).includes(keyUsage)) {
      // NOTE: sandbox wording for a KeySpec/KeyUsage combination AWS does not allow.
      throw kmsErrors.validation(`KeyUsage ${keyUsage} is not compatible with KeySpec ${keySpec}.`);
    }
    if (origin === "AWS_CLOUDHSM" || origin === "EXTERNAL_KEY_STORE" || input.CustomKeyStoreId !== undefined || input.XksKeyId !== undefined) {
      // NOTE: custom key stores (CloudHSM, external) are not simulated.
      throw new AwsServiceError("UnsupportedOperationException", "The sandbox does not simulate custom key stores.");
    }
    if (input.MultiRegion && origin === "EXTERNAL") {
      // NOTE: AWS has multi-Region keys with imported material (each replica imports the same material); the sandbox does not.
      throw new AwsServiceError("UnsupportedOperationException", "The sandbox does not simulate multi-Region keys with imported key material.");
    }
    const tags = mergeTags([], input.Tags ?? []);

    // "Multi-Region key IDs begin with mrk-" (developer guide): the prefix and 32 hexadecimal digits.
    const keyId = input.MultiRegion ? `mrk-${toHex(ctx.random.bytes(16))}` : ctx.random.uuid();
    const arn = keyArn(ctx.region, ctx.accountId, keyId);
    let policy = defaultKeyPolicy(ctx.accountId);
    if (input.Policy !== undefined) {
      const document = parseKeyPolicy(input.Policy);
      if (!input.BypassPolicyLockoutSafetyCheck) checkLockout(ctx, { arn, accountId: ctx.accountId }, document);
      policy = input.Policy;
    }

    const key = createKeyRecord(ctx, kmsState(ctx), {
      keyId,
      accountId: ctx.accountId,
      region: ctx.region,
      description: input.Description ?? "",
      keyUsage,
      keySpec,
      origin,
      keyManager: "CUSTOMER",
      policy,
      tags,
    });
    if (input.MultiRegion) key.multiRegion = { primaryRegion: ctx.region, replicaRegions: [] };
    ctx.touches(key.arn, KEY_RESOURCE);
    return { KeyMetadata: keyMetadata(key) };
  },
});

export const describeKey = defineOperation({
  name: "DescribeKey",
  input: z.object({ KeyId: keyIdMember(), GrantTokens: aws.list(aws.string({ min: 1, max: 8192 }), { max: 10 }).optional() }),
  readOnly: true,
  handler(ctx, input) {
    const { key, alias } = resolveKey(ctx, input.KeyId, { aliases: true });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "DescribeKey", context: alias ? { "kms:RequestAlias": alias.aliasName } : {} });
    return { KeyMetadata: keyMetadata(key) };
  },
});

export const listKeys = defineOperation({
  name: "ListKeys",
  input: z.object({ Limit: limitMember(1000), Marker: markerMember() }),
  readOnly: true,
  handler(ctx, input) {
    authorizeAccountAction(ctx, "ListKeys");
    const keys = Object.values(kmsState(ctx).keys).map((key) => ({ KeyId: key.keyId, KeyArn: key.arn }));
    const { page, tail } = paginate(keys, input.Limit ?? 100, input.Marker);
    return { Keys: page, ...tail };
  },
});

export const updateKeyDescription = defineOperation({
  name: "UpdateKeyDescription",
  input: z.object({ KeyId: keyIdMember(), Description: aws.string({ min: 0, max: 8192 }) }),
  readOnly: false,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "UpdateKeyDescription" });
    stepKey(key, "key.modify");
    key.description = input.Description;
    return {};
  },
});

export const enableKey = defineOperation({
  name: "EnableKey",
  input: z.object({ KeyId: keyIdMember() }),
  readOnly: false,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "EnableKey" });
    key.state = nextKeyState(key, "key.enable");
    catchUpRotation(ctx, key);
    return {};
  },
});

export const disableKey = defineOperation({
  name: "DisableKey",
  input: z.object({ KeyId: keyIdMember() }),
  readOnly: false,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "DisableKey" });
    key.state = nextKeyState(key, "key.disable");
    return {};
  },
});

export const scheduleKeyDeletion = defineOperation({
  name: "ScheduleKeyDeletion",
  input: z.object({ KeyId: keyIdMember(), PendingWindowInDays: aws.integer({ min: 1, max: 365 }).optional() }),
  readOnly: false,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    const days = input.PendingWindowInDays ?? 30;
    authorizeKey(ctx, key, { operation: "ScheduleKeyDeletion", context: { "kms:ScheduleKeyDeletionPendingWindowInDays": days } });
    // The model allows 1-365; the service accepts 7-30 (AWS-CLI.md §2.2).
    if (days < 7 || days > 30) throw kmsErrors.validation("PendingWindowInDays must be between 7 and 30");
    const next = nextKeyState(key, "key.scheduleDeletion");
    if (key.multiRegion && key.multiRegion.primaryRegion === key.region && key.multiRegion.replicaRegions.length > 0) {
      // NOTE: AWS lets a primary with replicas wait in PendingReplicaDeletion until they are deleted; the sandbox does not simulate that state.
      throw new AwsServiceError(
        "UnsupportedOperationException",
        `${key.arn} has replica keys in ${key.multiRegion.replicaRegions.join(", ")}. The sandbox does not simulate PendingReplicaDeletion: schedule the replicas' deletion first.`,
      );
    }
    const deletionDate = ctx.now + days * DAY;
    key.state = next;
    key.deletionDate = deletionDate;
    key.pendingWindowInDays = days;
    ctx.schedule({ kind: DELETE_KEY_EVENT, at: deletionDate, resource: key.arn, accountId: key.accountId, region: key.region });
    return { KeyId: key.arn, DeletionDate: seconds(deletionDate), KeyState: "PendingDeletion", PendingWindowInDays: days };
  },
});

export const cancelKeyDeletion = defineOperation({
  name: "CancelKeyDeletion",
  input: z.object({ KeyId: keyIdMember() }),
  readOnly: false,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    authorizeKey(ctx, key, { operation: "CancelKeyDeletion" });
    key.state = nextKeyState(key, "key.cancelDeletion");
    delete key.deletionDate;
    delete key.pendingWindowInDays;
    ctx.cancelScheduled(DELETE_KEY_EVENT, key.arn);
    return { KeyId: key.arn };
  },
});
