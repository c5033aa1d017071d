import { parseArn } from "../core/arn";
import type { OperationContext } from "../core/operation";
import { ensureAwsManagedKey } from "./aws-managed";
import { kmsErrors } from "./errors";
import type { KmsAliasRecord, KmsKeyRecord, KmsState } from "./state";
import { aliasArn, keyArn, kmsState } from "./store";

/**
 * Key identifiers as KMS accepts them (KeyId in the API reference):
 *   key id      1234abcd-12ab-34cd-56ef-1234567890ab
 *   key ARN     arn:aws:kms:us-east-2:111122223333:key/1234abcd-...
 *   alias name  alias/ExampleAlias
 *   alias ARN   arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias
 * Cryptographic operations and DescribeKey accept all four; management
 * operations only a key id or key ARN. An ARN may name another account (a
 * cross-account request); an alias name is always the caller's own.
 */

const KEY_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Multi-Region key ids are well-formed, but the sandbox has none (they are never found). */
const MULTI_REGION_KEY_ID = /^mrk-[0-9a-fA-F]{32}$/;

export interface ResolvedKey {
  key: KmsKeyRecord;
  state: KmsState;
  /** The alias the request named, if it named one (kms:RequestAlias). */
  alias?: KmsAliasRecord;
}

export interface ResolveOptions {
  /** Whether the operation accepts alias names and alias ARNs. */
  aliases: boolean;
}

type Reference =
  | { kind: "key"; accountId: string; region: string; keyId: string; arn: string }
  | { kind: "alias"; accountId: string; region: string; aliasName: string };

function parseReference(ctx: OperationContext, text: string): Reference {
  if (text.startsWith("arn:")) {
    const arn = parseArn(text);
    if (!arn || arn.service !== "kms") throw kmsErrors.invalidKeyId(text);
    if (arn.resource.startsWith("key/")) {
      // AWS checks the Region of a key ARN before anything else.
      if (arn.region !== ctx.region) throw kmsErrors.invalidArnRegion(arn.region);
      const keyId = arn.resource.slice("key/".length);
      if (!KEY_ID.test(keyId) && !MULTI_REGION_KEY_ID.test(keyId)) throw kmsErrors.invalidKeyId(keyId);
      return { kind: "key", accountId: arn.account, region: arn.region, keyId, arn: keyArn(arn.region, arn.account, keyId) };
    }
    if (arn.resource.startsWith("alias/")) {
      if (arn.region !== ctx.region) throw kmsErrors.invalidArnRegion(arn.region);
      return { kind: "alias", accountId: arn.account, region: arn.region, aliasName: arn.resource };
    }
    throw kmsErrors.invalidKeyId(text);
  }
  if (text.startsWith("alias/")) return { kind: "alias", accountId: ctx.accountId, region: ctx.region, aliasName: text };
  if (!KEY_ID.test(text) && !MULTI_REGION_KEY_ID.test(text)) throw kmsErrors.invalidKeyId(text);
  return { kind: "key", accountId: ctx.accountId, region: ctx.region, keyId: text, arn: keyArn(ctx.region, ctx.accountId, text) };
}

/** The KMS state of an account, or undefined for an account the sandbox does not have. */
function stateIn(ctx: OperationContext, accountId: string, region: string): KmsState | undefined {
  return ctx.hasAccount(accountId) ? kmsState(ctx, accountId, region) : undefined;
}

/**
 * Finds the key a KeyId names, or throws NotFoundException with AWS's text.
 * Naming an AWS managed key's alias for the first time creates the key.
 */
export function resolveKey(ctx: OperationContext, text: string, options: ResolveOptions): ResolvedKey {
  const reference = parseReference(ctx, text);
  if (reference.kind === "alias") {
    // NOTE: AWS's answer to an alias where only key ids are accepted is not documented; the
    // sandbox answers as for a malformed key id.
    if (!options.aliases) throw kmsErrors.invalidKeyId(text);
    const state = stateIn(ctx, reference.accountId, reference.region);
    const alias = state ? (state.aliases[reference.aliasName] ?? ensureAwsManagedKey(ctx, state, reference.accountId, reference.region, reference.aliasName)) : undefined;
    const key = alias && state ? state.keys[alias.targetKeyId] : undefined;
    if (!alias || !key || !state) throw kmsErrors.aliasNotFound(aliasArn(reference.region, reference.accountId, reference.aliasName));
    return { key, state, alias };
  }
  const state = stateIn(ctx, reference.accountId, reference.region);
  const key = state?.keys[reference.keyId.toLowerCase()];
  if (!key || !state) throw kmsErrors.keyNotFound(reference.arn);
  return { key, state };
}
