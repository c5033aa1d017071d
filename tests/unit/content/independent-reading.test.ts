import { isDeepStrictEqual } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCourse, type Course } from "@/lib/content/course";
import { courseData, type CourseData } from "../../e2e/course-data";

/**
 * The e2e tests read what the pages must show straight from the content files
 * (tests/e2e/course-data.ts), sharing no code with the course build. The two
 * readings must agree on every fact the pages show: when they do not, one of
 * them misreads the MDX, and the message says where.
 */
let built: Course;
let read: CourseData;
beforeAll(async () => {
  [built, read] = await Promise.all([buildCourse(), courseData()]);
});

describe("the e2e tests' own reading of the content files", () => {
  it("finds the same catalogue, exam points and corrections", () => {
    expect(read.catalogue.map((e) => [e.number, e.slug, e.title, e.status])).toEqual(built.catalogue.map((e) => [e.number, e.slug, e.title, e.status]));
    expect(read.examPoints.map((p) => [p.id, p.title, p.statement])).toEqual(built.examPoints.map((p) => [p.id, p.title, p.statement]));
    expect(read.errata.corrections.map((c) => [c.id, c.section, c.current])).toEqual(built.errata.corrections.map((c) => [c.id, c.section, c.current]));
  });

  it("finds the same sections, headings, figures, questions, tasks, diagrams and code blocks", () => {
    const differences: string[] = [];
    const compare = (label: string, mine: unknown, theirs: unknown) => {
      if (!isDeepStrictEqual(mine, theirs)) differences.push(`${label}: ${JSON.stringify(mine).slice(0, 200)} != ${JSON.stringify(theirs).slice(0, 200)}`);
    };
    /** Every prop written in the MDX, as the build parsed it (the build adds defaults the author left out). */
    const sameProps = (label: string, mine: Record<string, unknown>, theirs: object) => {
      for (const [key, value] of Object.entries(mine)) compare(`${label}.${key}`, value, (theirs as Record<string, unknown>)[key]);
    };
    expect(read.chapters.map((chapter) => chapter.slug)).toEqual(built.chapters.map((chapter) => chapter.slug));
    for (const [c, chapter] of built.chapters.entries()) {
      expect(read.chapters[c]!.sections).toHaveLength(chapter.sections.length);
      for (const [s, section] of chapter.sections.entries()) {
        const mine = read.chapters[c]!.sections[s]!;
        compare(`${section.file} page`, [mine.slug, mine.href, mine.title, mine.examPoints], [section.slug, section.href, section.title, section.examPoints]);
        compare(`${section.file} headings`, mine.facts.headings, section.facts.headings.map(({ depth, id, text }) => ({ depth, id, text })));
        compare(`${section.file} figures`, mine.facts.figures.length, section.facts.figures.length);
        compare(`${section.file} questions`, mine.facts.quizzes.map((q) => [q.props.id, q.folded]), section.facts.quizzes.map((q) => [q.props.id, q.folded]));
        for (const [q, quiz] of section.facts.quizzes.entries()) if (mine.facts.quizzes[q]) sameProps(quiz.props.id, mine.facts.quizzes[q]!.props, quiz.props);
        compare(`${section.file} tasks`, mine.facts.sandboxTasks.length, section.facts.sandboxTasks.length);
        for (const [t, task] of section.facts.sandboxTasks.entries()) if (mine.facts.sandboxTasks[t]) sameProps(task.props.id, mine.facts.sandboxTasks[t]!.props, task.props);
        compare(`${section.file} decision trees`, mine.facts.decisionTrees.map((tree) => tree.root), section.facts.decisionTrees.map((tree) => tree.root));
        compare(`${section.file} service matrices`, mine.facts.serviceMatrices.map((matrix) => matrix.props), section.facts.serviceMatrices.map((matrix) => matrix.props));
        compare(`${section.file} code blocks`, mine.facts.codeBlocks.map((block) => block.code), section.facts.codeBlocks.map((block) => block.code));
        compare(`${section.file} command blocks`, mine.facts.commandBlocks.length, section.facts.commandBlocks.length);
      }
    }
    expect(differences).toEqual([]);
  });
});
