import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = mkdtempSync(path.join(os.tmpdir(), "broken-course-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The first step of `npm run build`: broken content must stop the build with file and line. */
describe("npm run check:content", () => {
  it("passes a valid course and prints what it checked", async () => {
    const { stdout } = await run("node_modules/.bin/tsx", ["scripts/check-content.ts", "--root", "tests/fixtures/course"]);
    expect(stdout).toMatch(/^Content OK: 1 published chapter\(s\), 2 sections, 2 exam points, 1 quiz questions, 1 sandbox task\(s\) proved, 1 lab\(s\) of 2 steps proved, 1 corrections/);
  });

  it("fails a lab whose step is done before the learner acts, naming the step", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lab-course-"));
    try {
      cpSync("tests/fixtures/course", dir, { recursive: true });
      const file = path.join(dir, "labs/demo-lab.mdx");
      writeFileSync(file, readFileSync(file, "utf8").replace('check="aws kms describe-key --key-id alias/demo-key"', 'check="aws kms list-keys"'));
      const failure = await run("node_modules/.bin/tsx", ["scripts/check-content.ts", "--root", dir]).catch((error: { code: number; stderr: string }) => error);
      expect(failure).toMatchObject({ code: 1 });
      expect((failure as { stderr: string }).stderr).toContain('demo-lab.mdx: <LabStep id="alias">: its check passes on the fresh "empty" scenario, before the learner does anything');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails a sandbox task that passes before the learner acts, or whose solution cannot make it pass, at its file and line", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "task-course-"));
    try {
      cpSync("tests/fixtures/course", dir, { recursive: true });
      const file = path.join(dir, "chapters/demo/01-first.mdx");
      const source = readFileSync(file, "utf8");
      const line = source.split("\n").findIndex((text) => text.startsWith("<SandboxTask")) + 1;
      // A check that is true anywhere passes with nothing done.
      writeFileSync(file, source.replace('check="aws kms describe-key --key-id alias/demo-key --query KeyMetadata.KeyId --output text"', 'check="aws kms list-aliases --query Aliases --output text"'));
      const free = await run("node_modules/.bin/tsx", ["scripts/check-content.ts", "--root", dir]).catch((error: { code: number; stderr: string }) => error);
      expect(free).toMatchObject({ code: 1 });
      expect((free as { stderr: string }).stderr).toContain(`01-first.mdx:${line}:1: <SandboxTask id="demo-alias">: its check passes on the fresh "chapter-27" scenario, before the learner does anything`);
      // A solution that makes another alias never satisfies the check.
      writeFileSync(file, source.replace("--alias-name alias/demo-key --target-key-id", "--alias-name alias/other-key --target-key-id"));
      const impossible = await run("node_modules/.bin/tsx", ["scripts/check-content.ts", "--root", dir]).catch((error: { code: number; stderr: string }) => error);
      expect(impossible).toMatchObject({ code: 1 });
      expect((impossible as { stderr: string }).stderr).toMatch(new RegExp(`01-first\\.mdx:${line}:1: <SandboxTask id="demo-alias">: its check does not pass after the solution \\(exit 2`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails with the file and line of an unknown exam point", async () => {
    cpSync("tests/fixtures/course", root, { recursive: true });
    const file = path.join(root, "chapters/demo/02-second.mdx");
    writeFileSync(file, readFileSync(file, "utf8").replace('<ExamPoint id="kms.key-types" />', '<ExamPoint id="kms.key-typos" />'));
    const failure = await run("node_modules/.bin/tsx", ["scripts/check-content.ts", "--root", root]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/02-second\.mdx:11:18: unknown exam point "kms\.key-typos" \(not in content\/exam-points\.yaml\)/);
  });
});
