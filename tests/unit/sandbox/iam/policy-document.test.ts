import { describe, expect, it } from "vitest";
import { LOCKOUT_MESSAGES, malformedPolicyMessage, parsePolicyDocument, policyPrincipals } from "@/lib/sandbox/iam/policy-document";

const doc = (statement: unknown, extra: Record<string, unknown> = { Version: "2012-10-17" }) => JSON.stringify({ ...extra, Statement: statement });
const keyStatement = { Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" };

describe("parsePolicyDocument accepts", () => {
  it("the default key policy as a resource policy", () => {
    const result = parsePolicyDocument(doc([keyStatement]), { kind: "resource" });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.document.Statement).toEqual([keyStatement]);
  });

  it("a single statement object, both versions, and a missing Version", () => {
    expect(parsePolicyDocument(doc(keyStatement)).ok).toBe(true);
    expect(parsePolicyDocument(doc(keyStatement, { Version: "2008-10-17" })).ok).toBe(true);
    expect(parsePolicyDocument(doc(keyStatement, {})).ok).toBe(true);
  });

  it("the kind as a plain second argument", () => {
    expect(parsePolicyDocument(doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }), "identity").ok).toBe(true);
  });

  it("every principal form: *, account id, account, user, role, session, service", () => {
    const principal = {
      AWS: ["*", "111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:role/path/App", "arn:aws:sts::111122223333:assumed-role/App/i-1"],
      Service: "secretsmanager.amazonaws.com",
    };
    expect(parsePolicyDocument(doc({ Effect: "Allow", Principal: principal, Action: "kms:*", Resource: "*" }), { kind: "resource" }).ok).toBe(true);
    expect(parsePolicyDocument(doc({ Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }), { kind: "resource" }).ok).toBe(true);
  });

  it("conditions with set operators and IfExists", () => {
    const condition = { "ForAnyValue:StringLike": { "aws:TagKeys": ["a*"] }, NumericLessThanEqualsIfExists: { "x:n": 5 }, Bool: { "aws:SecureTransport": true } };
    expect(parsePolicyDocument(doc({ ...keyStatement, Condition: condition }), { kind: "resource" }).ok).toBe(true);
  });
});

describe("parsePolicyDocument rejects", () => {
  const rejects = (json: string, problem: string, options: { kind?: "identity" | "resource" } = {}) => {
    const result = parsePolicyDocument(json, options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toBe(problem);
    return result.ok ? "" : result.reason;
  };

  it("text that is not JSON", () => {
    expect(rejects("{ not json", "syntax")).toMatch(/^the policy is not valid JSON/);
  });

  it("an unknown Version", () => {
    expect(rejects(doc(keyStatement, { Version: "2020-01-01" }), "version")).toBe('Version must be "2012-10-17" or "2008-10-17", not "2020-01-01"');
  });

  it("a missing or empty Statement", () => {
    rejects(JSON.stringify({ Version: "2012-10-17" }), "syntax");
    rejects(doc([]), "syntax");
  });

  it("an Effect other than Allow or Deny", () => {
    expect(rejects(doc({ ...keyStatement, Effect: "AllowSomething" }), "syntax")).toBe('statement 1: Effect must be "Allow" or "Deny"');
  });

  it("a statement without Action or NotAction", () => {
    rejects(doc({ Effect: "Allow", Principal: "*", Resource: "*" }), "missing-action");
  });

  it("an action without a service prefix", () => {
    expect(rejects(doc({ ...keyStatement, Action: "Decrypt" }), "syntax")).toContain('"Decrypt" is not an action');
  });

  it("Action together with NotAction", () => {
    rejects(doc({ ...keyStatement, NotAction: "kms:Decrypt" }), "syntax");
  });

  it("unknown elements", () => {
    rejects(doc({ ...keyStatement, Actions: "kms:*" }), "syntax");
    rejects(doc(keyStatement, { Version: "2012-10-17", Extra: 1 }), "syntax");
  });

  it("a resource policy statement without a Principal", () => {
    rejects(doc({ Effect: "Allow", Action: "kms:*", Resource: "*" }), "missing-principal", { kind: "resource" });
  });

  it("an identity policy that names a Principal, or has no Resource", () => {
    rejects(doc(keyStatement), "principal-not-allowed", { kind: "identity" });
    rejects(doc({ Effect: "Allow", Action: "kms:*" }), "missing-resource", { kind: "identity" });
  });

  it("principals that are not principals", () => {
    rejects(doc({ ...keyStatement, Principal: { AWS: "alice" } }), "invalid-principal", { kind: "resource" });
    rejects(doc({ ...keyStatement, Principal: { AWS: "arn:aws:iam::111122223333:group/admins" } }), "invalid-principal", { kind: "resource" });
    rejects(doc({ ...keyStatement, Principal: "arn:aws:iam::111122223333:root" }), "invalid-principal", { kind: "resource" });
    rejects(doc({ ...keyStatement, Principal: { Service: "invalidservice" } }), "invalid-service-principal", { kind: "resource" });
  });

  it("an unknown condition operator", () => {
    expect(rejects(doc({ ...keyStatement, Condition: { StringEqualz: { "kms:ViaService": "x" } } }), "unknown-condition-operator")).toBe(
      'statement 1: "StringEqualz" is not a condition operator',
    );
  });
});

describe("the services' MalformedPolicyDocumentException messages", () => {
  it("KMS", () => {
    expect(malformedPolicyMessage("kms", "invalid-principal")).toBe("Policy contains a statement with one or more invalid principals.");
    expect(malformedPolicyMessage("kms", "missing-principal")).toBe("Policy contains a statement with no principal.");
    expect(LOCKOUT_MESSAGES.kms).toBe("The new key policy will not allow you to update the key policy in the future.");
  });

  it("Secrets Manager", () => {
    expect(malformedPolicyMessage("secretsmanager", "syntax")).toBe("This resource policy contains a syntax error.");
    expect(malformedPolicyMessage("secretsmanager", "invalid-principal")).toBe("This resource policy contains an unsupported principal.");
    expect(malformedPolicyMessage("secretsmanager", "invalid-service-principal")).toBe("This resource policy contains an invalid service principal.");
    expect(LOCKOUT_MESSAGES.secretsmanager).toBe("Your requested changes will not allow you to manage this secret in the future.");
  });

  it("IAM", () => {
    expect(malformedPolicyMessage("iam", "principal-not-allowed")).toBe("Policy document should not specify a principal.");
    expect(malformedPolicyMessage("iam", "missing-resource")).toBe("Policy statement must contain resources.");
    expect(malformedPolicyMessage("iam", "syntax")).toBe("Syntax errors in policy.");
  });
});

describe("policyPrincipals", () => {
  it("lists the principals a policy names, for existence checks", () => {
    const result = parsePolicyDocument(
      doc([keyStatement, { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::111122223333:user/alice"], Service: "ssm.amazonaws.com" }, Action: "kms:Decrypt", Resource: "*" }]),
    );
    expect(result.ok && policyPrincipals(result.document)).toEqual({
      aws: ["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/alice"],
      service: ["ssm.amazonaws.com"],
    });
  });
});
