/**
 * AccessDeniedException texts, in the wording AWS documents ("Troubleshoot
 * access denied error messages", IAM User Guide) and returns from KMS and
 * Secrets Manager.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/sandbox/iam/evaluate";
import { accessDeniedError, accessDeniedMessage } from "@/lib/sandbox/iam/messages";
import { SandboxUsageError } from "@/lib/sandbox/core/errors";
import { ACCOUNT, KEY_ARN, OTHER, SECRET_ARN, allow, denyStatement, identityPolicy, kmsRequest, policy, root, secretRequest, session, user } from "./fixtures";

const message = (request: Parameters<typeof evaluate>[0], options = {}) => accessDeniedMessage(request, evaluate(request), options);

describe("AccessDeniedException messages", () => {
  it("no identity-based policy allows", () => {
    expect(message(kmsRequest(user("alice")))).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: kms:Decrypt on resource: ${KEY_ARN} because no identity-based policy allows the kms:Decrypt action`,
    );
  });

  it("no resource-based policy allows (a key policy without the account statement)", () => {
    const keyPolicy = policy({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/keyadmin` }, Action: "kms:*", Resource: "*" });
    expect(message(kmsRequest(user("alice"), { action: "kms:DescribeKey", resourcePolicy: keyPolicy }))).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: kms:DescribeKey on resource: ${KEY_ARN} because no resource-based policy allows the kms:DescribeKey action`,
    );
  });

  it("explicit deny in an identity-based policy", () => {
    const request = secretRequest(user("alice"), { identityPolicies: [identityPolicy("Deny", denyStatement("secretsmanager:*"))] });
    expect(message(request)).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: secretsmanager:GetSecretValue on resource: ${SECRET_ARN} with an explicit deny in an identity-based policy`,
    );
  });

  it("explicit deny in a resource-based policy", () => {
    const request = secretRequest(user("alice"), {
      resourcePolicy: policy(denyStatement("secretsmanager:GetSecretValue", "*", { Principal: "*" })),
      identityPolicies: [identityPolicy("Read", allow("secretsmanager:GetSecretValue"))],
    });
    expect(message(request)).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: secretsmanager:GetSecretValue on resource: ${SECRET_ARN} with an explicit deny in a resource-based policy`,
    );
  });

  it("names an assumed role by its session ARN", () => {
    expect(message(kmsRequest(session("AppServer", "i-0abc123")))).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/AppServer/i-0abc123 is not authorized to perform: kms:Decrypt on resource: ${KEY_ARN} because no identity-based policy allows the kms:Decrypt action`,
    );
  });

  it("names the root user by the account ARN", () => {
    const keyPolicy = policy({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/keyadmin` }, Action: "kms:*", Resource: "*" });
    expect(message(kmsRequest(root(), { resourcePolicy: keyPolicy }))).toBe(
      `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform: kms:Decrypt on resource: ${KEY_ARN} because no resource-based policy allows the kms:Decrypt action`,
    );
  });

  it("says 'the resource associated with this ciphertext' when Decrypt named no key", () => {
    expect(message(kmsRequest(user("alice")), { ciphertext: true })).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because no identity-based policy allows the kms:Decrypt action`,
    );
  });

  it("does not confirm that another account's resource exists when its policy refuses", () => {
    const bob = user("bob", OTHER);
    const request = kmsRequest(bob, { action: "kms:Encrypt", identityPolicies: [identityPolicy("Use", allow("kms:*"))] });
    expect(message(request)).toBe(
      `User: arn:aws:iam::${OTHER}:user/bob is not authorized to perform: kms:Encrypt on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`,
    );
    expect(message(kmsRequest(bob), { ciphertext: true })).toBe(
      `User: arn:aws:iam::${OTHER}:user/bob is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`,
    );
  });

  it("names the caller's own missing identity policy in a cross-account denial", () => {
    const bob = user("bob", OTHER);
    const shared = policy({ Effect: "Allow", Principal: { AWS: OTHER }, Action: "secretsmanager:GetSecretValue", Resource: "*" });
    expect(message(secretRequest(bob, { resourcePolicy: shared }))).toBe(
      `User: arn:aws:iam::${OTHER}:user/bob is not authorized to perform: secretsmanager:GetSecretValue on resource: ${SECRET_ARN} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
  });

  it("is an AccessDeniedException with HTTP status 400", () => {
    const request = kmsRequest(user("alice"));
    const error = accessDeniedError(request, evaluate(request));
    expect(error.code).toBe("AccessDeniedException");
    expect(error.status).toBe(400);
    expect(error.message).toContain("because no identity-based policy allows the kms:Decrypt action");
  });

  it("refuses to describe a request that was allowed", () => {
    const request = kmsRequest(root());
    expect(() => accessDeniedMessage(request, evaluate(request))).toThrow(SandboxUsageError);
  });
});
