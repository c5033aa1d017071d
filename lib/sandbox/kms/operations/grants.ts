import { inputs } from "../../contracts/kms";
import { AwsServiceError } from "../../core/errors";
import { defineOperation, type OperationContext, type WireObject } from "../../core/operation";
import { authorizeKey } from "../access";
import { grantsWhere, isGrantee } from "../grants";
import { resolveKey } from "../key-ids";
import { stepKey } from "../key.machine";
import { paginate } from "../pagination";
import type { GrantRecord, KmsState } from "../state";
import { seconds } from "../store";
import { checkLimit, dryRunSucceeded } from "./shapes";

/**
 * CreateGrant, ListGrants, ListRetirableGrants, RetireGrant, RevokeGrant
 * (API reference). CreateGrant needs kms:CreateGrant in a policy (with the
 * kms:GrantOperations, kms:GranteePrincipal, kms:RetiringPrincipal,
 * kms:GrantIsForAWSResource and kms:GrantConstraintType condition keys) or a
 * grant that allows CreateGrant; RetireGrant needs no policy: the grant's
 * retiring principal, its grantee when the grant allows RetireGrant, or the
 * account that issued it may retire it. A grant with the Name of an existing
 * grant on the same key answers that grant's id, with a new token.
 *
 * NOTE: the texts of InvalidGrantIdException, InvalidGrantTokenException and
 * the RetireGrant refusal are the sandbox's: no recording of AWS's was found.
 */
const HEX = "0123456789abcdef";
const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function grantEntry(grant: GrantRecord, keyArn: string): WireObject {
  return {
    KeyId: keyArn,
    GrantId: grant.grantId,
    Name: grant.name ?? "",
    CreationDate: seconds(grant.createdAt),
    GranteePrincipal: grant.granteePrincipal,
    ...(grant.retiringPrincipal ? { RetiringPrincipal: grant.retiringPrincipal } : {}),
    IssuingAccount: grant.issuingAccount,
    Operations: [...grant.operations],
    ...(grant.constraints ? { Constraints: { ...grant.constraints } } : {}),
  };
}

const invalidGrantId = () => new AwsServiceError("InvalidGrantIdException", "The grant ID is not valid for this KMS key.");

export const createGrant = defineOperation({
  name: "CreateGrant",
  input: inputs.CreateGrant,
  readOnly: false,
  handler(ctx, input) {
    const { key, state } = resolveKey(ctx, input.KeyId, { aliases: false });
    const constraints = input.Constraints && (input.Constraints.EncryptionContextEquals || input.Constraints.EncryptionContextSubset) ? input.Constraints : undefined;
    authorizeKey(ctx, key, {
      operation: "CreateGrant",
      context: {
        "kms:GrantOperations": [...input.Operations],
        "kms:GranteePrincipal": input.GranteePrincipal,
        ...(input.RetiringPrincipal ? { "kms:RetiringPrincipal": input.RetiringPrincipal } : {}),
        "kms:GrantIsForAWSResource": ctx.invokedBy !== undefined,
        ...(constraints ? { "kms:GrantConstraintType": Object.keys(constraints).filter((name) => constraints[name as keyof typeof constraints]) } : {}),
      },
    });
    stepKey(key, "key.modify");
    // NOTE: the model sets no minimum on Operations; the sandbox refuses an empty list, worded as the
    // front end's length check (AWS's answer was not recorded).
    if (input.Operations.length === 0) throw new AwsServiceError("ValidationException", "1 validation error detected: Value '[]' at 'operations' failed to satisfy constraint: Member must have length greater than or equal to 1");
    if (input.DryRun) throw dryRunSucceeded();
    const token = ctx.random.string(TOKEN_ALPHABET, 180);
    const existing = input.Name === undefined ? undefined : Object.values(state.grants).find((grant) => grant.keyId === key.keyId && grant.name === input.Name);
    if (existing) {
      existing.tokens.push(token);
      return { GrantToken: token, GrantId: existing.grantId };
    }
    const grant: GrantRecord = {
      grantId: ctx.random.string(HEX, 64),
      keyId: key.keyId,
      ...(input.Name === undefined ? {} : { name: input.Name }),
      granteePrincipal: input.GranteePrincipal,
      ...(input.RetiringPrincipal === undefined ? {} : { retiringPrincipal: input.RetiringPrincipal }),
      operations: [...input.Operations],
      ...(constraints ? { constraints: structuredClone(constraints) } : {}),
      issuingAccount: `arn:aws:iam::${ctx.caller.accountId}:root`,
      createdAt: ctx.now,
      tokens: [token],
    };
    state.grants[grant.grantId] = grant;
    ctx.touches(key.arn, "AWS::KMS::Key");
    return { GrantToken: token, GrantId: grant.grantId };
  },
});

