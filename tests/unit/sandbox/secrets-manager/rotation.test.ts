import { describe, expect, it } from "vitest";
import type { WireObject } from "@/lib/sandbox";
import { DAY, HOUR } from "@/lib/sandbox/core/time";
import { getRotationFunction, putRotationFunction, setRotationFunctionFault } from "@/lib/sandbox/lambda";
import { databaseLogin, getDatabase, setDatabaseAvailable } from "@/lib/sandbox/rds";
import { ACCOUNT, currentValue, expectError, record, rotationScenario, sandbox, sm, stagesOf, START_MS, token, versionWith } from "./helpers";

const APP = "prod/mydb/app";
const INCOMPLETE = "A previous rotation isn't complete. That rotation will be reattempted.";
const password = (box: ReturnType<typeof sandbox>, stage = "AWSCURRENT") =>
  JSON.parse(String(sm(box, "GetSecretValue", { SecretId: APP, VersionStage: stage })["SecretString"])) as { username: string; password: string };

describe("rotation with the single-user strategy", () => {
  it("changes the database password: the old one stops working, the new one works", () => {
    const box = sandbox();
    const { functionArn, appVersion } = rotationScenario(box, "single-user");
    const out = sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 30 }, ClientRequestToken: token(7) });
    expect(out).toEqual({ ARN: record(box, APP).arn, Name: APP, VersionId: token(7) });

    const current = password(box);
    expect(current.username).toBe("appuser");
    expect(current.password).not.toBe("OldPass-1");
    expect(databaseLogin(box, "mydb", "appuser", "OldPass-1")).toBe(false);
    expect(databaseLogin(box, "mydb", "appuser", current.password)).toBe(true);
    expect(password(box, "AWSPREVIOUS").password).toBe("OldPass-1");
    expect(stagesOf(box, APP)).toEqual({ [appVersion]: ["AWSPREVIOUS"], [token(7)]: ["AWSPENDING", "AWSCURRENT"] });
  });

  it("records the rotation: RotationEnabled, rules, LastRotatedDate, NextRotationDate at the start of the window", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    box.advanceClock(10 * HOUR);
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 30 } });
    const described = sm(box, "DescribeSecret", { SecretId: APP });
    expect(described).toMatchObject({
      RotationEnabled: true,
      RotationLambdaARN: functionArn,
      RotationRules: { AutomaticallyAfterDays: 30 },
      LastRotatedDate: (START_MS + 10 * HOUR) / 1000,
      NextRotationDate: (START_MS + 30 * DAY) / 1000,
    });
    expect(Object.keys(described)).toEqual([
      "ARN",
      "Name",
      "RotationEnabled",
      "RotationLambdaARN",
      "RotationRules",
      "LastRotatedDate",
      "LastChangedDate",
      "LastAccessedDate",
      "NextRotationDate",
      "VersionIdsToStages",
      "CreatedDate",
    ]);
  });

  it("runs the four steps in order as the function's execution role, between RotationStarted and RotationSucceeded", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn });
    const fn = getRotationFunction(box, functionArn);
    expect(fn?.logs.filter((entry) => entry.message.startsWith("START")).map((entry) => /Step: (\w+)/.exec(entry.message)?.[1])).toEqual([
      "createSecret",
      "setSecret",
      "testSecret",
      "finishSecret",
    ]);
    const names = box.trail({ eventSource: "secretsmanager.amazonaws.com" }).map((event) => event.eventName);
    expect(names.indexOf("RotationStarted")).toBeLessThan(names.indexOf("PutSecretValue"));
    expect(names.indexOf("UpdateSecretVersionStage")).toBeLessThan(names.indexOf("RotationSucceeded"));
    const role = `arn:aws:sts::${ACCOUNT}:assumed-role/lambda-rotation-role/rotate-single-user`;
    expect(box.trail({ eventName: "PutSecretValue" })[0]?.userIdentity.arn).toBe(role);
    expect(box.trail({ eventName: "RotationSucceeded" })[0]?.userIdentity).toMatchObject({ type: "AWSService", invokedBy: "secretsmanager.amazonaws.com" });
    expect(JSON.stringify(box.trail())).not.toContain(password(box).password);
    expect(record(box, APP).rotation.lastAttempt).toMatchObject({ outcome: "succeeded", trigger: "RotateSecret", steps: [{ ok: true }, { ok: true }, { ok: true }, { ok: true }] });
  });

  it("rotates again and again, each time from the new password", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn });
    const first = password(box).password;
    sm(box, "RotateSecret", { SecretId: APP });
    const second = password(box).password;
    expect(second).not.toBe(first);
    expect(databaseLogin(box, "mydb", "appuser", first)).toBe(false);
    expect(databaseLogin(box, "mydb", "appuser", second)).toBe(true);
  });
});

