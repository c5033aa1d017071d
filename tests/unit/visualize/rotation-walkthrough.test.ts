import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox";
import { advanceToScheduledRotation, describeWalkthrough, injectFailure, nextScheduledRotation, prepareWalkthrough, recoveryFor, rotateNow, scheduleRotation, SETUPS, type RotationRun } from "@/lib/visualize/rotation/walkthrough";

/**
 * The rotation walkthrough over the real engine. What each frame must show
 * comes from AWS's description of the two strategies ("Rotation strategies",
 * Secrets Manager user guide) and of the rotation steps: with a single user,
 * the database has the new password before AWSCURRENT moves to it (a window
 * where an application reading AWSCURRENT fails to log in); with
 * alternating users, AWSCURRENT's user keeps working throughout.
 */

function session() {
  const sandbox = createSandbox({ scenario: "empty", seed: 11, now: "2026-03-01T00:00:00Z" });
  prepareWalkthrough(sandbox.engine);
  return sandbox;
}

const moments = (run: RotationRun) => run.frames.map((frame) => frame.moment);
const frame = (run: RotationRun, moment: string) => run.frames.find((candidate) => candidate.moment === moment)!;

describe("the rotation walkthrough", () => {
  it("prepares a database, a master secret and one secret per strategy, once", async () => {
    const sandbox = session();
    prepareWalkthrough(sandbox.engine);
    const names = (await sandbox.run("aws secretsmanager list-secrets --query 'SecretList[].Name' --output text")).stdout.trim().split(/\s+/).sort();
    expect(names).toEqual(["walkthrough/alternating-users", "walkthrough/master", "walkthrough/single-user"]);
    expect(describeWalkthrough(sandbox.engine)).toMatchObject({ prepared: true, failure: "none" });
  });

  it("single user: between setSecret and finishSecret the application reading AWSCURRENT cannot log in", () => {
    const sandbox = session();
    const [run] = rotateNow(sandbox.engine, ["single-user"]);
    expect(run!.outcome).toBe("succeeded");
    expect(moments(run!)).toEqual(["before", "started", "createSecret", "setSecret", "testSecret", "finishSecret"]);
    const before = frame(run!, "before");
    expect(before.app.loginWorks).toBe(true);
    expect(before.versions.map((version) => version.stages)).toEqual([["AWSCURRENT"]]);

    const created = frame(run!, "createSecret");
    const pending = created.versions.find((version) => version.stages.includes("AWSPENDING"))!;
    expect(pending.password).toBeDefined();
    expect(pending.password).not.toBe(before.app.password);
    expect(created.databaseUsers).toEqual([{ username: "app_single", password: before.app.password }]);
    expect(created.app.loginWorks).toBe(true);

    const set = frame(run!, "setSecret");
    expect(set.databaseUsers).toEqual([{ username: "app_single", password: pending.password }]);
    expect(set.app.password).toBe(before.app.password);
    expect(set.app.loginWorks).toBe(false);

    const finished = frame(run!, "finishSecret");
    expect(finished.app).toMatchObject({ username: "app_single", password: pending.password, loginWorks: true });
    const labels = Object.fromEntries(finished.versions.map((version) => [version.versionId, version.stages.filter((stage) => stage !== "AWSPENDING")]));
    expect(labels[pending.versionId]).toEqual(["AWSCURRENT"]);
    expect(finished.versions.find((version) => version.password === before.app.password)?.stages).toEqual(["AWSPREVIOUS"]);
    expect(finished.log.join("\n")).toContain("finishSecret: Successfully set AWSCURRENT stage");
  });

  it("alternating users: a clone user gets the new password and AWSCURRENT keeps working throughout", () => {
    const sandbox = session();
    const [run] = rotateNow(sandbox.engine, ["alternating-users"]);
    expect(run!.outcome).toBe("succeeded");
    for (const step of run!.frames) expect(step.app.loginWorks, step.moment).toBe(true);
    const set = frame(run!, "setSecret");
    expect(set.databaseUsers.map((user) => user.username)).toEqual(["app_alt", "app_alt_clone"]);
    expect(set.app.username).toBe("app_alt");
    const finished = frame(run!, "finishSecret");
    expect(finished.app.username).toBe("app_alt_clone");
    // The next rotation goes back to the first user.
    const [second] = rotateNow(sandbox.engine, ["alternating-users"]);
    expect(frame(second!, "finishSecret").app.username).toBe("app_alt");
  });

  it("database unreachable: setSecret fails, AWS leaves AWSPENDING beside AWSCURRENT, and the recovery commands work once the cause is fixed", async () => {
    const sandbox = session();
    injectFailure(sandbox.engine, "database-unreachable");
    expect(describeWalkthrough(sandbox.engine).failure).toBe("database-unreachable");
    const [run] = rotateNow(sandbox.engine, ["single-user"]);
    expect(run!.outcome).toBe("failed");
    const failed = run!.frames.at(-1)!;
    expect(failed).toMatchObject({ moment: "setSecret", ok: false, rotationState: "incomplete", error: { type: "ValueError" } });
    expect(failed.error!.message).toMatch(/^Unable to log into database with previous, current, or pending secret of secret arn arn:aws:secretsmanager:/);
    expect(failed.app.loginWorks).toBe(true);
    expect(failed.versions.map((version) => version.stages)).toEqual([["AWSPENDING"], ["AWSCURRENT"]]);

    const [again] = rotateNow(sandbox.engine, ["single-user"]);
    expect(again!.outcome).toBe("refused");
    expect(again!.refusal).toEqual({ code: "InvalidRequestException", message: "A previous rotation isn't complete. That rotation will be reattempted." });

    injectFailure(sandbox.engine, "none");
    const pendingId = describeWalkthrough(sandbox.engine).secrets.find((secret) => secret.strategy === "single-user")!.pendingVersionId;
    const recovery = recoveryFor("database-unreachable", run!, pendingId);
    expect(recovery.commands).toHaveLength(2);
    for (const command of recovery.commands) expect((await sandbox.run(command)).exitCode, command).toBe(0);
    const current = await sandbox.run(`aws secretsmanager get-secret-value --secret-id ${SETUPS["single-user"].secretName} --query SecretString --output text`);
    expect(JSON.parse(current.stdout).password).not.toBe(frame(run!, "before").app.password);
  });

  it("no kms:Decrypt for the function's role: createSecret fails on reading AWSCURRENT and leaves an empty AWSPENDING", () => {
    const sandbox = session();
    injectFailure(sandbox.engine, "no-kms-decrypt");
    const [run] = rotateNow(sandbox.engine, ["single-user"]);
    const failed = run!.frames.at(-1)!;
    expect(failed).toMatchObject({ moment: "createSecret", ok: false, error: { type: "ClientError", message: "An error occurred (AccessDeniedException) when calling the GetSecretValue operation: Access to KMS is not allowed" } });
    const pending = failed.versions.find((version) => version.stages.includes("AWSPENDING"))!;
    expect(pending.password).toBeUndefined();
    expect(failed.app.loginWorks).toBe(true);
  });

  it("a password the database's policy rejects: setSecret fails with MySQL's error 1819 and the database keeps the old password", () => {
    const sandbox = session();
    injectFailure(sandbox.engine, "password-rejected");
    const [run] = rotateNow(sandbox.engine, ["single-user"]);
    const failed = run!.frames.at(-1)!;
    expect(failed).toMatchObject({ moment: "setSecret", ok: false, error: { type: "OperationalError", message: "(1819, 'Your password does not satisfy the current policy requirements')" } });
    expect(failed.databaseUsers[0]!.password).toBe(frame(run!, "before").app.password);
  });

  it("scheduled rotation happens when the simulated clock passes it", () => {
    const sandbox = session();
    expect(scheduleRotation(sandbox.engine, 30)).toEqual([]);
    const due = nextScheduledRotation(sandbox.engine)!;
    expect(due - sandbox.engine.now).toBe(30 * 24 * 3600 * 1000);
    const { runs } = advanceToScheduledRotation(sandbox.engine);
    expect(runs.map((run) => [run.strategy, run.outcome])).toEqual([
      ["single-user", "succeeded"],
      ["alternating-users", "succeeded"],
    ]);
  });
});
