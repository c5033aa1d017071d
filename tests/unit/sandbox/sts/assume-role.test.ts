import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox/create-sandbox";

/**
 * sts assume-role and the temporary credentials it returns, used as the AWS
 * CLI uses them: exported as AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN. Errors are AWS's: STS's Query-protocol codes
 * (AccessDenied, ValidationError, ExpiredToken, InvalidClientTokenId) and
 * the JSON services' (ExpiredTokenException, UnrecognizedClientException),
 * with the messages the real CLI prints for them.
 */
const ACCOUNT = "123456789012";
const policy = (statements: object[]) => ({ Version: "2012-10-17", Statement: statements });

function sandbox() {
  const session = createSandbox({ scenario: "empty", seed: 4, now: "2026-03-01T12:00:00Z" });
  session.engine.putRole(ACCOUNT, "app-role", {
    trustedService: "",
    trustPolicy: policy([{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" }]),
    policies: { ReadProd: policy([{ Effect: "Allow", Action: "ssm:GetParameter", Resource: `arn:aws:ssm:*:${ACCOUNT}:parameter/app/prod/*` }]) },
  });
  return session;
}

const assume = (session: ReturnType<typeof sandbox>, role: string, extra = "") => session.runSync(`aws sts assume-role --role-arn arn:aws:iam::${ACCOUNT}:role/${role} --role-session-name demo${extra}`);

function exportCredentials(session: ReturnType<typeof sandbox>) {
  session.runSync(`CREDS=$(aws sts assume-role --role-arn arn:aws:iam::${ACCOUNT}:role/app-role --role-session-name demo --query Credentials --output json)`);
  session.runSync('export AWS_ACCESS_KEY_ID=$(echo "$CREDS" | jq -r .AccessKeyId) AWS_SECRET_ACCESS_KEY=$(echo "$CREDS" | jq -r .SecretAccessKey) AWS_SESSION_TOKEN=$(echo "$CREDS" | jq -r .SessionToken)');
}

describe("aws sts assume-role", () => {
  it("returns temporary credentials for an hour and the assumed-role user, when the trust policy lets the caller's account decide and its policy allows", () => {
    const result = assume(sandbox(), "app-role");
    expect(result.exitCode).toBe(0);
    const body = JSON.parse(result.stdout) as { Credentials: Record<string, string>; AssumedRoleUser: Record<string, string> };
    expect(Object.keys(body)).toEqual(["Credentials", "AssumedRoleUser"]);
    expect(Object.keys(body.Credentials)).toEqual(["AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"]);
    expect(body.Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(body.Credentials.SecretAccessKey).toHaveLength(40);
    expect(body.Credentials.Expiration).toBe("2026-03-01T13:00:00+00:00");
    expect(body.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/app-role/demo`);
    expect(body.AssumedRoleUser.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:demo$/);
  });

  it("is denied for a role whose trust policy names only a service, and for a role that does not exist, with the same message", () => {
    const session = sandbox();
    for (const role of ["ec2-app-role", "no-such-role"]) {
      const result = assume(session, role);
      expect(result.exitCode).toBe(254);
      expect(result.stderr).toBe(`\nAn error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::${ACCOUNT}:user/admin is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCOUNT}:role/${role}\n`);
    }
  });

  it("checks the session name and the duration as STS does", () => {
    const session = sandbox();
    expect(session.runSync(`aws sts assume-role --role-arn arn:aws:iam::${ACCOUNT}:role/app-role --role-session-name 'bad name'`).stderr).toBe(
      "\nAn error occurred (ValidationError) when calling the AssumeRole operation: 1 validation error detected: Value 'bad name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*\n",
    );
    expect(assume(session, "app-role", " --duration-seconds 7200").stderr).toBe("\nAn error occurred (ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.\n");
    // The model's constraints, in STS's code (quoted from AWS in https://github.com/getmoto/moto/issues/9218).
    const long = "s".repeat(65);
    expect(session.runSync(`aws sts assume-role --role-arn arn:aws:iam::${ACCOUNT}:role/app-role --role-session-name ${long}`).stderr).toBe(
      `\nAn error occurred (ValidationError) when calling the AssumeRole operation: 1 validation error detected: Value '${long}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64\n`,
    );
  });
});

describe("temporary credentials in the environment", () => {
  it("make the CLI act as the role session, with the role's permissions only", () => {
    const session = sandbox();
    session.runSync("aws ssm put-parameter --name /app/prod/db --value prod-value --type String && aws ssm put-parameter --name /app/dev/db --value dev-value --type String");
    exportCredentials(session);
    expect(session.runSync("aws sts get-caller-identity --query Arn --output text").stdout).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/app-role/demo\n`);
    expect(session.runSync("aws ssm get-parameter --name /app/prod/db --query Parameter.Value --output text").stdout).toBe("prod-value\n");
    expect(session.runSync("aws ssm get-parameter --name /app/dev/db").stderr).toBe(
      `\nAn error occurred (AccessDeniedException) when calling the GetParameter operation: User: arn:aws:sts::${ACCOUNT}:assumed-role/app-role/demo is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/dev/db because no identity-based policy allows the ssm:GetParameter action\n`,
    );
    session.runSync("unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN");
    expect(session.runSync("aws sts get-caller-identity --query Arn --output text").stdout).toBe(`arn:aws:iam::${ACCOUNT}:user/admin\n`);
  });

  it("stop working when the session expires, and unknown or altered ones never work", () => {
    const session = sandbox();
    exportCredentials(session);
    session.runSync("clock advance 61m");
    expect(session.runSync("aws sts get-caller-identity").stderr).toBe("\nAn error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired\n");
    expect(session.runSync("aws kms list-keys").stderr).toBe("\nAn error occurred (ExpiredTokenException) when calling the ListKeys operation: The security token included in the request is expired\n");
    session.runSync("unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN");
    exportCredentials(session);
    session.runSync("export AWS_SECRET_ACCESS_KEY=wrong");
    expect(session.runSync("aws kms list-keys").stderr).toBe(
      "\nAn error occurred (InvalidSignatureException) when calling the ListKeys operation: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n",
    );
    session.runSync("export AWS_ACCESS_KEY_ID=ASIAUNKNOWNKEY000000");
    const unknown = session.runSync("aws sts get-caller-identity");
    expect([unknown.exitCode, unknown.stderr]).toEqual([254, "\nAn error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.\n"]);
    expect(session.runSync("aws kms list-keys").stderr).toBe("\nAn error occurred (UnrecognizedClientException) when calling the ListKeys operation: The security token included in the request is invalid.\n");
  });

  it("survive a snapshot and restore, and older snapshots without sessions still restore", () => {
    const session = sandbox();
    exportCredentials(session);
    const copy = createSandbox({ scenario: "empty", seed: 1 });
    copy.restore(session.snapshot());
    expect(copy.runSync("aws sts get-caller-identity --query Arn --output text").stdout).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/app-role/demo\n`);
    const old = session.snapshot() as unknown as { engine: { accounts: Record<string, { iam: { sessions?: unknown } }> } };
    for (const account of Object.values(old.engine.accounts)) delete account.iam.sessions;
    const restored = createSandbox({ scenario: "empty", seed: 1 });
    restored.restore(old);
    expect(restored.runSync("aws sts get-caller-identity").stderr).toContain("(InvalidClientTokenId)");
  });
});