describe("rotation with the alternating-users strategy", () => {
  it("clones the user with the master secret, then alternates: the previous user keeps working", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "alternating-users");
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn });
    const first = password(box);
    expect(first.username).toBe("appuser_clone");
    expect(getDatabase(box, "mydb")?.users["appuser_clone"]?.grants).toEqual(getDatabase(box, "mydb")?.users["appuser"]?.grants);
    expect(databaseLogin(box, "mydb", "appuser_clone", first.password)).toBe(true);
    // The user of AWSPREVIOUS still logs in: applications holding it keep working during the switch.
    expect(databaseLogin(box, "mydb", "appuser", "OldPass-1")).toBe(true);

    sm(box, "RotateSecret", { SecretId: APP });
    const second = password(box);
    expect(second.username).toBe("appuser");
    expect(databaseLogin(box, "mydb", "appuser", "OldPass-1")).toBe(false);
    expect(databaseLogin(box, "mydb", "appuser", second.password)).toBe(true);
    expect(databaseLogin(box, "mydb", "appuser_clone", first.password)).toBe(true);
    expect(password(box, "AWSPREVIOUS").username).toBe("appuser_clone");
  });

  it("fails in setSecret when the execution role may not read the master secret", () => {
    const box = sandbox();
    box.putRole(ACCOUNT, "narrow-rotation-role", {
      trustedService: "lambda.amazonaws.com",
      policies: {
        Rotate: {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage", "secretsmanager:GetRandomPassword"],
              Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/mydb/app-*`,
            },
            { Effect: "Allow", Action: "secretsmanager:GetRandomPassword", Resource: "*" },
          ],
        },
      },
    });
    const { functionArn, masterArn } = rotationScenario(box, "alternating-users", { role: `arn:aws:iam::${ACCOUNT}:role/narrow-rotation-role` });
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn });
    const attempt = record(box, APP).rotation.lastAttempt;
    expect(attempt?.steps.map((step) => [step.step, step.ok])).toEqual([
      ["createSecret", true],
      ["setSecret", false],
    ]);
    expect(attempt?.steps[1]?.errorMessage).toBe(
      `An error occurred (AccessDeniedException) when calling the GetSecretValue operation: User: arn:aws:sts::${ACCOUNT}:assumed-role/narrow-rotation-role/rotate-alternating-users is not authorized to perform: secretsmanager:GetSecretValue on resource: ${masterArn} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
    expect(box.trail({ eventName: "RotationFailed" })).toHaveLength(1);
    expect(databaseLogin(box, "mydb", "appuser", "OldPass-1")).toBe(true);
    expect(getDatabase(box, "mydb")?.users["appuser_clone"]).toBeUndefined();
  });
});

describe("a failure at any step leaves the secret as AWS leaves it", () => {
  function failAt(step: "createSecret" | "setSecret" | "testSecret" | "finishSecret") {
    const box = sandbox();
    const { functionArn, appVersion } = rotationScenario(box, "single-user", { fault: { step, message: `injected failure in ${step}` } });
    const out = sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 1 }, ClientRequestToken: token(5) });
    return { box, functionArn, appVersion, out };
  }

  it("createSecret: the call still succeeds; an empty AWSPENDING version stays; the password is unchanged", () => {
    const { box, appVersion, out } = failAt("createSecret");
    expect(out["VersionId"]).toBe(token(5));
    expect(stagesOf(box, APP)).toEqual({ [appVersion]: ["AWSCURRENT"], [token(5)]: ["AWSPENDING"] });
    expectError(() => sm(box, "GetSecretValue", { SecretId: APP, VersionStage: "AWSPENDING" }), "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: AWSPENDING");
    expect(databaseLogin(box, "mydb", "appuser", "OldPass-1")).toBe(true);
    expect(record(box, APP).rotation).toMatchObject({ state: "incomplete", token: token(5), lastAttempt: { outcome: "failed", steps: [{ step: "createSecret", ok: false, errorMessage: "injected failure in createSecret" }] } });
    expect(box.trail({ eventName: "RotationFailed" })).toHaveLength(1);
    expect(sm(box, "DescribeSecret", { SecretId: APP })["LastRotatedDate"]).toBeUndefined();
  });

  it("setSecret: AWSPENDING holds the new value, the database still has the old password", () => {
    const { box, appVersion } = failAt("setSecret");
    expect(stagesOf(box, APP)).toEqual({ [appVersion]: ["AWSCURRENT"], [token(5)]: ["AWSPENDING"] });
    const pending = password(box, "AWSPENDING").password;
    expect(pending).not.toBe("OldPass-1");
    expect(databaseLogin(box, "mydb", "appuser", "OldPass-1")).toBe(true);
    expect(databaseLogin(box, "mydb", "appuser", pending)).toBe(false);
  });

  it("testSecret: the database already has the new password while AWSCURRENT still holds the old one", () => {
    const { box, appVersion } = failAt("testSecret");
    expect(stagesOf(box, APP)).toEqual({ [appVersion]: ["AWSCURRENT"], [token(5)]: ["AWSPENDING"] });
    expect(databaseLogin(box, "mydb", "appuser", "OldPass-1")).toBe(false);
    expect(databaseLogin(box, "mydb", "appuser", password(box, "AWSPENDING").password)).toBe(true);
    expect(password(box).password).toBe("OldPass-1");
  });

  it("finishSecret: the new password works but AWSCURRENT was not moved", () => {
    const { box, appVersion } = failAt("finishSecret");
    expect(stagesOf(box, APP)).toEqual({ [appVersion]: ["AWSCURRENT"], [token(5)]: ["AWSPENDING"] });
    expect(record(box, APP).rotation.lastAttempt?.steps.map((step) => step.ok)).toEqual([true, true, true, false]);
  });

  it("the next RotateSecret fails while AWSPENDING is on another version than AWSCURRENT", () => {
    const { box } = failAt("setSecret");
    expectError(() => sm(box, "RotateSecret", { SecretId: APP }), "InvalidRequestException", INCOMPLETE);
    expectError(() => sm(box, "RotateSecret", { SecretId: APP, RotateImmediately: false }), "InvalidRequestException", INCOMPLETE);
  });

  it("removing AWSPENDING by hand clears the way for a new rotation", () => {
    const { box, functionArn } = failAt("setSecret");
    sm(box, "UpdateSecretVersionStage", { SecretId: APP, VersionStage: "AWSPENDING", RemoveFromVersionId: token(5) });
    expect(record(box, APP).rotation.state).toBe("idle");
    setRotationFunctionFault(box, functionArn, undefined);
    sm(box, "RotateSecret", { SecretId: APP });
    expect(databaseLogin(box, "mydb", "appuser", password(box).password)).toBe(true);
  });

  it("the next scheduled window reattempts the unfinished rotation with the same token", () => {
    const { box, functionArn } = failAt("testSecret");
    setRotationFunctionFault(box, functionArn, undefined);
    box.advanceClock(DAY);
    expect(versionWith(box, APP, "AWSCURRENT")).toBe(token(5));
    expect(record(box, APP).rotation.state).toBe("idle");
    expect(databaseLogin(box, "mydb", "appuser", password(box).password)).toBe(true);
    expect(record(box, APP).rotation.lastAttempt).toMatchObject({ token: token(5), trigger: "schedule", outcome: "succeeded" });
  });

  it("an unreachable database fails setSecret with the template's message", () => {
    const box = sandbox();
    const { functionArn, appArn } = rotationScenario(box, "single-user");
    setDatabaseAvailable(box, "mydb", false);
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn });
    expect(record(box, APP).rotation.lastAttempt?.steps[1]).toMatchObject({
      step: "setSecret",
      ok: false,
      errorType: "ValueError",
      errorMessage: `Unable to log into database with previous, current, or pending secret of secret arn ${appArn}`,
    });
  });

  it("a function that cannot reach the database (network fault) fails the same way", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user", { fault: { unreachable: "database" } });
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn });
    expect(record(box, APP).rotation.lastAttempt?.steps.map((step) => step.ok)).toEqual([true, false]);
    expect(databaseLogin(box, "mydb", "appuser", "OldPass-1")).toBe(true);
  });

  it("an execution role without secretsmanager:PutSecretValue fails createSecret with AccessDenied", () => {
    const box = sandbox();
    box.putRole(ACCOUNT, "read-only-role", {
      trustedService: "lambda.amazonaws.com",
      policies: { Read: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:GetRandomPassword"], Resource: "*" }] } },
    });
    const { functionArn } = rotationScenario(box, "single-user", { role: `arn:aws:iam::${ACCOUNT}:role/read-only-role` });
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn });
    const step = record(box, APP).rotation.lastAttempt?.steps[0];
    expect(step).toMatchObject({ step: "createSecret", ok: false, errorType: "ClientError" });
    expect(step?.errorMessage).toMatch(/^An error occurred \(AccessDeniedException\) when calling the PutSecretValue operation: User: arn:aws:sts::123456789012:assumed-role\/read-only-role\/rotate-single-user is not authorized to perform: secretsmanager:PutSecretValue/);
    const denied = box.trail({ eventName: "PutSecretValue", onlyErrors: true });
    expect(denied[0]?.errorCode).toBe("AccessDeniedException");
  });
});

