import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { startEndpoint } from "@/lib/endpoint";
import { createEngine } from "@/lib/sandbox";
import { runAwsCli } from "@/lib/sandbox/cli";
import { MemoryFileSystem } from "@/lib/sandbox/vfs/memory";
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

describe("STS's query protocol: Debian's AWS CLI v2 against the endpoint prints what the sandbox's own CLI prints", () => {
  // Two engines made alike, one behind the endpoint for the real CLI and one for the sandbox's CLI:
  // the same seed draws the same credentials.
  const engine = () => {
    const made = createEngine({ seed: 5, now: "2026-02-01T09:00:00.250Z" });
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: ["sts:AssumeRole", "sts:TagSession"] }] };
    made.putRole("123456789012", "app-role", { trustedService: "ec2.amazonaws.com", trustPolicy: trust, policies: {} });
    return made;
  };
  const env: NodeJS.ProcessEnv = { NODE_ENV: "test", PATH: "/usr/bin:/bin", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_DEFAULT_REGION: "us-east-1", AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null", AWS_PAGER: "" };
  const cases: [string, string[]][] = [
    ["assume-role with a duration (a form number) and its Expiration (an XML timestamp)", ["sts", "assume-role", "--role-arn", "arn:aws:iam::123456789012:role/app-role", "--role-session-name", "s1", "--duration-seconds", "900"]],
    ["assume-role with session tags and managed policy ARNs (flattened list fields)", ["sts", "assume-role", "--role-arn", "arn:aws:iam::123456789012:role/app-role", "--role-session-name", "s2", "--tags", "Key=team,Value=a", "Key=env,Value=dev", "--policy-arns", "arn=arn:aws:iam::aws:policy/ReadOnlyAccess", "--output", "text"]],
    ["an assume-role denied (AccessDenied)", ["sts", "assume-role", "--role-arn", "arn:aws:iam::123456789012:role/nobody", "--role-session-name", "s3"]],
    ["an assume-role refused for a too-short duration (ValidationError)", ["sts", "assume-role", "--role-arn", "arn:aws:iam::123456789012:role/app-role", "--role-session-name", "s4", "--duration-seconds", "60"]],
  ];
  for (const [name, argv] of cases) {
    it(name, async () => {
      const endpoint = await startEndpoint({ engine: engine() });
      try {
        const live = await promisify(execFile)(AWS, ["--endpoint-url", endpoint.url, ...argv], { env }).then(
          (done) => ({ exitCode: 0, stdout: done.stdout, stderr: done.stderr }),
          (error: { code?: number; stdout?: string; stderr?: string }) => ({ exitCode: error.code, stdout: error.stdout, stderr: error.stderr }),
        );
        const own = runAwsCli(argv, { engine: engine(), fs: new MemoryFileSystem(), env: { AWS_DEFAULT_REGION: "us-east-1" }, stdin: new Uint8Array() });
        const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
        expect({ exitCode: own.exitCode, stdout: decode(own.stdout), stderr: decode(own.stderr) }).toEqual(live);
      } finally {
        await endpoint.close();
      }
    }, 60_000);
  }
});
