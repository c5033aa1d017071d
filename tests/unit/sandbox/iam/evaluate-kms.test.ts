/**
 * KMS keys: the key policy is the primary gate. IAM policies count only where
 * the key policy allows the account (the "Enable IAM User Permissions"
 * statement), and use from another account needs both sides.
 */
import { describe, expect, it } from "vitest";
import { evaluate, wouldLockOut } from "@/lib/sandbox/iam/evaluate";
import { ACCOUNT, KEY_ARN, OTHER, allow, defaultKeyPolicy, denyStatement, identityPolicy, kmsRequest, policy, root, session, user } from "./fixtures";

const alice = user("alice");
const useKey = identityPolicy("KmsUse", allow(["kms:Decrypt", "kms:Encrypt"], KEY_ARN));

/** A key policy that names one key administrator and no account principal. */
const adminOnlyKeyPolicy = policy({
  Sid: "Key administrators",
  Effect: "Allow",
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/keyadmin` },
  Action: ["kms:Create*", "kms:Describe*", "kms:Put*", "kms:Get*"],
  Resource: "*",
});

describe("the default key policy (Enable IAM User Permissions)", () => {
  it("lets an IAM user whose identity policy allows the action use the key", () => {
    const result = evaluate(kmsRequest(alice, { identityPolicies: [useKey] }));
    expect(result.decision).toBe("Allow");
    expect(result.deniedBy).toBeUndefined();
    expect(result.summary).toContain(`lets the account's IAM policies decide`);
  });

  it("denies an IAM user without such an identity policy: the key policy only delegates to IAM", () => {
    const result = evaluate(kmsRequest(alice));
    expect(result.decision).toBe("ImplicitDeny");
    expect(result.deniedBy).toBe("no-identity-allow");
    expect(result.summary).toBe(
      `Denied: statement "Enable IAM User Permissions" of the key policy of ${KEY_ARN} lets the account's IAM policies decide, but no identity-based policy of user/alice allows kms:Decrypt.`,
    );
  });

  it("denies when the identity policy allows other actions or other keys only", () => {
    const other = identityPolicy("Other", allow("kms:Encrypt", KEY_ARN), allow("kms:Decrypt", `arn:aws:kms:us-east-1:${ACCOUNT}:key/another`));
    expect(evaluate(kmsRequest(alice, { identityPolicies: [other] })).deniedBy).toBe("no-identity-allow");
  });

  it("lets the account root user in without any identity policy", () => {
    const result = evaluate(kmsRequest(root()));
    expect(result.decision).toBe("Allow");
    expect(result.trace.some((t) => t.policy === `account root user arn:aws:iam::${ACCOUNT}:root` && t.applies)).toBe(true);
  });
});

describe("a key policy without the account statement", () => {
  it("makes identity policies irrelevant: even kms:* on * does not help", () => {
    const admin = identityPolicy("AdministratorAccess", allow("*", "*"));
    const result = evaluate(kmsRequest(alice, { resourcePolicy: adminOnlyKeyPolicy, identityPolicies: [admin] }));
    expect(result.decision).toBe("ImplicitDeny");
    expect(result.deniedBy).toBe("no-resource-allow");
    // The identity statement did apply; the trace shows it, and the summary says why it did not count.
    expect(result.trace.find((t) => t.policy === `identity policy "AdministratorAccess" of user/alice`)?.applies).toBe(true);
    expect(result.summary).toContain("IAM policies count only where the key policy allows the account");
  });

  it("locks out the root user too", () => {
    expect(evaluate(kmsRequest(root(), { resourcePolicy: adminOnlyKeyPolicy })).deniedBy).toBe("no-resource-allow");
  });

  it("still lets a principal it names use the key with no IAM policy at all", () => {
    const keyadmin = user("keyadmin");
    const result = evaluate(kmsRequest(keyadmin, { action: "kms:DescribeKey", resourcePolicy: adminOnlyKeyPolicy }));
    expect(result.decision).toBe("Allow");
    expect(result.summary).toContain("directly, so no IAM policy is needed");
  });

  it("denies a named principal the actions the statement does not list", () => {
    expect(evaluate(kmsRequest(user("keyadmin"), { action: "kms:Decrypt", resourcePolicy: adminOnlyKeyPolicy })).deniedBy).toBe("no-resource-allow");
  });
});

