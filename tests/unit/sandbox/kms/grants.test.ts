import { describe, expect, it } from "vitest";
import { ACCOUNT, awsError, b64, createKey, newSandbox } from "./helpers";

/**
 * KMS grants ("Grants in AWS KMS", developer guide; CreateGrant, ListGrants,
 * RetireGrant, RevokeGrant in the API reference): a grant lets its grantee use
 * a key for the operations it lists, without a policy statement, only with
 * the encryption context its constraints demand; the retiring principal (or a
 * grantee allowed RetireGrant) retires it, someone the key policy allows
 * kms:RevokeGrant revokes it. An explicit deny still wins.
 */
const policy = (statements: object[]) => ({ Version: "2012-10-17", Statement: statements });
const APP = `arn:aws:iam::${ACCOUNT}:user/app`;
const OPS = `arn:aws:iam::${ACCOUNT}:user/ops`;

function world() {
  const sandbox = newSandbox(7);
  // Users with no KMS permission at all: only a grant can let them use the key.
  sandbox.putUser(ACCOUNT, "app", {});
  sandbox.putUser(ACCOUNT, "ops", {});
  const { keyId, arn } = createKey(sandbox);
  const asApp = () => sandbox.actAs({ accountId: ACCOUNT, kind: "user", name: "app" });
  const asOps = () => sandbox.actAs({ accountId: ACCOUNT, kind: "user", name: "ops" });
  const asAdmin = () => sandbox.actAs({ accountId: ACCOUNT, kind: "user", name: "admin" });
  return { sandbox, keyId, arn, asApp, asOps, asAdmin };
}


