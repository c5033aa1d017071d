import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { idempotencyTokens, recordCase } from "./live-recording";
import { caseFiles, loadCase, type Outcome } from "./transcript";

/**
 * The conformance transcripts still hold: Debian's real AWS CLI v2 (awscli,
 * which .ci/run installs) runs every case again, live, against today's
 * endpoint, and must print what was recorded (the stock CLI's own lines where
 * its January 2023 models made it print otherwise). transcripts.test.ts holds
 * the sandbox's own CLI to the same recordings, so both clients print the
 * same. Cases that need a newer CLI than Debian's are left to the recordings.
 */
const AWS = "/usr/bin/aws";
/** The service models Debian's awscli carries (for the idempotency tokens it fills in). */
const STOCK_MODELS = "/usr/lib/python3/dist-packages/awscli/botocore/data";

describe("Debian's AWS CLI v2, live against the endpoint, prints what the transcripts recorded", () => {
  it("is installed", () => {
    expect(existsSync(AWS), "apt-get install -y awscli").toBe(true);
  });

  const tokens = existsSync(STOCK_MODELS) ? idempotencyTokens(STOCK_MODELS) : new Map<string, string[]>();
  for (const file of caseFiles()) {
    const data = loadCase(file);
    if (data.requires === "newer-cli") continue;
    it(data.name, async () => {
      const recording = await recordCase(data, AWS, undefined, tokens);
      const differences: { run: string; expected: Outcome; live: Outcome }[] = [];
      data.commands.forEach((command, index) => {
        if (command.sandbox || command.versionDependent) return;
        const expected = command.stock ?? { exitCode: command.exitCode ?? 0, stdout: command.stdout ?? "", stderr: command.stderr ?? "" };
        const live = recording.outcomes[index]!;
        if (live.exitCode !== expected.exitCode || live.stdout !== expected.stdout || live.stderr !== expected.stderr) differences.push({ run: command.run, expected, live });
      });
      expect(differences).toEqual([]);
    }, 300_000);
  }
});
