/**
 * Validates and compiles the course content, printing every problem as
 * `file:line:column: message`. `npm run build` runs it first so that broken
 * content fails the build before Next.js starts.
 *
 *   npm run check:content                  the whole course, with cross-checks
 *   npm run check:content -- FILE.mdx ...  only these section files
 *   npm run check:content -- --root DIR    a course kept elsewhere (tests use this)
 */
import { readFile } from "node:fs/promises";
import { buildCourse } from "../lib/content/course";
import { compileSection } from "../lib/content/compile-section";
import { ContentError, ContentErrors } from "../lib/content/content-error";
import { errataFileSchema } from "../lib/content/errata";
import { examPointsFileSchema } from "../lib/content/exam-points";
import { contentFiles, displayPath } from "../lib/content/paths";
import { estimateMinutes } from "../lib/content/reading-time";
import { parseYamlWithSchema } from "../lib/content/yaml-source";
import { compileLabs } from "../lib/labs/compile-lab";
import { proveLab } from "../lib/labs/prove-lab";
import { proveSandboxTasks } from "../lib/quiz/prove-tasks";

async function checkFiles(files: string[]): Promise<void> {
  const examPoints = parseYamlWithSchema(await readFile(contentFiles.examPoints, "utf8"), examPointsFileSchema, displayPath(contentFiles.examPoints));
  const errata = parseYamlWithSchema(await readFile(contentFiles.errata, "utf8"), errataFileSchema, displayPath(contentFiles.errata));
  const errors: ContentError[] = [];
  for (const file of files) {
    try {
      const compiled = await compileSection({
        file,
        source: await readFile(file, "utf8"),
        examPointIds: new Set(examPoints.map((point) => point.id)),
        errataIds: new Set(errata.corrections.map((correction) => correction.id)),
      });
      const { facts } = compiled;
      console.log(
        `ok  ${file}: ${facts.words} words, ${facts.figures.length} figures, ${facts.codeBlocks.length} code blocks, ${facts.quizzes.length} quizzes; ` +
          `reads in about ${estimateMinutes(facts)} min (frontmatter says ${compiled.frontmatter.minutes})`,
      );
    } catch (error) {
      if (error instanceof ContentErrors) errors.push(...error.errors);
      else if (error instanceof ContentError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length > 0) throw new ContentErrors(errors);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const rootFlag = args.indexOf("--root");
  const root = rootFlag === -1 ? undefined : args.splice(rootFlag, 2)[1];
  const files = args;
  const started = performance.now();
  if (files.length > 0) {
    await checkFiles(files);
    return;
  }
  const course = await buildCourse(root);
  const tasks = await proveSandboxTasks(course);
  if (tasks.errors.length > 0) throw new ContentErrors(tasks.errors);
  const labs = await compileLabs(root ? `${root}/labs` : contentFiles.labs, {
    examPointIds: new Set(course.examPoints.map((point) => point.id)),
    errataIds: new Set(course.errata.corrections.map((correction) => correction.id)),
  });
  const labErrors = (await Promise.all(labs.map(async (lab) => (await proveLab(lab)).map((problem) => new ContentError(lab.file, undefined, undefined, problem.step ? `<LabStep id="${problem.step}">: ${problem.message}` : problem.message))))).flat();
  if (labErrors.length > 0) throw new ContentErrors(labErrors);
  const sections = course.chapters.flatMap((chapter) => chapter.sections);
  console.log(
    `Content OK: ${course.chapters.length} published chapter(s), ${sections.length} sections, ` +
      `${course.examPoints.length} exam points, ${sections.reduce((n, s) => n + s.facts.quizzes.length, 0)} quiz questions, ${tasks.proved} sandbox task(s) proved, ` +
      `${labs.length} lab(s) of ${labs.reduce((n, lab) => n + lab.steps.length, 0)} steps proved, ` +
      `${course.errata.corrections.length} corrections (${Math.round(performance.now() - started)} ms)`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ContentErrors || error instanceof ContentError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
