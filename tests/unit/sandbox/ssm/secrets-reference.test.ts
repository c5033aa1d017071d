import { describe, expect, it } from "vitest";
import { ACCOUNT, START_SECONDS, expectError, sandbox, ssm } from "./helpers";

/**
 * GetParameter and GetParameters on /aws/reference/secretsmanager/SECRET:
 * Parameter Store passes the request through to Secrets Manager (Systems
 * Manager User Guide, "Referencing AWS Secrets Manager secrets from Parameter
 * Store parameters"). Expected texts and shapes are the answers measured
 * against AWS (eu-west-1, 2026-09-28) in hectorvent/floci's
 * SsmSecretsManagerReferenceIntegrationTest: Version 0, no DataType, the
 * Selector echoed, SourceResult's keys, "null" in the not-found message.
 */
const PREFIX = "/aws/reference/secretsmanager/";

function withSecret() {
  const box = sandbox();
  const created = box.call("secretsmanager", "CreateSecret", { Name: "prod/db", SecretString: "first-value" });
  box.call("secretsmanager", "PutSecretValue", { SecretId: "prod/db", SecretString: "second-value" });
  return { box, arn: created["ARN"] as string, firstVersion: created["VersionId"] as string };
}

describe("GetParameter on a Secrets Manager reference", () => {
  it("answers the secret's current value as a SecureString, version 0, with the secret's ARN and its GetSecretValue as SourceResult", () => {
    const { box, arn } = withSecret();
    const { Parameter } = ssm(box, "GetParameter", { Name: `${PREFIX}prod/db`, WithDecryption: true }) as { Parameter: Record<string, unknown> };
    expect(Parameter).toEqual({
      Name: `${PREFIX}prod/db`,
      Type: "SecureString",
      Value: "second-value",
      Version: 0,
      SourceResult: expect.stringMatching(new RegExp(`^\\{"ARN":"${arn}","name":"prod/db","versionId":"[0-9a-f-]{36}","secretString":"second-value","versionStages":\\["AWSCURRENT"\\],"createdDate":"`)),
      LastModifiedDate: START_SECONDS,
      ARN: arn,
    });
  });

  it("selects a version by staging label or version id, and echoes the selector", () => {
    const { box, firstVersion } = withSecret();
    const previous = ssm(box, "GetParameter", { Name: `${PREFIX}prod/db:AWSPREVIOUS`, WithDecryption: true })["Parameter"] as Record<string, unknown>;
    expect(previous).toMatchObject({ Name: `${PREFIX}prod/db`, Selector: ":AWSPREVIOUS", Value: "first-value" });
    expect(previous["SourceResult"]).toContain('"versionStages":["AWSPREVIOUS"]');
    expect(ssm(box, "GetParameter", { Name: `${PREFIX}prod/db:${firstVersion}`, WithDecryption: true })["Parameter"]).toMatchObject({ Selector: `:${firstVersion}`, Value: "first-value" });
  });

  it("needs WithDecryption, checked before the secret is looked up", () => {
    const { box } = withSecret();
    const text = "WithDecryption flag must be True for retrieving a Secret Manager secret.";
    expectError(() => ssm(box, "GetParameter", { Name: `${PREFIX}prod/db` }), "ValidationException", text);
    expectError(() => ssm(box, "GetParameter", { Name: `${PREFIX}absent`, WithDecryption: false }), "ValidationException", text);
  });

  it("refuses a malformed selector before the decryption check", () => {
    const { box } = withSecret();
    for (const reference of ["prod/db:AWSCURRENT:extra", "prod/db:", `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db`]) {
      expectError(() => ssm(box, "GetParameter", { Name: PREFIX + reference }), "ValidationException", "Invalid parameter name. Please use correct syntax for referencing a version/label  <name>:<version/label>");
    }
  });

  it("answers a missing secret or stage with AWS's ParameterNotFound text", () => {
    const { box } = withSecret();
    expectError(() => ssm(box, "GetParameter", { Name: `${PREFIX}absent`, WithDecryption: true }), "ParameterNotFound", "An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret aws/reference/secretsmanager/absentnull not found.");
    expectError(() => ssm(box, "GetParameter", { Name: `${PREFIX}prod/db:NOSUCHSTAGE`, WithDecryption: true }), "ParameterNotFound", "An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret aws/reference/secretsmanager/prod/db:NOSUCHSTAGE not found.");
  });

  it("answers a secret scheduled for deletion as an invalid request", () => {
    const { box } = withSecret();
    box.call("secretsmanager", "DeleteSecret", { SecretId: "prod/db", RecoveryWindowInDays: 7 });
    expectError(() => ssm(box, "GetParameter", { Name: `${PREFIX}prod/db`, WithDecryption: true }), "ValidationException", "Invalid Request to Secrets Manager");
  });

  it("needs the caller's own secretsmanager:GetSecretValue (Parameter Store honours the secret's permissions)", () => {
    const { box } = withSecret();
    box.putUser(ACCOUNT, "reader", { Read: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "*" }] } });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "reader" });
    const error = expectError(() => ssm(box, "GetParameter", { Name: `${PREFIX}prod/db`, WithDecryption: true }), "AccessDeniedException");
    expect(error.message).toContain("secretsmanager:GetSecretValue");
  });
});

describe("GetParameters with Secrets Manager references", () => {
  it("answers the references it can and lists the others, and every reference without decryption, as invalid", () => {
    const { box } = withSecret();
    box.call("ssm", "PutParameter", { Name: "/plain", Value: "plain", Type: "String" });
    const answer = ssm(box, "GetParameters", {
      Names: [`${PREFIX}prod/db`, `${PREFIX}prod/db:AWSPREVIOUS`, `${PREFIX}missing`, `${PREFIX}prod/db:NOSUCH`, `${PREFIX}prod/db:a:b`, "/plain"],
      WithDecryption: true,
    }) as { Parameters: { Value: string }[]; InvalidParameters: string[] };
    expect(answer.Parameters.map((parameter) => parameter.Value).sort()).toEqual(["first-value", "plain", "second-value"]);
    expect(answer.InvalidParameters.sort()).toEqual([`${PREFIX}missing`, `${PREFIX}prod/db:NOSUCH`, `${PREFIX}prod/db:a:b`].sort());
    const plain = ssm(box, "GetParameters", { Names: [`${PREFIX}prod/db`, "/plain"], WithDecryption: false }) as { Parameters: { Value: string }[]; InvalidParameters: string[] };
    expect(plain.Parameters.map((parameter) => parameter.Value)).toEqual(["plain"]);
    expect(plain.InvalidParameters).toEqual([`${PREFIX}prod/db`]);
  });
});
