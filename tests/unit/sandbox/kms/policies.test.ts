import { describe, expect, it } from "vitest";
import { ACCOUNT, allow, b64, createKey, encrypt, expectAwsError, newSandbox, PARTNER } from "./helpers";

const root = `arn:aws:iam::${ACCOUNT}:root`;
const policyOf = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const ownerStatement = { Sid: "Owner", Effect: "Allow", Principal: { AWS: root }, Action: "kms:*", Resource: "*" };

describe("GetKeyPolicy", () => {
  it("returns AWS's default key policy, formatted as KMS formats it, with the policy name", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expect(sandbox.call("kms", "GetKeyPolicy", { KeyId: keyId, PolicyName: "default" })).toEqual({
      Policy:
        '{\n  "Version" : "2012-10-17",\n  "Id" : "key-default-1",\n  "Statement" : [ {\n    "Sid" : "Enable IAM User Permissions",\n    "Effect" : "Allow",\n' +
        `    "Principal" : {\n      "AWS" : "${root}"\n    },\n    "Action" : "kms:*",\n    "Resource" : "*"\n  } ]\n}`,
      PolicyName: "default",
    });
  });

  it("knows only the policy named default", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(() => sandbox.call("kms", "GetKeyPolicy", { KeyId: keyId, PolicyName: "other" }), "NotFoundException");
  });

  it("returns a policy given at creation exactly as it was written", () => {
    const sandbox = newSandbox();
    const policy = policyOf([ownerStatement]);
    const { keyId } = createKey(sandbox, { Policy: policy });
    expect(sandbox.call("kms", "GetKeyPolicy", { KeyId: keyId }).Policy).toBe(policy);
  });
});

describe("ListKeyPolicies", () => {
  it("lists the one policy", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expect(sandbox.call("kms", "ListKeyPolicies", { KeyId: keyId })).toEqual({ PolicyNames: ["default"], Truncated: false });
  });
});

describe("PutKeyPolicy", () => {
  it("replaces the key policy", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    const policy = policyOf([ownerStatement, { Sid: "Partner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${PARTNER}:root` }, Action: "kms:Decrypt", Resource: "*" }]);
    expect(sandbox.call("kms", "PutKeyPolicy", { KeyId: keyId, Policy: policy })).toEqual({});
    expect(sandbox.call("kms", "GetKeyPolicy", { KeyId: keyId }).Policy).toBe(policy);
  });

  it("refuses a malformed policy document", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(() => sandbox.call("kms", "PutKeyPolicy", { KeyId: keyId, Policy: "{ not json" }), "MalformedPolicyDocumentException");
    expectAwsError(
      () => sandbox.call("kms", "PutKeyPolicy", { KeyId: keyId, Policy: policyOf([{ Effect: "Allow", Action: "kms:*", Resource: "*" }]) }),
      "MalformedPolicyDocumentException",
      "Policy contains a statement with no principal.",
    );
    expectAwsError(() => sandbox.call("kms", "CreateKey", { Policy: "{ not json" }), "MalformedPolicyDocumentException");
  });

  it("refuses a policy that would lock the caller out, unless BypassPolicyLockoutSafetyCheck", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    const lockout = policyOf([{ Sid: "UseOnly", Effect: "Allow", Principal: { AWS: root }, Action: ["kms:Encrypt", "kms:Decrypt"], Resource: "*" }]);
    expectAwsError(
      () => sandbox.call("kms", "PutKeyPolicy", { KeyId: keyId, Policy: lockout }),
      "MalformedPolicyDocumentException",
      "The new key policy will not allow you to update the key policy in the future.",
    );
    expectAwsError(
      () => sandbox.call("kms", "CreateKey", { Policy: lockout }),
      "MalformedPolicyDocumentException",
      "The new key policy will not allow you to update the key policy in the future.",
    );
    expect(sandbox.call("kms", "PutKeyPolicy", { KeyId: keyId, Policy: lockout, BypassPolicyLockoutSafetyCheck: true })).toEqual({});
    // And now the key really is locked: no more policy changes, but the key still encrypts.
    expectAwsError(() => sandbox.call("kms", "PutKeyPolicy", { KeyId: keyId, Policy: policyOf([ownerStatement]) }), "AccessDeniedException");
    expect(encrypt(sandbox, keyId, "still usable")).toBeTypeOf("string");
  });

  it("a policy naming the user directly works without any IAM policy", () => {
    const sandbox = newSandbox();
    sandbox.putUser(ACCOUNT, "alice", {});
    const { keyId } = createKey(sandbox, {
      Policy: policyOf([ownerStatement, { Sid: "Alice", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: "kms:Encrypt", Resource: "*" }]),
    });
    sandbox.actAs({ accountId: ACCOUNT, kind: "user", name: "alice" });
    expect(encrypt(sandbox, keyId, "ok")).toBeTypeOf("string");
    expectAwsError(() => sandbox.call("kms", "Decrypt", { CiphertextBlob: encrypt(sandbox, keyId, "x") }), "AccessDeniedException");
  });
});

describe("authorisation with the key policy as primary control", () => {
  it("IAM policies count only where the key policy allows the account", () => {
    const sandbox = newSandbox();
    sandbox.putUser(ACCOUNT, "dev", { KmsAll: allow("kms:*") });
    const open = createKey(sandbox);
    const closed = createKey(sandbox, {
      Policy: policyOf([{ Sid: "AdminOnly", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/admin` }, Action: "kms:*", Resource: "*" }]),
    });
    sandbox.actAs({ accountId: ACCOUNT, kind: "user", name: "dev" });
    expect(encrypt(sandbox, open.keyId, "x")).toBeTypeOf("string");
    expectAwsError(
      () => encrypt(sandbox, closed.keyId, "x"),
      "AccessDeniedException",
      `User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: kms:Encrypt on resource: ${closed.arn} because no resource-based policy allows the kms:Encrypt action`,
    );
  });

  it("an explicit deny in the key policy wins", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox, {
      Policy: policyOf([ownerStatement, { Sid: "NoDecrypt", Effect: "Deny", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*" }]),
    });
    const blob = encrypt(sandbox, keyId, "x");
    expectAwsError(
      () => sandbox.call("kms", "Decrypt", { CiphertextBlob: blob, KeyId: keyId }),
      "AccessDeniedException",
      `User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform: kms:Decrypt on resource: ${arn} with an explicit deny in a resource-based policy`,
    );
  });

  it("records the decision and its trace on the trail", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    sandbox.call("kms", "Encrypt", { KeyId: keyId, Plaintext: b64("x") });
    const [event] = sandbox.trail({ eventName: "Encrypt" });
    expect(event?.authorizations).toHaveLength(1);
    expect(event?.authorizations[0]).toMatchObject({ action: "kms:Encrypt", resource: arn, decision: "Allow" });
    expect(event?.resources).toEqual([{ ARN: arn, type: "AWS::KMS::Key" }]);
  });
});
