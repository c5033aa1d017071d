/**
 * Secrets (optional resource policy) and parameters (identity policies only):
 * within one account either kind of policy can allow; across accounts both
 * sides must.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/sandbox/iam/evaluate";
import type { PolicyStatement } from "@/lib/sandbox/iam/model";
import { ACCOUNT, OTHER, SECRET_ARN, allow, denyStatement, identityPolicy, parameterRequest, policy, root, secretRequest, service, session, user } from "./fixtures";

const alice = user("alice");
const readSecret = identityPolicy("ReadSecret", allow("secretsmanager:GetSecretValue", SECRET_ARN));
const grant = (principal: PolicyStatement["Principal"], extra: Partial<PolicyStatement> = {}): PolicyStatement => ({
  Sid: "Grant",
  Effect: "Allow",
  Principal: principal,
  Action: "secretsmanager:GetSecretValue",
  Resource: "*",
  ...extra,
});

describe("a secret in the caller's account", () => {
  it("is readable with an identity policy and no resource policy", () => {
    expect(evaluate(secretRequest(alice, { identityPolicies: [readSecret] })).decision).toBe("Allow");
  });

  it("is not readable with neither", () => {
    const result = evaluate(secretRequest(alice));
    expect(result.decision).toBe("ImplicitDeny");
    expect(result.deniedBy).toBe("no-identity-allow");
  });

  it("is readable through a resource policy that names the user, with no identity policy", () => {
    const result = evaluate(secretRequest(alice, { resourcePolicy: policy(grant({ AWS: alice.arn })) }));
    expect(result.decision).toBe("Allow");
    expect(result.summary).toContain("no identity-based policy is needed");
  });

  it("is not readable through a resource policy that names only the account: that delegates to IAM", () => {
    const result = evaluate(secretRequest(alice, { resourcePolicy: policy(grant({ AWS: ACCOUNT })) }));
    expect(result.deniedBy).toBe("no-identity-allow");
    expect(result.summary).toContain("names only the account");
  });

  it("is denied by an explicit deny in the resource policy, whatever the identity policy says", () => {
    const resourcePolicy = policy(denyStatement("secretsmanager:*", "*", { Sid: "NoOne", Principal: "*" }));
    const result = evaluate(secretRequest(alice, { resourcePolicy, identityPolicies: [readSecret] }));
    expect(result.decision).toBe("ExplicitDeny");
    expect(result.deniedBy).toBe("explicit-deny-resource");
  });

  it("is denied by an explicit deny in an identity policy, whatever the resource policy says", () => {
    const result = evaluate(
      secretRequest(alice, { resourcePolicy: policy(grant({ AWS: alice.arn })), identityPolicies: [identityPolicy("Deny", denyStatement("secretsmanager:GetSecretValue"))] }),
    );
    expect(result.deniedBy).toBe("explicit-deny-identity");
  });

  it("is readable by the account root user with no policy at all", () => {
    expect(evaluate(secretRequest(root())).decision).toBe("Allow");
  });

  it("honours NotPrincipal: deny everyone except the named user", () => {
    const resourcePolicy = policy({ Sid: "OnlyAlice", Effect: "Deny", NotPrincipal: { AWS: alice.arn }, Action: "secretsmanager:GetSecretValue", Resource: "*" });
    const everyone = identityPolicy("Read", allow("secretsmanager:GetSecretValue"));
    expect(evaluate(secretRequest(alice, { resourcePolicy, identityPolicies: [everyone] })).decision).toBe("Allow");
    const carol = evaluate(secretRequest(user("carol"), { resourcePolicy, identityPolicies: [everyone] }));
    expect(carol.deniedBy).toBe("explicit-deny-resource");
    expect(carol.trace.find((t) => t.sid === "OnlyAlice")?.reason).toContain(`principal ${user("carol").arn} is not in NotPrincipal ${alice.arn}`);
  });

  it("lets a service principal in through a Service grant", () => {
    const resourcePolicy = policy(grant({ Service: "secretsmanager.amazonaws.com" }));
    expect(evaluate(secretRequest(service("secretsmanager.amazonaws.com"), { resourcePolicy })).decision).toBe("Allow");
    expect(evaluate(secretRequest(service("lambda.amazonaws.com"), { resourcePolicy })).decision).toBe("ImplicitDeny");
  });
});

describe("assumed-role sessions and resource policies", () => {
  const app = session("AppServer", "i-0abc123");

  it("match a grant to the role ARN", () => {
    expect(evaluate(secretRequest(app, { resourcePolicy: policy(grant({ AWS: `arn:aws:iam::${ACCOUNT}:role/AppServer` })) })).decision).toBe("Allow");
  });

  it("match a grant to the session ARN", () => {
    expect(evaluate(secretRequest(app, { resourcePolicy: policy(grant({ AWS: app.arn })) })).decision).toBe("Allow");
  });

  it("do not match a grant to another role or another session of the role", () => {
    expect(evaluate(secretRequest(app, { resourcePolicy: policy(grant({ AWS: `arn:aws:iam::${ACCOUNT}:role/Other` })) })).decision).toBe("ImplicitDeny");
    expect(evaluate(secretRequest(app, { resourcePolicy: policy(grant({ AWS: `arn:aws:sts::${ACCOUNT}:assumed-role/AppServer/other` })) })).decision).toBe("ImplicitDeny");
  });

  it("see aws:PrincipalArn as the role's ARN, not the session's", () => {
    const resourcePolicy = policy(grant("*", { Condition: { ArnEquals: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/AppServer` } } }));
    expect(evaluate(secretRequest(app, { resourcePolicy })).decision).toBe("Allow");
  });
});

describe("a secret in another account", () => {
  const bob = user("bob", OTHER);
  const bobReads = identityPolicy("ReadShared", allow("secretsmanager:GetSecretValue", SECRET_ARN));
  const shareWithOther = policy(grant({ AWS: `arn:aws:iam::${OTHER}:root` }));

  it("needs the resource policy to allow the caller's account", () => {
    const result = evaluate(secretRequest(bob, { identityPolicies: [bobReads] }));
    expect(result.deniedBy).toBe("no-resource-allow");
    expect(result.summary).toContain(`the resource has no resource policy, so nothing lets account ${OTHER} in`);
  });

  it("needs the caller's identity policy too", () => {
    expect(evaluate(secretRequest(bob, { resourcePolicy: shareWithOther })).deniedBy).toBe("no-identity-allow");
  });

  it("even when the resource policy names the caller itself", () => {
    expect(evaluate(secretRequest(bob, { resourcePolicy: policy(grant({ AWS: bob.arn })) })).deniedBy).toBe("no-identity-allow");
  });

  it("is readable when both sides allow", () => {
    expect(evaluate(secretRequest(bob, { resourcePolicy: shareWithOther, identityPolicies: [bobReads] })).decision).toBe("Allow");
  });

  it("is denied when the grant is for a different account", () => {
    const result = evaluate(secretRequest(bob, { resourcePolicy: policy(grant({ AWS: "999988887777" })), identityPolicies: [bobReads] }));
    expect(result.deniedBy).toBe("no-resource-allow");
  });
});

describe("a parameter (identity policies only)", () => {
  it("is readable with an identity policy, by wildcard on its path", () => {
    const readApp = identityPolicy("ReadApp", allow(["ssm:GetParameter*"], `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/*`));
    expect(evaluate(parameterRequest(alice, { identityPolicies: [readApp] })).decision).toBe("Allow");
  });

  it("is not readable without one, but is by the root user", () => {
    expect(evaluate(parameterRequest(alice)).deniedBy).toBe("no-identity-allow");
    expect(evaluate(parameterRequest(root())).decision).toBe("Allow");
  });

  it("cannot be reached from another account at all", () => {
    const result = evaluate(parameterRequest(user("bob", OTHER), { identityPolicies: [identityPolicy("All", allow("*"))] }));
    expect(result.deniedBy).toBe("no-resource-allow");
  });

  it("ignores a resource policy, since parameters have none", () => {
    const result = evaluate(parameterRequest(alice, { resourcePolicy: policy(grant("*", { Action: "ssm:*" })) }));
    expect(result.deniedBy).toBe("no-identity-allow");
    expect(result.trace).toEqual([]);
  });
});

describe("NotAction, NotResource and policy variables in identity policies", () => {
  it("NotAction excludes the listed actions from a Deny", () => {
    const policies = [identityPolicy("Read", allow("secretsmanager:*")), identityPolicy("OnlyRead", { Effect: "Deny", NotAction: "secretsmanager:Get*", Resource: "*" })];
    expect(evaluate(secretRequest(alice, { identityPolicies: policies })).decision).toBe("Allow");
    expect(evaluate(secretRequest(alice, { action: "secretsmanager:DeleteSecret", identityPolicies: policies })).deniedBy).toBe("explicit-deny-identity");
  });

  it("NotResource allows everything but the listed resources", () => {
    const everythingButProd = identityPolicy("NotProd", { Effect: "Allow", Action: "secretsmanager:GetSecretValue", NotResource: "arn:aws:secretsmanager:*:*:secret:prod/*" });
    expect(evaluate(secretRequest(alice, { identityPolicies: [everythingButProd] })).deniedBy).toBe("no-identity-allow");
  });

  it("${aws:username} scopes a shared policy to each user's own secrets", () => {
    const own = identityPolicy("OwnSecrets", allow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:*:*:secret:${aws:username}/*"));
    const aliceSecret = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:alice/token-AbCdEf`;
    expect(evaluate(secretRequest(alice, { resource: aliceSecret, identityPolicies: [own] })).decision).toBe("Allow");
    expect(evaluate(secretRequest(user("bob"), { resource: aliceSecret, identityPolicies: [own] })).decision).toBe("ImplicitDeny");
  });

  it("treats ${...} literally in a 2008-10-17 policy, as AWS does", () => {
    const old = { name: "Old", document: { Version: "2008-10-17", Statement: [allow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:*:*:secret:${aws:username}/*")] } };
    const aliceSecret = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:alice/token-AbCdEf`;
    expect(evaluate(secretRequest(alice, { resource: aliceSecret, identityPolicies: [old] })).decision).toBe("ImplicitDeny");
  });
});
