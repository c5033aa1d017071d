import { describe, expect, it } from "vitest";
import { createEngine } from "@/lib/sandbox/engine";
import { awsError } from "../kms/helpers";

/**
 * aws:SourceIp and aws:ViaAWSService (IAM User Guide, "AWS global condition
 * context keys"): the learner's requests come from 192.0.2.1; a call an AWS
 * service makes with the caller's credentials (Secrets Manager decrypting
 * through KMS) has no aws:SourceIp and aws:ViaAWSService true. So a Deny on
 * NotIpAddress also blocks Secrets Manager's call to KMS, unless the Deny is
 * limited to requests not made via an AWS service: the exam's classic.
 */
const ACCOUNT = "123456789012";
const policy = (statements: object[]) => ({ Version: "2012-10-17", Statement: statements });
const allowAll = { Effect: "Allow", Action: "*", Resource: "*" };

function world(deny: object) {
  const engine = createEngine({ seed: 8, now: "2026-01-01T00:00:00Z" });
  const { KeyMetadata } = engine.call("kms", "CreateKey", {}) as { KeyMetadata: { KeyId: string } };
  engine.call("secretsmanager", "CreateSecret", { Name: "app/db", SecretString: "s3cr3t", KmsKeyId: KeyMetadata.KeyId });
  engine.putUser(ACCOUNT, "dev", { Office: policy([allowAll, deny]) });
  engine.actAs({ accountId: ACCOUNT, kind: "user", name: "dev" });
  return engine;
}


describe("request origin condition keys", () => {
  it("allow the learner's own calls from 192.0.2.1 and deny them from anywhere else", () => {
    const inside = world({ Effect: "Deny", Action: "*", Resource: "*", Condition: { NotIpAddress: { "aws:SourceIp": "192.0.2.0/24" } } });
    expect(inside.call("kms", "ListKeys", {}).Keys).toBeDefined();
    const outside = world({ Effect: "Deny", Action: "*", Resource: "*", Condition: { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } } });
    expect(awsError(() => outside.call("kms", "ListKeys", {})).code).toBe("AccessDeniedException");
  });

  it("deny Secrets Manager's call to KMS under a NotIpAddress Deny, because a service's call has no source address", () => {
    const engine = world({ Effect: "Deny", Action: "*", Resource: "*", Condition: { NotIpAddress: { "aws:SourceIp": "192.0.2.0/24" } } });
    const error = awsError(() => engine.call("secretsmanager", "GetSecretValue", { SecretId: "app/db" }));
    expect(error.code).toBe("AccessDeniedException");
    expect(error.message).toBe("Access to KMS is not allowed");
    const decrypt = engine.trail({ eventName: "Decrypt" }).at(-1)!;
    expect(decrypt.userIdentity.invokedBy).toBe("secretsmanager.amazonaws.com");
    expect(decrypt.authorizations[0]?.decision).toBe("ExplicitDeny");
  });

  it("let that call through when the Deny is limited to requests not made via an AWS service", () => {
    const engine = world({
      Effect: "Deny",
      Action: "*",
      Resource: "*",
      Condition: { NotIpAddress: { "aws:SourceIp": "192.0.2.0/24" }, Bool: { "aws:ViaAWSService": "false" } },
    });
    expect(engine.call("secretsmanager", "GetSecretValue", { SecretId: "app/db" }).SecretString).toBe("s3cr3t");
  });
});
