import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/course";
import { questionBank } from "@/lib/quiz/bank";

/**
 * The question bank is every question the course's MDX holds, each pointing
 * back at the section that teaches it and the line it is written on. What
 * the bank must contain is counted from the MDX files themselves, not from
 * the content pipeline that builds it.
 */
const run = promisify(execFile);
const CHAPTERS = path.resolve("content/chapters");
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** `<Quiz id="...">` and `<SandboxTask id="...">` as written in the MDX, file by file, in the order written. */
function quizIdsInFiles(): { file: string; id: string }[] {
  const found: { file: string; id: string }[] = [];
  for (const chapter of readdirSync(CHAPTERS)) {
    for (const name of readdirSync(path.join(CHAPTERS, chapter)).filter((file) => file.endsWith(".mdx")).sort()) {
      const file = path.join("content/chapters", chapter, name);
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/<(?:Quiz|SandboxTask)\s+[^>]*?\bid="([^"]+)"/g)) found.push({ file, id: match[1]! });
    }
  }
  return found;
}

describe("the question bank", () => {
  it("holds every <Quiz> of the course once, in reading order, pointing at its file, line and section", async () => {
    const bank = questionBank(await loadCourse());
    const written = quizIdsInFiles();
    expect(written.length).toBeGreaterThanOrEqual(200);
    expect(bank.map((question) => question.id)).toEqual(written.map((quiz) => quiz.id));
    for (const question of bank) {
      const lines = readFileSync(question.source.file, "utf8").split("\n");
      expect(lines[question.source.line - 1], `${question.id} at ${question.source.file}:${question.source.line}`).toMatch(question.type === "sandbox-task" ? /<SandboxTask/ : /<Quiz/);
      expect(lines.slice(question.source.line - 1, question.source.line + 3).join("\n")).toContain(`"${question.id}"`);
      expect(question.section.href).toBe(`/chapters/${question.section.chapter}/${question.section.slug}`);
      expect(path.basename(question.source.file)).toMatch(new RegExp(`^\\d\\d-${question.section.slug}\\.mdx$`));
      expect(question.services).toEqual([...new Set(question.examPoints.map((point) => (["kms", "secrets-manager", "parameter-store"].includes(point.split(".")[0]!) ? point.split(".")[0] : "general")))]);
    }
  });

  it("prints the bank as JSON from the command line", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/questions.ts", "--format", "json"], { maxBuffer: 16 * 1024 * 1024 });
    const { questions } = JSON.parse(stdout) as { questions: { id: string; type: string }[] };
    expect(questions.map((question) => question.id)).toEqual(quizIdsInFiles().map((quiz) => quiz.id));
    // What each type carries besides id, type, examPoints, difficulty and explanation.
    const fields: Record<string, string[]> = {
      "single-choice": ["question", "choices", "answer"],
      "multiple-response": ["question", "choices", "answers"],
      ordering: ["question", "items"],
      matching: ["question", "prompts", "options"],
      "sandbox-task": ["task", "scenario", "check", "solution", "hint"],
    };
    for (const question of questions) {
      expect(Object.keys(question)).toEqual(expect.arrayContaining(["id", "type", "examPoints", "difficulty", "explanation", "section", "source", ...(fields[question.type] ?? ["unknown type"])]));
    }
    expect(new Set(questions.map((question) => question.type))).toEqual(new Set(Object.keys(fields)));
  });

  it("refuses an unknown format with its usage, and a broken question with its file and line", async () => {
    const unknown = await run("npx", ["tsx", "scripts/questions.ts", "--format", "xml"]).catch((error: { code: number; stderr: string }) => error);
    expect(unknown).toMatchObject({ code: 2 });
    expect((unknown as { stderr: string }).stderr).toContain('unknown format "xml"; the formats are json, gift');

    const root = mkdtempSync(path.join(os.tmpdir(), "bank-"));
    temporary.push(root);
    cpSync(path.resolve("tests/fixtures/course"), root, { recursive: true });
    const section = path.join(root, "chapters/demo/01-first.mdx");
    writeFileSync(section, readFileSync(section, "utf8").replace('answer={1} explanation="KMS', 'answer={3} explanation="KMS'));
    const broken = await run("npx", ["tsx", "scripts/questions.ts", "--root", root]).catch((error: { code: number; stderr: string }) => error);
    expect(broken).toMatchObject({ code: 1 });
    expect((broken as { stderr: string }).stderr).toMatch(/01-first\.mdx:15:1: .*answer 3 is out of range: there are 3 choices \(0-based\)/);
  });
});
