import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox";
import {
  appSentence,
  changedUsers,
  frameAtStep,
  lastStep,
  lastStepOf,
  lookCommands,
  momentIndex,
  MOMENTS,
  passwordNumbers,
  stepSummary,
  versionChanges,
  type Moment,
} from "@/lib/visualize/rotation/story";
import { unfinishedRotationCommands } from "@/lib/visualize/rotation/model";
import { describeWalkthrough, injectFailure, prepareWalkthrough, rotateNow, SETUPS, type InjectedFailure, type RotationFrame, type RotationRun, type Strategy } from "@/lib/visualize/rotation/walkthrough";

/**
 * How the Secret rotation pane tells a captured rotation. The runs are made
 * by the real engine (the worker-side walkthrough), so the frames are the
 * ones the pane receives; what each step must say comes from AWS's
 * description of rotation: RotateSecret adds an AWSPENDING placeholder,
 * createSecret gives it a value, setSecret changes the database, testSecret
 * changes nothing, finishSecret moves AWSCURRENT (and AWSPREVIOUS) to the
 * new version. A run that failed keeps the step it failed at as its last.
 */

const SINGLE = SETUPS["single-user"];
const ALTERNATING = SETUPS["alternating-users"];
const REFUSAL = "A previous rotation isn't complete. That rotation will be reattempted.";

function session() {
  const sandbox = createSandbox({ scenario: "empty", seed: 11, now: "2026-03-01T00:00:00Z" });
  prepareWalkthrough(sandbox.engine);
  return sandbox;
}

const byStrategy = (runs: RotationRun[], strategy: Strategy) => runs.find((run) => run.strategy === strategy)!;
const frame = (run: RotationRun, moment: Moment) => run.frames.find((candidate) => candidate.moment === moment)!;
const pendingOf = (shown: RotationFrame) => shown.versions.find((version) => version.stages.includes("AWSPENDING"))!;

/** Both strategies rotated once, with nothing going wrong. */
function succeeded() {
  const sandbox = session();
  const runs = rotateNow(sandbox.engine);
  return { sandbox, runs, single: byStrategy(runs, "single-user"), alternating: byStrategy(runs, "alternating-users") };
}

/** Both strategies rotated once with a failure injected. */
function failed(failure: InjectedFailure) {
  const sandbox = session();
  injectFailure(sandbox.engine, failure);
  const runs = rotateNow(sandbox.engine);
  return { sandbox, runs, single: byStrategy(runs, "single-user"), alternating: byStrategy(runs, "alternating-users") };
}

/** A small hand-built frame, for cases easier to state by hand. */
function handFrame(moment: Moment, overrides: Partial<RotationFrame> = {}): RotationFrame {
  return { moment, ok: true, at: 0, rotationState: "idle", versions: [], databaseUsers: [], databaseReachable: true, app: { loginWorks: false }, log: [], ...overrides };
}