describe("RotateSecret checks", () => {
  it("needs a rotation function: none given and none configured", () => {
    const box = sandbox();
    rotationScenario(box, "single-user");
    expectError(() => sm(box, "RotateSecret", { SecretId: APP }), "InvalidRequestException", "No Lambda rotation function ARN is associated with this secret.");
  });

  it("refuses a function it cannot invoke (missing, or its policy does not allow Secrets Manager), changing nothing", () => {
    const box = sandbox();
    rotationScenario(box, "single-user");
    const message = "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.";
    expectError(() => sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:nope` }), "AccessDeniedException", message);
    const locked = putRotationFunction(box, { name: "locked", strategy: "single-user", allowSecretsManager: false });
    expectError(() => sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: locked }), "AccessDeniedException", message);
    expect(sm(box, "DescribeSecret", { SecretId: APP })["RotationEnabled"]).toBeUndefined();
    expect(Object.keys(stagesOf(box, APP))).toHaveLength(1);
  });

  it("validates the rotation rules", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    const rotate = (RotationRules: WireObject) => () => sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules });
    expectError(rotate({ AutomaticallyAfterDays: 0 }), "InvalidParameterException", "RotationRules.AutomaticallyAfterDays must be within 1-1000.");
    expectError(rotate({ AutomaticallyAfterDays: 1001 }), "InvalidParameterException", "RotationRules.AutomaticallyAfterDays must be within 1-1000.");
    expectError(rotate({ AutomaticallyAfterDays: 5, ScheduleExpression: "rate(5 days)" }), "InvalidParameterException", "You cannot specify both rotation frequency and schedule expression together.");
    expectError(rotate({ ScheduleExpression: "rate(2 hours)" }), "InvalidParameterException", /at most every four hours/);
    expectError(rotate({ ScheduleExpression: "cron(0 8 * * * *)" }), "InvalidParameterException", /exactly one of Day-of-month and Day-of-week must be \?/);
    expectError(rotate({ ScheduleExpression: "every day" }), "InvalidParameterException", /neither a rate\(\) nor a cron\(\) expression/);
    expectError(rotate({ ScheduleExpression: "rate(1 day);" }), "ValidationException", /'rotationRules.scheduleExpression' failed to satisfy constraint: Member must satisfy regular expression pattern/);
    expectError(rotate({ ScheduleExpression: "rate(10 days)", Duration: "25h" }), "InvalidParameterException", /Invalid Duration/);
    expectError(rotate({ ScheduleExpression: "rate(10 days)", Duration: "h3" }), "ValidationException", "1 validation error detected: Value 'h3' at 'rotationRules.duration' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+h");
    expect(record(box, APP).rotation.configured).toBe(false);
  });

  it("the caller needs lambda:InvokeFunction on the function", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    box.putUser(ACCOUNT, "operator", { Ops: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "secretsmanager:*", Resource: "*" }] } });
    box.actAs({ accountId: ACCOUNT, kind: "user", name: "operator" });
    expectError(() => sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn }), "AccessDeniedException", /is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda/);
  });

  it("with RotateImmediately=false, records the schedule and rotates when the window opens", () => {
    const box = sandbox();
    const { functionArn, appVersion } = rotationScenario(box, "single-user");
    const out = sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 7 }, RotateImmediately: false });
    expect(out["VersionId"]).toBeUndefined();
    expect(stagesOf(box, APP)).toEqual({ [appVersion]: ["AWSCURRENT"] });
    expect(sm(box, "DescribeSecret", { SecretId: APP })["NextRotationDate"]).toBe((START_MS + 7 * DAY) / 1000);
    box.advanceClock(7 * DAY);
    expect(versionWith(box, APP, "AWSCURRENT")).not.toBe(appVersion);
    expect(databaseLogin(box, "mydb", "appuser", "OldPass-1")).toBe(false);
    expect(box.trail({ eventName: "RotationStarted" })[0]?.eventTime).toBe(START_MS + 7 * DAY);
  });
});

describe("scheduled rotation on simulated time", () => {
  it("AutomaticallyAfterDays: rotates every N days, counted from the last rotation", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 2 } });
    const passwords = [password(box).password];
    box.advanceClock(2 * DAY);
    passwords.push(password(box).password);
    box.advanceClock(2 * DAY);
    passwords.push(password(box).password);
    expect(new Set(passwords).size).toBe(3);
    expect(box.trail({ eventName: "RotationSucceeded" }).map((event) => (event.eventTime - START_MS) / DAY)).toEqual([0, 2, 4]);
    expect(databaseLogin(box, "mydb", "appuser", passwords[2] ?? "")).toBe(true);
  });

  it("a new value set by hand counts as a rotation for an AutomaticallyAfterDays schedule", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 10 } });
    box.advanceClock(5 * DAY);
    const value = JSON.parse(String(sm(box, "GetSecretValue", { SecretId: APP })["SecretString"])) as object;
    sm(box, "PutSecretValue", { SecretId: APP, SecretString: JSON.stringify(value) });
    expect(sm(box, "DescribeSecret", { SecretId: APP })["NextRotationDate"]).toBe((START_MS + 15 * DAY) / 1000);
  });

  it("rate(N hours): windows every N hours from midnight", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    box.advanceClock(HOUR);
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { ScheduleExpression: "rate(6 hours)" }, RotateImmediately: false });
    expect(sm(box, "DescribeSecret", { SecretId: APP })["NextRotationDate"]).toBe((START_MS + 6 * HOUR) / 1000);
    box.advanceClock(12 * HOUR);
    expect(box.trail({ eventName: "RotationSucceeded" }).map((event) => (event.eventTime - START_MS) / HOUR)).toEqual([6, 12]);
  });

  it("cron(): rotates when the expression matches, in UTC", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    // 2026-01-01 is a Thursday: the first Monday 08:00 is 2026-01-05.
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { ScheduleExpression: "cron(0 8 ? * MON *)", Duration: "2h" }, RotateImmediately: false });
    const described = sm(box, "DescribeSecret", { SecretId: APP });
    expect(described["NextRotationDate"]).toBe(Date.parse("2026-01-05T08:00:00Z") / 1000);
    expect(described["RotationRules"]).toEqual({ Duration: "2h", ScheduleExpression: "cron(0 8 ? * MON *)" });
    box.advanceClock(14 * DAY);
    expect(box.trail({ eventName: "RotationSucceeded" }).map((event) => new Date(event.eventTime).toISOString())).toEqual(["2026-01-05T08:00:00.000Z", "2026-01-12T08:00:00.000Z"]);
  });

  it("rate(N days) is reported as AutomaticallyAfterDays too", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { ScheduleExpression: "rate(10 days)" }, RotateImmediately: false });
    expect(sm(box, "DescribeSecret", { SecretId: APP })["RotationRules"]).toEqual({ AutomaticallyAfterDays: 10, ScheduleExpression: "rate(10 days)" });
  });

  it("a secret waiting for deletion is not rotated; restoring it picks the schedule up again", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 1 }, RotateImmediately: false });
    sm(box, "DeleteSecret", { SecretId: APP, RecoveryWindowInDays: 7 });
    box.advanceClock(3 * DAY);
    expect(box.trail({ eventName: "RotationStarted" })).toHaveLength(0);
    sm(box, "RestoreSecret", { SecretId: APP });
    box.advanceClock(DAY);
    expect(box.trail({ eventName: "RotationSucceeded" })).toHaveLength(1);
  });

  it("a scheduled rotation whose function is gone fails and records why", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 1 }, RotateImmediately: false });
    delete box.regionState().lambda.functions["rotate-single-user"];
    box.advanceClock(DAY);
    expect(box.trail({ eventName: "RotationStarted" })[0]?.errorCode).toBe("AccessDeniedException");
    expect(box.trail({ eventName: "RotationFailed" })).toHaveLength(1);
    expect(record(box, APP).rotation.lastAttempt?.error?.errorType).toBe("AccessDeniedException");
    expect(sm(box, "DescribeSecret", { SecretId: APP })["NextRotationDate"]).toBe((START_MS + 2 * DAY) / 1000);
  });
});

describe("CancelRotateSecret", () => {
  it("turns rotation off: no NextRotationDate, no more scheduled rotations", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user");
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 1 } });
    const out = sm(box, "CancelRotateSecret", { SecretId: APP });
    expect(Object.keys(out)).toEqual(["ARN", "Name"]);
    const described = sm(box, "DescribeSecret", { SecretId: APP });
    expect(described["RotationEnabled"]).toBe(false);
    expect(described["NextRotationDate"]).toBeUndefined();
    box.advanceClock(5 * DAY);
    expect(box.trail({ eventName: "RotationSucceeded" })).toHaveLength(1);
  });

  it("returns the version of an unfinished rotation, to be cleaned up", () => {
    const box = sandbox();
    const { functionArn } = rotationScenario(box, "single-user", { fault: { step: "testSecret", message: "boom" } });
    sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, ClientRequestToken: token(3) });
    expect(sm(box, "CancelRotateSecret", { SecretId: APP })["VersionId"]).toBe(token(3));
  });

  it("fails for a secret that has no rotation function", () => {
    const box = sandbox();
    rotationScenario(box, "single-user");
    expectError(() => sm(box, "CancelRotateSecret", { SecretId: APP }), "InvalidRequestException", /doesn't already have a Lambda function ARN configured/);
  });
});

it("keeps scheduled rotation in snapshots: a restored sandbox rotates on time", () => {
  const box = sandbox();
  const { functionArn } = rotationScenario(box, "single-user");
  sm(box, "RotateSecret", { SecretId: APP, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 3 } });
  const copy = sandbox();
  copy.restore(JSON.parse(JSON.stringify(box.snapshot())));
  copy.advanceClock(3 * DAY);
  expect(copy.trail({ eventName: "RotationSucceeded" })).toHaveLength(2);
  expect(databaseLogin(copy, "mydb", "appuser", String((JSON.parse(currentValue(copy, APP)) as { password: string }).password))).toBe(true);
});
