/** The trace is shown to learners: one entry per statement examined, each with a specific reason. */
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/sandbox/iam/evaluate";
import { ACCOUNT, KEY_ARN, allow, defaultKeyPolicy, identityPolicy, kmsRequest, policy, user } from "./fixtures";

const alice = user("alice");

describe("the evaluation trace", () => {
  it("has one entry per statement, labelled with its policy and Sid", () => {
    const identity = [identityPolicy("KmsUse", allow("kms:Encrypt", KEY_ARN), allow("kms:Decrypt", KEY_ARN, { Sid: "Decrypt" }))];
    const result = evaluate(kmsRequest(alice, { identityPolicies: identity }));
    expect(result.trace).toEqual([
      { policy: `identity policy "KmsUse" of user/alice`, sid: undefined, effect: "Allow", applies: false, reason: "action kms:Decrypt does not match kms:Encrypt" },
      { policy: `identity policy "KmsUse" of user/alice`, sid: "Decrypt", effect: "Allow", applies: true, reason: `action kms:Decrypt matches kms:Decrypt; resource matches ${KEY_ARN}` },
      {
        policy: `key policy of ${KEY_ARN}`,
        sid: "Enable IAM User Permissions",
        effect: "Allow",
        applies: true,
        reason: `action kms:Decrypt matches kms:*; resource matches *; principal matches arn:aws:iam::${ACCOUNT}:root (the account ${ACCOUNT}, which then decides through its IAM policies)`,
      },
    ]);
  });

  it("says which resource did not match", () => {
    const result = evaluate(kmsRequest(alice, { identityPolicies: [identityPolicy("Other", allow("kms:*", `arn:aws:kms:us-east-1:${ACCOUNT}:key/other`))] }));
    expect(result.trace[0]?.reason).toBe(`resource ${KEY_ARN} does not match arn:aws:kms:us-east-1:${ACCOUNT}:key/other`);
  });

  it("says which principal did not match", () => {
    const keyPolicy = policy({ Sid: "Bob", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }, Action: "kms:*", Resource: "*" });
    expect(evaluate(kmsRequest(alice, { resourcePolicy: keyPolicy })).trace[0]?.reason).toBe(
      `principal ${alice.arn} does not match arn:aws:iam::${ACCOUNT}:user/bob`,
    );
  });

  it("lists the conditions that held", () => {
    const keyPolicy = policy({
      Sid: "ViaSsm",
      Effect: "Allow",
      Principal: { AWS: alice.arn },
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: { StringEquals: { "kms:ViaService": "ssm.us-east-1.amazonaws.com" } },
    });
    const result = evaluate(kmsRequest(alice, { resourcePolicy: keyPolicy, context: { "kms:ViaService": "ssm.us-east-1.amazonaws.com" } }));
    expect(result.trace[0]?.reason).toBe(
      `action kms:Decrypt matches kms:Decrypt; resource matches *; principal matches ${alice.arn}; condition StringEquals kms:ViaService: ssm.us-east-1.amazonaws.com is ssm.us-east-1.amazonaws.com`,
    );
  });

  it("explains why a statement with an unknown condition operator was ignored", () => {
    const keyPolicy = policy(...[defaultKeyPolicy().Statement].flat(), {
      Sid: "Typo",
      Effect: "Deny",
      Principal: "*",
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: { StringEqualz: { "kms:ViaService": "x" } },
    });
    const result = evaluate(kmsRequest(alice, { resourcePolicy: keyPolicy, identityPolicies: [identityPolicy("Use", allow("kms:Decrypt"))] }));
    expect(result.decision).toBe("Allow");
    const typo = result.trace.find((t) => t.sid === "Typo");
    expect(typo?.applies).toBe(false);
    expect(typo?.reason).toBe("condition StringEqualz kms:ViaService: unknown condition operator StringEqualz, so the statement is ignored");
  });

  it("explains a statement without a Principal in a key policy", () => {
    const keyPolicy = policy({ Sid: "NoPrincipal", Effect: "Allow", Action: "kms:*", Resource: "*" });
    expect(evaluate(kmsRequest(alice, { resourcePolicy: keyPolicy })).trace[0]?.reason).toBe("no Principal element, so the statement names no one");
  });
});
