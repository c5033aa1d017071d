import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actionMatches, arnMatches, resourceMatches, wildcardMatch } from "@/lib/sandbox/iam/match";

describe("Action matching", () => {
  it("matches a service wildcard and a name prefix wildcard", () => {
    expect(actionMatches("kms:*", "kms:Decrypt")).toBe(true);
    expect(actionMatches("kms:Generate*", "kms:GenerateDataKeyWithoutPlaintext")).toBe(true);
    expect(actionMatches("kms:ReEncrypt*", "kms:ReEncryptFrom")).toBe(true);
    expect(actionMatches("*", "secretsmanager:GetSecretValue")).toBe(true);
  });

  it("matches exactly one character with ?", () => {
    expect(actionMatches("kms:?ecrypt", "kms:Decrypt")).toBe(true);
    expect(actionMatches("kms:?crypt", "kms:Decrypt")).toBe(false);
  });

  it("ignores case in both the service prefix and the action name", () => {
    expect(actionMatches("KMS:decrypt", "kms:Decrypt")).toBe(true);
    expect(actionMatches("SecretsManager:Get*", "secretsmanager:GetSecretValue")).toBe(true);
  });

  it("does not let one service's actions match another's", () => {
    expect(actionMatches("kms:*", "ssm:GetParameter")).toBe(false);
    expect(actionMatches("kms:Decrypt", "kms:DecryptSomething")).toBe(false);
  });
});

describe("Resource matching", () => {
  const key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  it("lets * span colons and slashes", () => {
    expect(resourceMatches("*", key)).toBe(true);
    expect(resourceMatches("arn:aws:kms:*", key)).toBe(true);
    expect(resourceMatches("arn:aws:kms:*:111122223333:key/*", key)).toBe(true);
    expect(resourceMatches("arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/*", "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf")).toBe(true);
  });

  it("is case-sensitive", () => {
    expect(resourceMatches("arn:aws:ssm:us-east-1:111122223333:parameter/App/*", "arn:aws:ssm:us-east-1:111122223333:parameter/app/db")).toBe(false);
  });

  it("treats regular-expression characters as literals", () => {
    expect(wildcardMatch("a.b", "axb")).toBe(false);
    expect(wildcardMatch("a+(b)", "a+(b)")).toBe(true);
  });

  it("resolves policy variables when given a context, and never matches when the variable has no value", () => {
    const pattern = "arn:aws:secretsmanager:*:*:secret:${aws:username}/*";
    const arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:alice/token-AbCdEf";
    expect(resourceMatches(pattern, arn, { "aws:username": "alice" })).toBe(true);
    expect(resourceMatches(pattern, arn, { "aws:username": "bob" })).toBe(false);
    expect(resourceMatches(pattern, arn, {})).toBe(false);
  });

  it("substitutes a variable's value literally, and ${*} stands for a literal asterisk", () => {
    expect(wildcardMatch("x/${name}", "x/abc", { variables: { name: "a*" } })).toBe(false);
    expect(wildcardMatch("x/${*}", "x/*", { variables: {} })).toBe(true);
    expect(wildcardMatch("x/${*}", "x/anything", { variables: {} })).toBe(false);
  });
});

describe("ARN matching (ArnEquals / ArnLike)", () => {
  it("compares the six components separately, each with wildcards", () => {
    expect(arnMatches("arn:aws:iam::*:role/App*", "arn:aws:iam::111122223333:role/AppServer")).toBe(true);
    expect(arnMatches("arn:aws:iam::111122223333:role/App", "arn:aws:iam::111122223333:role/AppServer")).toBe(false);
  });

  it("does not let a wildcard in one component swallow the others", () => {
    expect(arnMatches("arn:aws:kms:*", "arn:aws:kms:us-east-1:111122223333:key/abc")).toBe(false);
    expect(arnMatches("arn:aws:kms:*:*:*", "arn:aws:kms:us-east-1:111122223333:key/abc")).toBe(true);
  });

  it("keeps colons inside the resource component", () => {
    expect(arnMatches("arn:aws:secretsmanager:*:*:secret:prod/*", "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf")).toBe(true);
  });
});

describe("wildcard matching never backtracks exponentially", () => {
  // The oracle: the same glob as an anchored regular expression (fine on small inputs).
  const oracle = (pattern: string, value: string) =>
    new RegExp(`^${[...pattern].map((char) => (char === "*" ? "[\\s\\S]*" : char === "?" ? "[\\s\\S]" : char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))).join("")}$`).test(value);

  it("agrees with a regular expression on every small pattern and value (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab*?:]{0,8}$/), fc.stringMatching(/^[ab:]{0,10}$/), (pattern, value) => {
        expect(resourceMatches(pattern, value)).toBe(oracle(pattern, value));
      }),
      { numRuns: 2000 },
    );
  });

  it("answers a crafted pattern with many stars against a long resource (a regular expression took seconds)", () => {
    const pattern = `arn:aws:kms:*:*:key/${"*a".repeat(20)}*b`;
    const resource = `arn:aws:kms:us-east-1:123456789012:key/${"a".repeat(120)}`;
    expect(resourceMatches(pattern, resource)).toBe(false);
    expect(resourceMatches(pattern, `${resource}b`)).toBe(true);
    expect(actionMatches("KMS:*crypt*", "kms:ReEncryptFrom")).toBe(true);
  });
});
