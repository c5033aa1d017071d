import type { OperationContext } from "../core/operation";
import type { KmsAliasRecord, KmsKeyRecord, KmsState } from "./state";

/** Where KMS keeps its records, and the names AWS gives them. */

export const keyArn = (region: string, accountId: string, keyId: string): string => `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
export const aliasArn = (region: string, accountId: string, aliasName: string): string => `arn:aws:kms:${region}:${accountId}:${aliasName}`;

/** KMS state of an account in a Region (the caller's by default). */
export function kmsState(ctx: OperationContext, accountId: string = ctx.accountId, region: string = ctx.region): KmsState {
  return ctx.regionState(accountId, region).kms;
}

/** The aliases that point to a key, sorted by name. */
export function aliasesOf(state: KmsState, keyId: string): KmsAliasRecord[] {
  return Object.values(state.aliases)
    .filter((alias) => alias.targetKeyId === keyId)
    .sort((a, b) => (a.aliasName < b.aliasName ? -1 : a.aliasName > b.aliasName ? 1 : 0));
}

/** The KMS state holding a key record (its own account and Region). */
export function stateOfKey(ctx: OperationContext, key: KmsKeyRecord): KmsState {
  return kmsState(ctx, key.accountId, key.region);
}

export const seconds = (ms: number): number => ms / 1000;