export const listGrants = defineOperation({
  name: "ListGrants",
  input: inputs.ListGrants,
  readOnly: true,
  handler(ctx, input) {
    // The model allows up to 1000; ListGrants takes at most 100 (the model's documentation of Limit).
    checkLimit(input.Limit, 100);
    const { key, state } = resolveKey(ctx, input.KeyId, { aliases: false });
    authorizeKey(ctx, key, { operation: "ListGrants" });
    let grants = grantsWhere(state, (grant) => grant.keyId === key.keyId);
    if (input.GrantId !== undefined) {
      grants = grants.filter((grant) => grant.grantId === input.GrantId);
      if (grants.length === 0) throw invalidGrantId();
    }
    if (input.GranteePrincipal !== undefined) grants = grants.filter((grant) => grant.granteePrincipal === input.GranteePrincipal);
    const { page, tail } = paginate("ListGrants", grants.map((grant) => grantEntry(grant, key.arn)), input.Limit ?? 50, input.Marker);
    return { Grants: page, ...tail };
  },
});

export const listRetirableGrants = defineOperation({
  name: "ListRetirableGrants",
  input: inputs.ListRetirableGrants,
  readOnly: true,
  handler(ctx, input) {
    // The model allows up to 1000; ListRetirableGrants takes at most 100 (the model's documentation of Limit).
    checkLimit(input.Limit, 100);
    ctx.authorize({ action: "kms:ListRetirableGrants", resource: "*", resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
    const state = ctx.regionState().kms;
    const grants = grantsWhere(state, (grant) => grant.retiringPrincipal === input.RetiringPrincipal);
    const { page, tail } = paginate("ListRetirableGrants", grants.map((grant) => grantEntry(grant, state.keys[grant.keyId]?.arn ?? grant.keyId)), input.Limit ?? 50, input.Marker);
    return { Grants: page, ...tail };
  },
});

function findByToken(ctx: OperationContext, token: string): { state: KmsState; grant: GrantRecord } | undefined {
  const state = ctx.regionState().kms;
  const grant = Object.values(state.grants).find((candidate) => candidate.tokens.includes(token));
  return grant ? { state, grant } : undefined;
}

export const retireGrant = defineOperation({
  name: "RetireGrant",
  input: inputs.RetireGrant,
  readOnly: false,
  handler(ctx, input) {
    let found: { state: KmsState; grant: GrantRecord } | undefined;
    if (input.GrantToken !== undefined) {
      found = findByToken(ctx, input.GrantToken);
      if (!found) throw new AwsServiceError("InvalidGrantTokenException", "The grant token is not valid.");
    } else if (input.KeyId !== undefined && input.GrantId !== undefined) {
      const { key, state } = resolveKey(ctx, input.KeyId, { aliases: false });
      const grant = state.grants[input.GrantId];
      if (!grant || grant.keyId !== key.keyId) throw invalidGrantId();
      found = { state, grant };
    } else {
      throw new AwsServiceError("ValidationException", "Grant token OR (grant ID, key ID) must be specified");
    }
    const { state, grant } = found;
    const caller = ctx.caller;
    const retiring = grant.retiringPrincipal !== undefined && isGrantee({ granteePrincipal: grant.retiringPrincipal }, caller);
    const granteeMayRetire = grant.operations.includes("RetireGrant") && isGrantee(grant, caller);
    const issuer = caller.kind === "root" && grant.issuingAccount === caller.arn;
    if (!retiring && !granteeMayRetire && !issuer) {
      throw new AwsServiceError("AccessDeniedException", `${caller.arn} is not the retiring principal of grant ${grant.grantId}, its grantee with RetireGrant, or the account that issued it.`);
    }
    if (input.DryRun) throw dryRunSucceeded();
    delete state.grants[grant.grantId];
    const key = state.keys[grant.keyId];
    if (key) ctx.touches(key.arn, "AWS::KMS::Key");
    return {};
  },
});

export const revokeGrant = defineOperation({
  name: "RevokeGrant",
  input: inputs.RevokeGrant,
  readOnly: false,
  handler(ctx, input) {
    const { key, state } = resolveKey(ctx, input.KeyId, { aliases: false });
    authorizeKey(ctx, key, { operation: "RevokeGrant" });
    const grant = state.grants[input.GrantId];
    if (!grant || grant.keyId !== key.keyId) throw invalidGrantId();
    if (input.DryRun) throw dryRunSucceeded();
    delete state.grants[grant.grantId];
    ctx.touches(key.arn, "AWS::KMS::Key");
    return {};
  },
});

