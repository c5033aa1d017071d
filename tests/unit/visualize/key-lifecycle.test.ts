import { describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox";
import { checkSamples, encryptSample, keyTimeline } from "@/lib/visualize/key-lifecycle/timeline";

/**
 * The key lifecycle timeline over the real engine, checked against AWS's key
 * state rules (Key states of AWS KMS keys): DisableKey and EnableKey switch
 * between Enabled and Disabled, ScheduleKeyDeletion leads to
 * PendingDeletion, CancelKeyDeletion back to Disabled; rotation adds key
 * material, and ciphertexts of every earlier version still decrypt.
 */

const DAY = 24 * 3600 * 1000;

async function keyOfOwn() {
  const session = createSandbox({ scenario: "empty", seed: 9, now: "2026-01-01T00:00:00Z" });
  const id = (await session.run("aws kms create-key --description timeline --query KeyMetadata.KeyId --output text")).stdout.trim();
  return { session, id };
}

describe("the key lifecycle timeline", () => {
  it("replays the key's states through its lifecycle machine, at the simulated times they changed", async () => {
    const { session, id } = await keyOfOwn();
    await session.run("clock advance 1d");
    await session.run(`aws kms disable-key --key-id ${id}`);
    await session.run("clock advance 2d");
    await session.run(`aws kms enable-key --key-id ${id}`);
    await session.run(`aws kms schedule-key-deletion --key-id ${id} --pending-window-in-days 7`);
    await session.run("clock advance 3d");
    await session.run(`aws kms cancel-key-deletion --key-id ${id}`);
    // A refused call changes nothing and is not on the timeline.
    await session.run(`aws kms cancel-key-deletion --key-id ${id}`);
    const timeline = keyTimeline(session.engine, id)!;
    const start = Date.parse("2026-01-01T00:00:00Z");
    expect(timeline.historyComplete).toBe(true);
    expect(timeline.segments).toEqual([
      { from: start, to: start + 1 * DAY, state: "Enabled" },
      { from: start + 1 * DAY, to: start + 3 * DAY, state: "Disabled" },
      { from: start + 3 * DAY, to: start + 3 * DAY, state: "Enabled" },
      { from: start + 3 * DAY, to: start + 6 * DAY, state: "PendingDeletion.WithKeyMaterial" },
      { from: start + 6 * DAY, state: "Disabled" },
    ]);
    expect(timeline.events.map((event) => event.eventName)).toEqual(["CreateKey", "DisableKey", "EnableKey", "ScheduleKeyDeletion", "CancelKeyDeletion"]);
    expect(timeline.state).toBe("Disabled");
  });

  it("shows each rotation's new material version, and samples from every version still decrypt", async () => {
    const { session, id } = await keyOfOwn();
    expect(encryptSample(session.engine, session.fs, id)).toMatchObject({ ok: true, sample: { materialVersion: 1 } });
    await session.run(`aws kms enable-key-rotation --key-id ${id} --rotation-period-in-days 90`);
    await session.run("clock advance 91d");
    expect(encryptSample(session.engine, session.fs, id)).toMatchObject({ ok: true, sample: { materialVersion: 2 } });
    await session.run(`aws kms rotate-key-on-demand --key-id ${id}`);
    expect(encryptSample(session.engine, session.fs, id)).toMatchObject({ ok: true, sample: { materialVersion: 3 } });

    const timeline = keyTimeline(session.engine, id)!;
    expect(timeline.materials.map((material) => [material.version, material.rotationType ?? "original", material.current])).toEqual([
      [1, "original", false],
      [2, "AUTOMATIC", false],
      [3, "ON_DEMAND", true],
    ]);
    expect(timeline.events.filter((event) => event.materialVersion !== undefined).map((event) => [event.eventName, event.materialVersion])).toEqual([
      ["RotateKey", 2],
      ["RotateKeyOnDemand", 3],
    ]);
    const checks = checkSamples(session.engine, session.fs, id);
    expect(checks.map((check) => [check.materialVersion, check.ok])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
    expect(checks[0]!.plaintext).toBe("sample encrypted at 2026-01-01T00:00:00.000Z");
    // The CLI decrypts the same file.
    const cli = await session.run(`aws kms decrypt --ciphertext-blob fileb://${checks[0]!.file} --query Plaintext --output text | base64 --decode`);
    expect(cli.stdout).toBe("sample encrypted at 2026-01-01T00:00:00.000Z");
  });

  it("a disabled key decrypts nothing, old or new, until it is enabled again", async () => {
    const { session, id } = await keyOfOwn();
    encryptSample(session.engine, session.fs, id);
    await session.run(`aws kms disable-key --key-id ${id}`);
    expect(checkSamples(session.engine, session.fs, id)).toMatchObject([{ ok: false, failure: { code: "DisabledException" } }]);
    await session.run(`aws kms enable-key --key-id ${id}`);
    expect(checkSamples(session.engine, session.fs, id)).toMatchObject([{ ok: true }]);
  });
});
