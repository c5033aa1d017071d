import { readFileSync } from "node:fs";
import { parse, parseDocument } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCourse, type Chapter, type Course } from "@/lib/content/course";

/** Chapter 27 as published: the specification its content must meet. */
let course: Course;
let chapter: Chapter;

beforeAll(async () => {
  course = await buildCourse();
  const found = course.chapters.find((candidate) => candidate.number === 27);
  if (!found) throw new Error("chapter 27 is not published");
  chapter = found;
});

const normalise = (command: string) => command.replace(/\s+/g, " ").trim();

describe("Chapter 27", () => {
  it("follows the seed's ten sections in order, with the second edition's KMS in depth after KMS", () => {
    expect(chapter.sections.map((section) => section.slug)).toEqual([
      "overview",
      "kms",
      "kms-in-depth",
      "secrets-manager",
      "parameter-store",
      "choosing-a-service",
      "integrations",
      "best-practices",
      "troubleshooting",
      "exam-tips",
      "summary",
    ]);
  });

  it("prints every aws command of the seed verbatim", () => {
    const seedCommands = readFileSync("tests/fixtures/seed-aws-commands.txt", "utf8")
      .split("\n")
      .filter((line) => line.trim() && !line.startsWith("#"));
    expect(seedCommands).toHaveLength(24);
    const printed = new Set(chapter.sections.flatMap((section) => section.facts.commandBlocks.flatMap((block) => block.awsCommands.map(normalise))));
    const missing = seedCommands.filter((command) => !printed.has(normalise(command)));
    expect(missing).toEqual([]);
  });

  it("prints JSON and YAML a learner can paste: every json and yaml block parses", () => {
    const problems: string[] = [];
    for (const section of chapter.sections) {
      for (const block of section.facts.codeBlocks) {
        try {
          if (block.lang === "json") JSON.parse(block.code);
          // Syntax errors only: CloudFormation's short-form tags (!Ref, !Sub) are unknown to a plain YAML parser, which only warns.
          if (block.lang === "yaml") for (const error of parseDocument(block.code).errors) problems.push(`${section.file}:${block.line}: ${error.message}`);
        } catch (error) {
          problems.push(`${section.file}:${block.line}: ${(error as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("turns every box diagram and table of the seed into a figure, table or code", () => {
    const mapping = parse(readFileSync("tests/fixtures/seed-diagrams.yaml", "utf8")) as {
      seed: string;
      section: string;
      figure?: string;
      table?: string;
      code?: string[];
    }[];
    expect(mapping).toHaveLength(22);
    const problems: string[] = [];
    for (const entry of mapping) {
      const section = chapter.sections.find((candidate) => candidate.slug === entry.section);
      if (!section) {
        problems.push(`${entry.seed}: no section ${entry.section}`);
        continue;
      }
      if (entry.figure && !section.facts.figures.some((figure) => figure.caption === entry.figure)) problems.push(`${entry.seed}: no figure "${entry.figure}"`);
      if (entry.table && !section.facts.tables.some((table) => table.caption === entry.table)) problems.push(`${entry.seed}: no table "${entry.table}"`);
      for (const line of entry.code ?? []) {
        if (!section.facts.codeBlocks.some((block) => block.code.includes(line))) problems.push(`${entry.seed}: no code containing ${line}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("teaches every exam point, and the seed's ten exam tips are all exam points", () => {
    const taught = new Set(chapter.sections.flatMap((section) => section.examPoints));
    expect(course.examPoints.filter((point) => !taught.has(point.id)).map((point) => point.id)).toEqual([]);
    expect(course.examPoints.flatMap((point) => (point.seedTip ? [point.seedTip] : [])).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const tips = chapter.sections.find((section) => section.slug === "exam-tips");
    expect(tips?.facts.markers.map((marker) => course.examPoints.find((point) => point.id === marker.id)?.seedTip)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("checks what it teaches: every section but the summary has questions, and every quiz names real exam points", () => {
    for (const section of chapter.sections) expect(section.facts.quizzes.length, section.slug).toBeGreaterThanOrEqual(2);
    const ids = new Set(course.examPoints.map((point) => point.id));
    for (const quiz of chapter.sections.flatMap((section) => section.facts.quizzes)) {
      for (const id of quiz.props.examPoints) expect(ids.has(id), `${quiz.props.id} -> ${id}`).toBe(true);
    }
  });

  it("shows each correction in its section and teaches the current facts the seed got wrong", () => {
    const text = (slug: string) => chapter.sections.find((section) => section.slug === slug)?.code ?? "";
    for (const correction of course.errata.corrections) {
      const section = chapter.sections.find((candidate) => candidate.slug === correction.section);
      expect(section?.facts.corrections.map((use) => use.id), correction.id).toContain(correction.id);
    }
    const rotation = course.examPoints.find((point) => point.id === "kms.aws-managed-key-rotation");
    expect(rotation?.statement).toMatch(/every year/);
    expect(text("overview")).toMatch(/64 KB|65,536/);
    expect(text("parameter-store")).toMatch(/100 versions|latest 100|100 most recent/);
  });

  it("links the neighbouring chapters as planned, never as pages", () => {
    const numbers = course.catalogue.map((entry) => [entry.number, entry.status]);
    expect(numbers).toEqual([
      [26, "planned"],
      [27, "published"],
      [28, "planned"],
    ]);
  });
});