describe("a key with no key policy", () => {
  it("is usable by no one", () => {
    const result = evaluate(kmsRequest(alice, { resourcePolicy: undefined, identityPolicies: [useKey] }));
    expect(result.deniedBy).toBe("no-resource-allow");
    expect(result.trace.every((t) => !t.policy.startsWith("key policy"))).toBe(true);
  });
});

describe("explicit deny wins", () => {
  it("in an identity policy, over a key policy that names the user", () => {
    const keyPolicy = policy({ Sid: "Alice", Effect: "Allow", Principal: { AWS: alice.arn }, Action: "kms:*", Resource: "*" });
    const noDecrypt = identityPolicy("NoDecrypt", denyStatement("kms:Decrypt"));
    const result = evaluate(kmsRequest(alice, { resourcePolicy: keyPolicy, identityPolicies: [noDecrypt] }));
    expect(result.decision).toBe("ExplicitDeny");
    expect(result.deniedBy).toBe("explicit-deny-identity");
  });

  it("in the key policy, over an identity policy that allows", () => {
    const keyPolicy = policy(...[defaultKeyPolicy().Statement].flat(), {
      Sid: "Only through Secrets Manager",
      Effect: "Deny",
      Principal: "*",
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: { StringNotEquals: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" } },
    });
    const direct = evaluate(kmsRequest(alice, { resourcePolicy: keyPolicy, identityPolicies: [useKey] }));
    expect(direct.decision).toBe("ExplicitDeny");
    expect(direct.deniedBy).toBe("explicit-deny-resource");

    const viaSecretsManager = evaluate(
      kmsRequest(alice, { resourcePolicy: keyPolicy, identityPolicies: [useKey], context: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" } }),
    );
    expect(viaSecretsManager.decision).toBe("Allow");
  });

  it("names the identity-based policy when both kinds deny", () => {
    const keyPolicy = policy(...[defaultKeyPolicy().Statement].flat(), denyStatement("kms:Decrypt", "*", { Principal: "*" }));
    const result = evaluate(kmsRequest(alice, { resourcePolicy: keyPolicy, identityPolicies: [identityPolicy("Deny", denyStatement("kms:*"))] }));
    expect(result.deniedBy).toBe("explicit-deny-identity");
  });
});

describe("conditions in a key policy", () => {
  const viaSsmOnly = policy({
    Sid: "Use through Parameter Store",
    Effect: "Allow",
    Principal: { AWS: alice.arn },
    Action: "kms:Decrypt",
    Resource: "*",
    Condition: { StringEquals: { "kms:ViaService": "ssm.us-east-1.amazonaws.com" } },
  });

  it("allow only requests that carry the expected context", () => {
    expect(evaluate(kmsRequest(alice, { resourcePolicy: viaSsmOnly, context: { "kms:ViaService": "ssm.us-east-1.amazonaws.com" } })).decision).toBe("Allow");
    const direct = evaluate(kmsRequest(alice, { resourcePolicy: viaSsmOnly }));
    expect(direct.deniedBy).toBe("no-resource-allow");
    expect(direct.trace[0]?.reason).toBe("condition StringEquals kms:ViaService: expected ssm.us-east-1.amazonaws.com, got (missing)");
  });

  it("can use Principal * narrowed by a condition, which grants directly", () => {
    const keyPolicy = policy({
      Sid: "Anyone in the account through Secrets Manager",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
      Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" } },
    });
    const context = { "kms:CallerAccount": ACCOUNT, "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" };
    expect(evaluate(kmsRequest(alice, { resourcePolicy: keyPolicy, context })).decision).toBe("Allow");
    expect(evaluate(kmsRequest(alice, { resourcePolicy: keyPolicy, action: "kms:GenerateDataKeyWithoutPlaintext", context })).decision).toBe("Allow");
    expect(evaluate(kmsRequest(alice, { resourcePolicy: keyPolicy, context: { ...context, "kms:CallerAccount": OTHER } })).decision).toBe("ImplicitDeny");
  });
});

describe("assumed-role sessions", () => {
  const app = session("AppServer", "i-0abc123");

  it("match a key policy that names the role ARN", () => {
    const keyPolicy = policy({ Sid: "App", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/AppServer` }, Action: "kms:Decrypt", Resource: "*" });
    const result = evaluate(kmsRequest(app, { resourcePolicy: keyPolicy }));
    expect(result.decision).toBe("Allow");
    expect(result.trace[0]?.reason).toBe(`action kms:Decrypt matches kms:Decrypt; resource matches *; principal matches arn:aws:iam::${ACCOUNT}:role/AppServer`);
  });

  it("are delegated to by the account statement like any IAM identity", () => {
    const rolePolicy = identityPolicy("DecryptAppKey", allow("kms:Decrypt", KEY_ARN));
    const result = evaluate(kmsRequest(app, { identityPolicies: [rolePolicy] }));
    expect(result.decision).toBe("Allow");
    expect(result.trace[0]?.policy).toBe(`identity policy "DecryptAppKey" of role/AppServer`);
  });
});

describe("a key in another account", () => {
  const bob = user("bob", OTHER);
  const bobUsesKey = identityPolicy("UseSharedKey", allow("kms:Decrypt", KEY_ARN));
  const shareWithOther = policy(...[defaultKeyPolicy().Statement].flat(), {
    Sid: "Allow an external account to use this key",
    Effect: "Allow",
    Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
    Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
    Resource: "*",
  });

  it("is denied when only the caller's identity policy allows: the key policy must let the account in", () => {
    const result = evaluate(kmsRequest(bob, { identityPolicies: [bobUsesKey] }));
    expect(result.deniedBy).toBe("no-resource-allow");
    expect(result.summary).toContain(`the resource belongs to account ${ACCOUNT}`);
  });

  it("is denied when only the key policy allows: the caller's account must delegate through IAM", () => {
    expect(evaluate(kmsRequest(bob, { resourcePolicy: shareWithOther })).deniedBy).toBe("no-identity-allow");
  });

  it("is allowed when both sides allow", () => {
    const result = evaluate(kmsRequest(bob, { resourcePolicy: shareWithOther, identityPolicies: [bobUsesKey] }));
    expect(result.decision).toBe("Allow");
    expect(result.summary).toContain("Allowed across accounts");
  });

  it("still needs the caller's IAM policy when the key policy names the external user", () => {
    const namesBob = policy({ Sid: "Bob", Effect: "Allow", Principal: { AWS: bob.arn }, Action: "kms:Decrypt", Resource: "*" });
    expect(evaluate(kmsRequest(bob, { resourcePolicy: namesBob })).deniedBy).toBe("no-identity-allow");
    expect(evaluate(kmsRequest(bob, { resourcePolicy: namesBob, identityPolicies: [bobUsesKey] })).decision).toBe("Allow");
  });

  it("is allowed to the other account's root user once the key policy lets that account in", () => {
    expect(evaluate(kmsRequest(root(OTHER), { resourcePolicy: shareWithOther })).decision).toBe("Allow");
    expect(evaluate(kmsRequest(root(OTHER))).deniedBy).toBe("no-resource-allow");
  });
});

describe("the lockout safety check", () => {
  const putPolicy = (resourcePolicy = defaultKeyPolicy()) => kmsRequest(alice, { action: "kms:PutKeyPolicy", resourcePolicy, identityPolicies: [identityPolicy("Admin", allow("kms:*"))] });

  it("passes a policy that keeps the account statement", () => {
    expect(wouldLockOut(putPolicy())).toBe(false);
  });

  it("fails a policy under which the caller could no longer call PutKeyPolicy", () => {
    expect(wouldLockOut(putPolicy(adminOnlyKeyPolicy))).toBe(true);
  });
});
