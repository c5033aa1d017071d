import { inputs } from "../../contracts/kms";
import { toHex } from "../../core/encoding";
import { AwsServiceError } from "../../core/errors";
import { defineOperation } from "../../core/operation";
import { DAY } from "../../core/time";
import { authorizeAccountAction, authorizeKey } from "../access";
import { kmsErrors } from "../errors";
import { resolveKey } from "../key-ids";
import { createKeyRecord } from "../key-records";
import { KEY_SPECS, KEY_USAGES, usagesFor, type KeySpec } from "../key-specs";
import { nextKeyState, stepKey } from "../key.machine";
import { catchUpRotation, DELETE_KEY_EVENT } from "../materials";
import { keyMetadata } from "../metadata";
import { paginate } from "../pagination";
import { defaultKeyPolicy } from "../policies";
import { checkLockout, parseKeyPolicy } from "../policy-checks";
import { keyArn, kmsState, seconds } from "../store";
import { enumPrintedAs, mergeTags } from "./shapes";

/** Creating, describing and listing keys, and the key lifecycle: enable, disable, delete. */

const KEY_RESOURCE = "AWS::KMS::Key";

/** The key specs the sandbox simulates; the model also has SM2, ML-DSA and ECC_NIST_EDWARDS25519 keys. */
function isSimulatedKeySpec(spec: string): spec is KeySpec {
  return KEY_SPECS.some((simulated) => simulated === spec);
}

/** The simulated key specs AWS allows KEY_AGREEMENT for (CreateKey API reference, KeySpec; SM2 too, not simulated). */
const KEY_AGREEMENT_SPECS: readonly KeySpec[] = ["ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521"];

export const createKey = defineOperation({
  name: "CreateKey",
  input: inputs.CreateKey.extend({
    // AWS's ValidationException lists these values in its own order, not the model's (LocalStack
    // snapshot test_hmac_create_key_invalid_operations, recorded in April 2023: it lists 12 key specs
    // and 3 key usages; the model now accepts 17 and 4, which pass and are refused below when not simulated).
    KeySpec: enumPrintedAs(inputs.CreateKey.shape.KeySpec.unwrap(), KEY_SPECS).optional(),
    KeyUsage: enumPrintedAs(inputs.CreateKey.shape.KeyUsage.unwrap(), KEY_USAGES).optional(),
  }),
  readOnly: false,
  handler(ctx, input) {
    if (input.KeySpec && input.CustomerMasterKeySpec && input.KeySpec !== input.CustomerMasterKeySpec) {
      // NOTE: sandbox wording; CustomerMasterKeySpec is the deprecated name of KeySpec.
      throw kmsErrors.validation("KeySpec and CustomerMasterKeySpec name the same setting; specify only KeySpec.");
    }
    const requestedSpec = input.KeySpec ?? input.CustomerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
    const origin = input.Origin ?? "AWS_KMS";
    authorizeAccountAction(ctx, "CreateKey", {
      "kms:KeySpec": requestedSpec,
      "kms:KeyOrigin": origin,
      "kms:MultiRegion": input.MultiRegion === true,
      ...(input.KeyUsage ? { "kms:KeyUsage": input.KeyUsage } : {}),
      ...(input.BypassPolicyLockoutSafetyCheck !== undefined ? { "kms:BypassPolicyLockoutSafetyCheck": input.BypassPolicyLockoutSafetyCheck } : {}),
    });

    if (input.KeyUsage === undefined && requestedSpec !== "SYMMETRIC_DEFAULT") {
      throw kmsErrors.validation("You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
    }
    // NOTE: SM2, ML-DSA and ECC_NIST_EDWARDS25519 keys, and KEY_AGREEMENT keys, are valid in AWS and not simulated.
    if (!isSimulatedKeySpec(requestedSpec)) throw new AwsServiceError("UnsupportedOperationException", `The sandbox does not simulate ${requestedSpec} keys.`);
    const keySpec: KeySpec = requestedSpec;
    const requestedUsage = input.KeyUsage ?? "ENCRYPT_DECRYPT";
    if (requestedUsage === "KEY_AGREEMENT" && KEY_AGREEMENT_SPECS.includes(keySpec)) {
      throw new AwsServiceError("UnsupportedOperationException", "The sandbox does not simulate KEY_AGREEMENT keys.");
    }
    const keyUsage = usagesFor(keySpec).find((usage) => usage === requestedUsage);
    if (keyUsage === undefined) {
      // AWS's text, no final period (LocalStack snapshot test_derive_shared_secret, "response-invalid-key-spec").
      throw kmsErrors.validation(`KeyUsage ${requestedUsage} is not compatible with KeySpec ${keySpec}`);
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
  input: inputs.DescribeKey,
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
  input: inputs.ListKeys,
  readOnly: true,
  handler(ctx, input) {
    authorizeAccountAction(ctx, "ListKeys");
    const keys = Object.values(kmsState(ctx).keys).map((key) => ({ KeyId: key.keyId, KeyArn: key.arn }));
    const { page, tail } = paginate("ListKeys", keys, input.Limit ?? 100, input.Marker);
    return { Keys: page, ...tail };
  },
});

export const updateKeyDescription = defineOperation({
  name: "UpdateKeyDescription",
  input: inputs.UpdateKeyDescription,
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
  input: inputs.EnableKey,
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
  input: inputs.DisableKey,
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
  input: inputs.ScheduleKeyDeletion,
  readOnly: false,
  handler(ctx, input) {
    const { key } = resolveKey(ctx, input.KeyId, { aliases: false });
    ctx.touches(key.arn, KEY_RESOURCE);
    const days = input.PendingWindowInDays ?? 30;
    authorizeKey(ctx, key, { operation: "ScheduleKeyDeletion", context: { "kms:ScheduleKeyDeletionPendingWindowInDays": days } });
    // The model's range is 1-365; the service accepts 7-30 (the model's documentation of
    // PendingWindowInDays: "it must be between 7 and 30, inclusive"; AWS-CLI.md §2.2).
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
  input: inputs.CancelKeyDeletion,
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
