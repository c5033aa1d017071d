import type { Principal } from "../iam/model";
import type { GrantOperation, GrantRecord, KmsKeyRecord, KmsState } from "./state";

/**
 * KMS grants: permissions on one key for one grantee, outside the key policy
 * ("Grants in AWS KMS", developer guide). A grant allows the operations it
 * lists when the caller is its grantee principal and the request's encryption
 * context meets its constraints; it adds to what policies allow and never
 * overrides an explicit deny. Grants act at once in the sandbox.
 *
 * NOTE: AWS grants are eventually consistent (a grant token makes a new grant
 * usable at once); the sandbox needs no token, and accepts any. Grants whose
 * grantee is an AWS service principal are stored and listed but a service
 * never calls with them here.
 */

/** Whether `principal` is the grant's grantee: the user or role ARN (a role's sessions count), the session's ARN, or the account root. */
export function isGrantee(grant: Pick<GrantRecord, "granteePrincipal">, principal: Principal): boolean {
  const grantee = grant.granteePrincipal;
  switch (principal.kind) {
    case "assumed-role":
      return grantee === principal.roleArn || grantee === principal.arn;
    case "user":
    case "root":
      return grantee === principal.arn;
    case "service":
      return grantee === principal.service;
  }
}

function constraintsMet(grant: GrantRecord, context: Record<string, string> | undefined): boolean {
  const request = context ?? {};
  const equals = grant.constraints?.EncryptionContextEquals;
  if (equals) {
    const keys = Object.keys(request);
    if (keys.length !== Object.keys(equals).length || keys.some((key) => equals[key] !== request[key])) return false;
  }
  const subset = grant.constraints?.EncryptionContextSubset;
  if (subset && Object.entries(subset).some(([key, value]) => request[key] !== value)) return false;
  return true;
}

/** The first grant on `key` that lets `principal` call `operation` with this encryption context. */
export function grantAllowing(state: KmsState, key: KmsKeyRecord, principal: Principal, operation: string, encryptionContext: Record<string, string> | undefined): GrantRecord | undefined {
  return Object.values(state.grants).find(
    (grant) => grant.keyId === key.keyId && (grant.operations as string[]).includes(operation) && isGrantee(grant, principal) && constraintsMet(grant, encryptionContext),
  );
}

/** The grants that pass `keep`, oldest first (as ListGrants and ListRetirableGrants list them). */
export function grantsWhere(state: KmsState, keep: (grant: GrantRecord) => boolean): GrantRecord[] {
  return Object.values(state.grants)
    .filter(keep)
    .sort((a, b) => a.createdAt - b.createdAt || (a.grantId < b.grantId ? -1 : 1));
}

export type { GrantOperation };