describe("KMS grants", () => {
  it("let the grantee use the key for the granted operations only, at once", () => {
    const { sandbox, keyId, asApp, asAdmin } = world();
    asApp();
    expect(awsError(() => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("hi") })).code).toBe("AccessDeniedException");
    asAdmin();
    const grant = sandbox.call("kms", "CreateGrant", { KeyId: keyId, GranteePrincipal: APP, Operations: ["Encrypt", "Decrypt"] });
    expect(Object.keys(grant)).toEqual(["GrantToken", "GrantId"]);
    expect(grant.GrantId).toMatch(/^[0-9a-f]{64}$/);
    asApp();
    const { CiphertextBlob } = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("hi") });
    expect(sandbox.call("kms", "Decrypt", { CiphertextBlob }).Plaintext).toBe(b64("hi"));
    expect(awsError(() => sandbox.call("kms", "GenerateDataKey", { KeyId: keyId, KeySpec: "AES_256" })).code).toBe("AccessDeniedException");
    // The trail says why it was allowed.
    const encrypt = sandbox.trail({ eventName: "Encrypt" }).at(-1)!;
    expect(encrypt.authorizations[0]?.decision).toBe("Allow");
    expect(encrypt.authorizations[0]?.trace.some((entry) => entry.policy.startsWith(`grant ${String(grant.GrantId)}`))).toBe(true);
  });

  it("hold the grantee to their encryption-context constraints (EncryptionContextSubset and EncryptionContextEquals)", () => {
    const { sandbox, keyId, asApp, asAdmin } = world();
    sandbox.call("kms", "CreateGrant", { KeyId: keyId, GranteePrincipal: APP, Operations: ["Encrypt"], Constraints: { EncryptionContextSubset: { app: "orders" } } });
    asApp();
    expect(sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("a"), EncryptionContext: { app: "orders", id: "7" } }).KeyId).toBeDefined();
    expect(awsError(() => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("a"), EncryptionContext: { app: "billing" } })).code).toBe("AccessDeniedException");
    expect(awsError(() => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("a") })).code).toBe("AccessDeniedException");
    asAdmin();
    sandbox.call("kms", "CreateGrant", { KeyId: keyId, GranteePrincipal: APP, Operations: ["Decrypt"], Constraints: { EncryptionContextEquals: { app: "orders" } } });
    const { CiphertextBlob: exact } = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("a"), EncryptionContext: { app: "orders" } });
    const { CiphertextBlob: more } = sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("a"), EncryptionContext: { app: "orders", id: "7" } });
    asApp();
    expect(sandbox.call("kms", "Decrypt", { CiphertextBlob: exact, EncryptionContext: { app: "orders" } }).Plaintext).toBe(b64("a"));
    expect(awsError(() => sandbox.call("kms", "Decrypt", { CiphertextBlob: more, EncryptionContext: { app: "orders", id: "7" } })).code).toBe("AccessDeniedException");
  });

  it("never override an explicit deny in the key policy", () => {
    const { sandbox, keyId, arn, asApp } = world();
    sandbox.call("kms", "PutKeyPolicy", {
      KeyId: keyId,
      PolicyName: "default",
      Policy: JSON.stringify(
        policy([
          { Sid: "Admin", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
          { Sid: "NoApp", Effect: "Deny", Principal: { AWS: APP }, Action: "kms:Encrypt", Resource: "*" },
        ]),
      ),
    });
    sandbox.call("kms", "CreateGrant", { KeyId: arn, GranteePrincipal: APP, Operations: ["Encrypt"] });
    asApp();
    expect(awsError(() => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("a") })).message).toContain("with an explicit deny");
  });

  it("are listed with AWS's members, and a named grant created again answers the same id with a new token", () => {
    const { sandbox, keyId, arn } = world();
    const first = sandbox.call("kms", "CreateGrant", { KeyId: keyId, GranteePrincipal: APP, RetiringPrincipal: OPS, Operations: ["Decrypt"], Name: "orders-reader" });
    const again = sandbox.call("kms", "CreateGrant", { KeyId: keyId, GranteePrincipal: APP, RetiringPrincipal: OPS, Operations: ["Decrypt"], Name: "orders-reader" });
    expect(again.GrantId).toBe(first.GrantId);
    expect(again.GrantToken).not.toBe(first.GrantToken);
    const listed = sandbox.call("kms", "ListGrants", { KeyId: keyId }) as { Grants: Record<string, unknown>[]; Truncated: boolean };
    expect(listed.Truncated).toBe(false);
    expect(listed.Grants).toEqual([
      {
        KeyId: arn,
        GrantId: first.GrantId,
        Name: "orders-reader",
        CreationDate: Date.parse("2026-01-01T00:00:00Z") / 1000,
        GranteePrincipal: APP,
        RetiringPrincipal: OPS,
        IssuingAccount: `arn:aws:iam::${ACCOUNT}:root`,
        Operations: ["Decrypt"],
      },
    ]);
    expect((sandbox.call("kms", "ListRetirableGrants", { RetiringPrincipal: OPS }) as { Grants: unknown[] }).Grants).toHaveLength(1);
  });

  it("are retired by their retiring principal (by token or by id) and revoked through the key policy; others may not retire them", () => {
    const { sandbox, keyId, arn, asApp, asOps, asAdmin } = world();
    const grant = sandbox.call("kms", "CreateGrant", { KeyId: keyId, GranteePrincipal: APP, RetiringPrincipal: OPS, Operations: ["Encrypt"] });
    asApp();
    expect(awsError(() => sandbox.call("kms", "RetireGrant", { GrantToken: grant.GrantToken })).code).toBe("AccessDeniedException");
    asOps();
    expect(sandbox.call("kms", "RetireGrant", { GrantToken: grant.GrantToken })).toEqual({});
    asApp();
    expect(awsError(() => sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("a") })).code).toBe("AccessDeniedException");
    asAdmin();
    const second = sandbox.call("kms", "CreateGrant", { KeyId: keyId, GranteePrincipal: APP, Operations: ["Encrypt"] });
    expect(sandbox.call("kms", "RevokeGrant", { KeyId: keyId, GrantId: second.GrantId })).toEqual({});
    expect((sandbox.call("kms", "ListGrants", { KeyId: arn }) as { Grants: unknown[] }).Grants).toEqual([]);
    expect(awsError(() => sandbox.call("kms", "RevokeGrant", { KeyId: keyId, GrantId: second.GrantId })).code).toBe("InvalidGrantIdException");
  });

  it("cannot be created on a key pending deletion, and go with the key when it is deleted", () => {
    const { sandbox, keyId } = world();
    sandbox.call("kms", "CreateGrant", { KeyId: keyId, GranteePrincipal: APP, Operations: ["Encrypt"] });
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 7 });
    expect(awsError(() => sandbox.call("kms", "CreateGrant", { KeyId: keyId, GranteePrincipal: APP, Operations: ["Decrypt"] })).code).toBe("KMSInvalidStateException");
    sandbox.advanceClock(8 * 24 * 3600_000);
    const saved = sandbox.snapshot() as { accounts: Record<string, { regions: Record<string, { kms: { grants: Record<string, unknown> } }> }> };
    expect(saved.accounts[ACCOUNT]?.regions["us-east-1"]?.kms.grants).toEqual({});
  });
});