function handRun(frames: RotationFrame[], outcome: RotationRun["outcome"] = "succeeded"): RotationRun {
  return { strategy: "single-user", secretName: SINGLE.secretName, secretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:walkthrough/single-user-abcdef", frames, outcome };
}

describe("the steps of a rotation", () => {
  it("are the six moments a rotation passes, in order", () => {
    expect(MOMENTS).toEqual(["before", "started", "createSecret", "setSecret", "testSecret", "finishSecret"]);
    expect(MOMENTS.map(momentIndex)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("lastStep is the furthest step a run reached: 5 when it finished, the failed step when it failed, 0 when RotateSecret was refused", () => {
    const ok = succeeded();
    expect(lastStep(ok.single)).toBe(5);
    expect(lastStep(ok.alternating)).toBe(5);

    // The database cannot be reached: setSecret (step 3) fails.
    const unreachable = failed("database-unreachable");
    expect(unreachable.single.outcome).toBe("failed");
    expect(lastStep(unreachable.single)).toBe(3);

    // No kms:Decrypt: createSecret (step 2) fails on reading AWSCURRENT.
    const noDecrypt = failed("no-kms-decrypt");
    expect(lastStep(noDecrypt.single)).toBe(2);

    // A second RotateSecret while the first is unfinished is refused before it starts.
    const refused = byStrategy(rotateNow(unreachable.sandbox.engine, ["single-user"]), "single-user");
    expect(refused.outcome).toBe("refused");
    expect(lastStep(refused)).toBe(0);

    // The stepper goes as far as the furthest run.
    expect(lastStepOf([refused, ok.single])).toBe(5);
    expect(lastStepOf([noDecrypt.single, unreachable.single])).toBe(3);
    expect(lastStepOf([refused])).toBe(0);
    expect(lastStepOf([])).toBe(0);
  });

  it("frameAtStep: a finished run shows the frame of each step, taken at that step, with the step before as previous", () => {
    const { single } = succeeded();
    MOMENTS.forEach((moment, step) => {
      const shown = frameAtStep(single, step)!;
      expect(shown.frame.moment, moment).toBe(moment);
      expect(shown.atStep, moment).toBe(true);
      expect(shown.stoppedBefore, moment).toBe(false);
      expect(shown.previous?.moment, moment).toBe(step === 0 ? undefined : MOMENTS[step - 1]);
    });
  });

  it("frameAtStep: a run that failed at setSecret shows the failed frame at setSecret and keeps showing it, stopped, at the later steps", () => {
    const { single } = failed("database-unreachable");
    const atFailure = frameAtStep(single, 3)!;
    expect(atFailure.frame).toMatchObject({ moment: "setSecret", ok: false });
    expect(atFailure.atStep).toBe(true);
    expect(atFailure.stoppedBefore).toBe(false);
    expect(atFailure.previous?.moment).toBe("createSecret");

    for (const step of [4, 5]) {
      const later = frameAtStep(single, step)!;
      expect(later.frame, `step ${step}`).toBe(atFailure.frame);
      expect(later.atStep, `step ${step}`).toBe(false);
      expect(later.stoppedBefore, `step ${step}`).toBe(true);
    }
  });

  it("frameAtStep: a refused run shows its only frame, before, and has stopped at every later step", () => {
    const { sandbox } = failed("database-unreachable");
    const refused = byStrategy(rotateNow(sandbox.engine, ["single-user"]), "single-user");
    expect(frameAtStep(refused, 0)).toMatchObject({ frame: { moment: "before" }, previous: undefined, atStep: true, stoppedBefore: false });
    for (let step = 1; step < MOMENTS.length; step++) {
      expect(frameAtStep(refused, step), `step ${step}`).toMatchObject({ frame: { moment: "before" }, atStep: false, stoppedBefore: true });
    }
  });

  it("frameAtStep: a run that skipped a moment shows the frame before it there, neither taken at that step nor stopped", () => {
    const before = handFrame("before");
    const created = handFrame("createSecret");
    const run = handRun([before, created], "refused");
    expect(frameAtStep(run, 1)).toEqual({ frame: before, previous: undefined, atStep: false, stoppedBefore: false });
    expect(frameAtStep(run, 2)).toEqual({ frame: created, previous: before, atStep: true, stoppedBefore: false });
    // A run without frames has nothing to show.
    expect(frameAtStep(handRun([]), 0)).toBeUndefined();
  });
});

describe("what changed at a step", () => {
  it("versionChanges: RotateSecret adds a version, createSecret gives it a value, setSecret and testSecret leave the secret alone, finishSecret moves labels on both versions", () => {
    const { single } = succeeded();
    const before = frame(single, "before");
    const oldId = before.versions[0]!.versionId;
    const newId = pendingOf(frame(single, "started")).versionId;
    const changes = (moment: Moment) => {
      const step = momentIndex(moment);
      return versionChanges(single.frames[step]!, single.frames[step - 1]);
    };
    expect(versionChanges(before, undefined)).toEqual(new Map());
    expect(changes("started")).toEqual(new Map([[newId, "new"]]));
    expect(changes("createSecret")).toEqual(new Map([[newId, "value"]]));
    expect(changes("setSecret")).toEqual(new Map());
    expect(changes("testSecret")).toEqual(new Map());
    expect(changes("finishSecret")).toEqual(
      new Map([
        [newId, "labels"],
        [oldId, "labels"],
      ]),
    );
  });

  it("versionChanges: at the next rotation's start, AWSPENDING leaves the current version (a label change) and a new placeholder appears", () => {
    const { sandbox, single } = succeeded();
    const currentId = pendingOf(frame(single, "finishSecret")).versionId;
    const [second] = rotateNow(sandbox.engine, ["single-user"]);
    const started = frame(second!, "started");
    const placeholderId = started.versions.find((version) => version.stages.includes("AWSPENDING"))!.versionId;
    expect(versionChanges(started, frame(second!, "before"))).toEqual(
      new Map([
        [placeholderId, "new"],
        [currentId, "labels"],
      ]),
    );
  });

  it("versionChanges: a version that got a value and moved labels in one step counts as a value change", () => {
    const previous = handFrame("testSecret", { versions: [{ versionId: "v2", stages: ["AWSPENDING"] }] });
    const shown = handFrame("finishSecret", { versions: [{ versionId: "v2", stages: ["AWSCURRENT"], username: "app_single", password: "p2" }] });
    expect(versionChanges(shown, previous)).toEqual(new Map([["v2", "value"]]));
    // The order of the labels does not matter.
    const reordered = handFrame("finishSecret", { versions: [{ versionId: "v2", stages: ["AWSCURRENT", "AWSPENDING"] }] });
    const same = handFrame("finishSecret", { versions: [{ versionId: "v2", stages: ["AWSPENDING", "AWSCURRENT"] }] });
    expect(versionChanges(same, reordered)).toEqual(new Map());
  });

  it("changedUsers: single user, only setSecret changes the user's password", () => {
    const { single } = succeeded();
    const users = (moment: Moment) => changedUsers(frame(single, moment), single.frames[momentIndex(moment) - 1]);
    expect(changedUsers(frame(single, "before"), undefined)).toEqual(new Set());
    expect(users("started")).toEqual(new Set());
    expect(users("createSecret")).toEqual(new Set());
    expect(users("setSecret")).toEqual(new Set(["app_single"]));
    expect(users("testSecret")).toEqual(new Set());
    expect(users("finishSecret")).toEqual(new Set());
  });

  it("changedUsers: alternating users, setSecret brings in the clone and leaves the user applications log in as alone", () => {
    const { alternating } = succeeded();
    const set = frame(alternating, "setSecret");
    expect(changedUsers(set, frame(alternating, "createSecret"))).toEqual(new Set([`${ALTERNATING.username}_clone`]));
    expect(changedUsers(frame(alternating, "finishSecret"), frame(alternating, "testSecret"))).toEqual(new Set());
  });
});

describe("numbered passwords and what an application gets", () => {
  it("single user: the starting password is password 1, the new one password 2; between setSecret and finishSecret the application fails to log in", () => {
    const { single } = succeeded();
    const start = frame(single, "before").app.password!;
    const fresh = pendingOf(frame(single, "createSecret")).password!;
    const numbers = passwordNumbers(single);
    expect([...numbers]).toEqual([
      [start, 1],
      [fresh, 2],
    ]);
    const say = (moment: Moment) => appSentence(frame(single, moment), numbers);
    expect(say("before")).toBe("An application reading AWSCURRENT logs in as app_single with password 1: works.");
    expect(say("createSecret")).toBe("An application reading AWSCURRENT logs in as app_single with password 1: works.");
    expect(say("setSecret")).toBe("An application reading AWSCURRENT logs in as app_single with password 1: fails.");
    expect(say("testSecret")).toBe("An application reading AWSCURRENT logs in as app_single with password 1: fails.");
    expect(say("finishSecret")).toBe("An application reading AWSCURRENT logs in as app_single with password 2: works.");
  });

  it("alternating users: after finishSecret the application logs in as the clone with password 2", () => {
    const { alternating } = succeeded();
    const numbers = passwordNumbers(alternating);
    expect([...numbers.values()]).toEqual([1, 2]);
    expect(numbers.get(frame(alternating, "before").app.password!)).toBe(1);
    expect(appSentence(frame(alternating, "setSecret"), numbers)).toBe("An application reading AWSCURRENT logs in as app_alt with password 1: works.");
    expect(appSentence(frame(alternating, "finishSecret"), numbers)).toBe("An application reading AWSCURRENT logs in as app_alt_clone with password 2: works.");
  });

  it("the oldest version's password comes first: in a second rotation AWSPREVIOUS holds password 1, AWSCURRENT password 2, and the new one is password 3", () => {
    const { sandbox, single: first } = succeeded();
    const original = frame(first, "before").app.password!;
    const current = frame(first, "finishSecret").app.password!;
    const [second] = rotateNow(sandbox.engine, ["single-user"]);
    const fresh = pendingOf(frame(second!, "createSecret")).password!;
    const numbers = passwordNumbers(second!);
    expect([...numbers]).toEqual([
      [original, 1],
      [current, 2],
      [fresh, 3],
    ]);
    expect(appSentence(frame(second!, "before"), numbers)).toBe("An application reading AWSCURRENT logs in as app_single with password 2: works.");
    expect(appSentence(frame(second!, "finishSecret"), numbers)).toBe("An application reading AWSCURRENT logs in as app_single with password 3: works.");
  });

  it("appSentence without credentials in AWSCURRENT, or with a password that has no number", () => {
    expect(appSentence(handFrame("before", { app: { loginWorks: false } }), new Map())).toBe("An application reading AWSCURRENT finds no credentials: it cannot log in.");
    expect(appSentence(handFrame("before", { app: { username: "app_single", loginWorks: false } }), new Map())).toBe("An application reading AWSCURRENT finds no credentials: it cannot log in.");
    expect(appSentence(handFrame("before", { app: { username: "app_single", password: "unnumbered", loginWorks: true } }), new Map())).toBe(
      "An application reading AWSCURRENT logs in as app_single with its password: works.",
    );
  });
});

describe("the sentence a screen reader hears at a step", () => {
  it("for rotations that finished: the step, then each strategy's application", () => {
    const { runs } = succeeded();
    expect(stepSummary(0, runs)).toBe(
      "Step 1 of 6: Before. Single user: An application reading AWSCURRENT logs in as app_single with password 1: works. Alternating users: An application reading AWSCURRENT logs in as app_alt with password 1: works.",
    );
    expect(stepSummary(1, runs)).toBe(
      "Step 2 of 6: Placeholder created. Single user: An application reading AWSCURRENT logs in as app_single with password 1: works. Alternating users: An application reading AWSCURRENT logs in as app_alt with password 1: works.",
    );
    expect(stepSummary(3, runs)).toBe(
      "Step 4 of 6: setSecret. Single user: An application reading AWSCURRENT logs in as app_single with password 1: fails. Alternating users: An application reading AWSCURRENT logs in as app_alt with password 1: works.",
    );
    expect(stepSummary(5, runs)).toBe(
      "Step 6 of 6: finishSecret. Single user: An application reading AWSCURRENT logs in as app_single with password 2: works. Alternating users: An application reading AWSCURRENT logs in as app_alt_clone with password 2: works.",
    );
  });

  it("for rotations that failed at setSecret: the failure at that step, then where they stopped", () => {
    const { runs } = failed("database-unreachable");
    expect(stepSummary(2, runs)).toBe(
      "Step 3 of 6: createSecret. Single user: An application reading AWSCURRENT logs in as app_single with password 1: works. Alternating users: An application reading AWSCURRENT logs in as app_alt with password 1: works.",
    );
    expect(stepSummary(3, runs)).toBe(
      "Step 4 of 6: setSecret. Single user: setSecret failed: ValueError. An application reading AWSCURRENT logs in as app_single with password 1: works. Alternating users: setSecret failed: ValueError. An application reading AWSCURRENT logs in as app_alt with password 1: works.",
    );
    expect(stepSummary(5, runs)).toBe("Step 6 of 6: finishSecret. Single user: the rotation stopped at setSecret. Alternating users: the rotation stopped at setSecret.");
  });

  it("for RotateSecret refused: the refusal, at every step", () => {
    const { sandbox } = failed("database-unreachable");
    const runs = rotateNow(sandbox.engine);
    expect(runs.map((run) => run.outcome)).toEqual(["refused", "refused"]);
    const refusal = `Single user: RotateSecret was refused: ${REFUSAL} Alternating users: RotateSecret was refused: ${REFUSAL}`;
    expect(stepSummary(0, runs)).toBe(`Step 1 of 6: Before. ${refusal}`);
    expect(stepSummary(4, runs)).toBe(`Step 5 of 6: testSecret. ${refusal}`);
  });
});

describe("the commands that look at a moment", () => {
  const list = (name: string) => `aws secretsmanager list-secret-version-ids --secret-id ${name}`;
  const read = (name: string, stage: string) => `aws secretsmanager get-secret-value --secret-id ${name} --version-stage ${stage} --query SecretString --output text`;
  const describeSecret = (name: string) => `aws secretsmanager describe-secret --secret-id ${name}`;
  const name = SINGLE.secretName;

  it("list the versions and read what the moment is about: AWSCURRENT before and after, AWSPENDING while it is being made and tested, both at setSecret", () => {
    const commands = (moment: Moment) => lookCommands(moment, true, name).map((look) => look.command);
    expect(commands("before")).toEqual([list(name), read(name, "AWSCURRENT")]);
    expect(commands("started")).toEqual([list(name)]);
    expect(commands("createSecret")).toEqual([read(name, "AWSPENDING"), list(name)]);
    expect(commands("setSecret")).toEqual([read(name, "AWSCURRENT"), read(name, "AWSPENDING")]);
    expect(commands("testSecret")).toEqual([read(name, "AWSPENDING"), list(name)]);
    expect(commands("finishSecret")).toEqual([list(name), read(name, "AWSCURRENT")]);
  });

  it("say what each command shows", () => {
    expect(lookCommands("setSecret", true, name)).toEqual([
      { command: read(name, "AWSCURRENT"), shows: "what applications read" },
      { command: read(name, "AWSPENDING"), shows: "the new credentials" },
    ]);
    expect(lookCommands("started", true, name)).toEqual([{ command: list(name), shows: "the versions and their staging labels" }]);
  });

  it("after a failed step: describe the secret (its rotation settings) and list its versions, whatever the step", () => {
    for (const moment of ["createSecret", "setSecret"] as const) {
      expect(lookCommands(moment, false, name), moment).toEqual([
        { command: describeSecret(name), shows: "the rotation settings and each version's labels" },
        { command: list(name), shows: "the versions and their staging labels" },
      ]);
    }
  });

  it("run in the sandbox: before a first rotation, those of 'before' work (there is no AWSPENDING to read yet)", async () => {
    const sandbox = session();
    for (const look of lookCommands("before", true, name)) expect((await sandbox.run(look.command)).exitCode, look.command).toBe(0);
    expect((await sandbox.run(read(name, "AWSPENDING"))).exitCode).not.toBe(0);
    const current = await sandbox.run(read(name, "AWSCURRENT"));
    expect(JSON.parse(current.stdout)).toMatchObject({ username: "app_single" });
  });

  it("run in the sandbox after a setSecret failure: every moment's commands work, AWSCURRENT shows what applications read and AWSPENDING the new credentials", async () => {
    const { sandbox, single } = failed("database-unreachable");
    const last = single.frames.at(-1)!;
    for (const moment of MOMENTS) {
      for (const ok of [true, false]) {
        for (const look of lookCommands(moment, ok, name)) expect((await sandbox.run(look.command)).exitCode, `${moment} ${ok}: ${look.command}`).toBe(0);
      }
    }
    expect(JSON.parse((await sandbox.run(read(name, "AWSCURRENT"))).stdout)).toMatchObject({ username: last.app.username, password: last.app.password });
    expect(JSON.parse((await sandbox.run(read(name, "AWSPENDING"))).stdout)).toMatchObject({ username: "app_single", password: pendingOf(last).password });
  });
});

describe("getting a secret out of an unfinished rotation", () => {
  it("removes AWSPENDING from the version it was left on, then rotates again", () => {
    expect(unfinishedRotationCommands(SINGLE.secretName, "0f3c")).toEqual([
      "aws secretsmanager update-secret-version-stage --secret-id walkthrough/single-user --version-stage AWSPENDING --remove-from-version-id 0f3c",
      "aws secretsmanager rotate-secret --secret-id walkthrough/single-user",
    ]);
    // Without a pending version there is nothing to remove.
    expect(unfinishedRotationCommands(SINGLE.secretName, undefined)).toEqual(["aws secretsmanager rotate-secret --secret-id walkthrough/single-user"]);
  });

  it("run in the sandbox once the cause is fixed: the rotation completes with a password neither the old nor the abandoned one", async () => {
    const { sandbox, single } = failed("database-unreachable");
    const start = frame(single, "before").app.password;
    const abandoned = pendingOf(single.frames.at(-1)!).password;
    injectFailure(sandbox.engine, "none");
    // Rotating again alone is refused while AWSPENDING stays on the unfinished version.
    const alone = await sandbox.run(`aws secretsmanager rotate-secret --secret-id ${SINGLE.secretName}`);
    expect(alone.exitCode).not.toBe(0);
    expect(alone.stderr).toContain("A previous rotation isn't complete");

    const pendingVersionId = describeWalkthrough(sandbox.engine).secrets.find((secret) => secret.strategy === "single-user")!.pendingVersionId;
    expect(pendingVersionId).toBe(pendingOf(single.frames.at(-1)!).versionId);
    for (const command of unfinishedRotationCommands(SINGLE.secretName, pendingVersionId)) expect((await sandbox.run(command)).exitCode, command).toBe(0);

    const current = JSON.parse((await sandbox.run(`aws secretsmanager get-secret-value --secret-id ${SINGLE.secretName} --query SecretString --output text`)).stdout) as { password: string };
    expect(current.password).not.toBe(start);
    expect(current.password).not.toBe(abandoned);
    expect(describeWalkthrough(sandbox.engine).secrets.find((secret) => secret.strategy === "single-user")!.pendingVersionId).toBeUndefined();
  });
});
