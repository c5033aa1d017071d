import { inputs } from "../../contracts/kms";
import { defineOperation, type WireObject } from "../../core/operation";
import { authorizeAccountAction, authorizeAlias, authorizeKey } from "../access";
import { AWS_MANAGED_KEYS } from "../aws-managed";
import { kmsErrors } from "../errors";
import { resolveKey } from "../key-ids";
import { isAsymmetricSpec, isHmacSpec, type KeySpec } from "../key-specs";
import { stepKey } from "../key.machine";
import { paginate } from "../pagination";
import type { KmsKeyRecord } from "../state";
import { aliasArn, kmsState, seconds } from "../store";
import { checkLimit } from "./shapes";

/**
 * Aliases: friendly names for keys in the caller's account and Region.
 * Alias operations need permission on the alias (IAM policies) and on the
 * key (its key policy), as in AWS.
 */

/** The alias name checks every alias-changing operation makes. */
function checkAliasName(aliasName: string): void {
  if (!aliasName.startsWith("alias/")) throw kmsErrors.aliasPrefix();
  if (aliasName.startsWith("alias/aws/")) throw kmsErrors.reservedAlias();
}

const keyKind = (spec: KeySpec) => (isHmacSpec(spec) ? "HMAC" : isAsymmetricSpec(spec) ? "asymmetric" : "symmetric");

/** The target of CreateAlias/UpdateAlias: a key id or key ARN in the caller's account. */
function targetKey(ctx: Parameters<typeof resolveKey>[0], text: string): KmsKeyRecord {
  const { key } = resolveKey(ctx, text, { aliases: false });
  // NOTE: an alias and its key must be in the same account; AWS's answer to a key ARN of
  // another account is not documented, the sandbox treats the key as not found there.
  if (key.accountId !== ctx.accountId) throw kmsErrors.keyNotFound(key.arn);
  return key;
}

export const createAlias = defineOperation({
  name: "CreateAlias",
  input: inputs.CreateAlias,
  readOnly: false,
  handler(ctx, input) {
    checkAliasName(input.AliasName);
    const state = kmsState(ctx);
    const arn = aliasArn(ctx.region, ctx.accountId, input.AliasName);
    const key = targetKey(ctx, input.TargetKeyId);
    ctx.touches(arn, "AWS::KMS::Alias");
    ctx.touches(key.arn, "AWS::KMS::Key");
    authorizeAlias(ctx, "CreateAlias", arn, ctx.accountId);
    authorizeKey(ctx, key, { operation: "CreateAlias" });
    stepKey(key, "key.modify");
    if (state.aliases[input.AliasName]) throw kmsErrors.aliasExists(arn);
    state.aliases[input.AliasName] = { aliasName: input.AliasName, aliasArn: arn, targetKeyId: key.keyId, createdAt: ctx.now, lastUpdatedAt: ctx.now };
    return {};
  },
});

export const updateAlias = defineOperation({
  name: "UpdateAlias",
  input: inputs.UpdateAlias,
  readOnly: false,
  handler(ctx, input) {
    checkAliasName(input.AliasName);
    const state = kmsState(ctx);
    const arn = aliasArn(ctx.region, ctx.accountId, input.AliasName);
    const alias = state.aliases[input.AliasName];
    if (!alias) throw kmsErrors.aliasNotFound(arn);
    const current = state.keys[alias.targetKeyId];
    const key = targetKey(ctx, input.TargetKeyId);
    ctx.touches(arn, "AWS::KMS::Alias");
    ctx.touches(key.arn, "AWS::KMS::Key");
    authorizeAlias(ctx, "UpdateAlias", arn, ctx.accountId);
    // Permission is needed on both keys: the one the alias leaves and the one it moves to.
    if (current) authorizeKey(ctx, current, { operation: "UpdateAlias" });
    authorizeKey(ctx, key, { operation: "UpdateAlias" });
    stepKey(key, "key.modify");
    if (current && (current.keyUsage !== key.keyUsage || keyKind(current.keySpec) !== keyKind(key.keySpec))) {
      // "The current and new KMS key must be the same type ... and they must have the same key usage"
      // (UpdateAlias API reference). NOTE: the error text is the sandbox's wording.
      throw kmsErrors.validation(
        `${key.arn} cannot replace the alias's current key: it is a ${keyKind(key.keySpec)} ${key.keyUsage} key, the current one a ${keyKind(current.keySpec)} ${current.keyUsage} key.`,
      );
    }
    alias.targetKeyId = key.keyId;
    alias.lastUpdatedAt = ctx.now;
    return {};
  },
});

export const deleteAlias = defineOperation({
  name: "DeleteAlias",
  input: inputs.DeleteAlias,
  readOnly: false,
  handler(ctx, input) {
    checkAliasName(input.AliasName);
    const state = kmsState(ctx);
    const arn = aliasArn(ctx.region, ctx.accountId, input.AliasName);
    const alias = state.aliases[input.AliasName];
    if (!alias) throw kmsErrors.aliasNotFound(arn);
    ctx.touches(arn, "AWS::KMS::Alias");
    authorizeAlias(ctx, "DeleteAlias", arn, ctx.accountId);
    const key = state.keys[alias.targetKeyId];
    if (key) authorizeKey(ctx, key, { operation: "DeleteAlias" });
    delete state.aliases[input.AliasName];
    return {};
  },
});

export const listAliases = defineOperation({
  name: "ListAliases",
  input: inputs.ListAliases,
  readOnly: true,
  handler(ctx, input) {
    // The model allows up to 1000; ListAliases takes at most 100 (the model's documentation of Limit).
    checkLimit(input.Limit, 100);
    const state = kmsState(ctx);
    let keyId: string | undefined;
    if (input.KeyId !== undefined) {
      keyId = resolveKey(ctx, input.KeyId, { aliases: false }).key.keyId;
    }
    authorizeAccountAction(ctx, "ListAliases");
    const entries: WireObject[] = Object.values(state.aliases)
      .filter((alias) => keyId === undefined || alias.targetKeyId === keyId)
      .map((alias) => ({
        AliasName: alias.aliasName,
        AliasArn: alias.aliasArn,
        TargetKeyId: alias.targetKeyId,
        CreationDate: seconds(alias.createdAt),
        LastUpdatedDate: seconds(alias.lastUpdatedAt),
      }));
    if (keyId === undefined) {
      // AWS lists the aliases of AWS managed keys before their keys exist, without a TargetKeyId.
      // NOTE: only aws/ssm and aws/secretsmanager, the AWS managed keys the sandbox simulates.
      for (const aliasName of Object.keys(AWS_MANAGED_KEYS)) {
        if (!state.aliases[aliasName]) entries.push({ AliasName: aliasName, AliasArn: aliasArn(ctx.region, ctx.accountId, aliasName) });
      }
    }
    entries.sort((a, b) => (String(a.AliasName) < String(b.AliasName) ? -1 : 1));
    const { page, tail } = paginate("ListAliases", entries, input.Limit ?? 50, input.Marker);
    return { Aliases: page, ...tail };
  },
});

