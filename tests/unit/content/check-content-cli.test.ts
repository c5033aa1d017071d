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
    expect(stdout).toMatch(/^Content OK: 1 published chapter\(s\), 2 sections, 2 exam points, 1 quiz questions, 1 corrections/);
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
