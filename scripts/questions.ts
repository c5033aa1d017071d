/**
 * Prints the question bank built from the course's MDX.
 *
 *   npm run --silent questions                    JSON (the default)
 *   npm run --silent questions -- --format json   every question with id, type, examPoints, choices, answer, explanation, section, source
 *   npm run --silent questions -- --format gift   Moodle's GIFT format, one category per section
 *   npm run --silent questions -- --format qti --out bank.zip   an IMS QTI 2.1 content package
 *
 * A broken question stops it (and the build) with file:line:column, as the content check does.
 */
import { buildCourse } from "../lib/content/course";
import { ContentErrors } from "../lib/content/content-error";
import { questionBank } from "../lib/quiz/bank";
import { proveSandboxTasks } from "../lib/quiz/prove-tasks";
import { writeFileSync } from "node:fs";
import { toGift } from "../lib/quiz/export/gift";
import { toQtiPackage } from "../lib/quiz/export/qti";

const FORMATS = ["json", "gift", "qti"] as const;
type Format = (typeof FORMATS)[number];

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run --silent questions -- [--format ${FORMATS.join("|")}] [--out FILE] [--root DIR]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { format: Format; root?: string; out?: string } {
  const args = argv.filter((arg) => arg !== "--");
  let format: Format = "json";
  let root: string | undefined;
  let out: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const value = args[index + 1];
    if (arg === "--format") {
      if (!value) usage("--format needs a value");
      if (!(FORMATS as readonly string[]).includes(value)) usage(`unknown format "${value}"; the formats are ${FORMATS.join(", ")}`);
      format = value as Format;
      index++;
    } else if (arg === "--out") {
      if (!value) usage("--out needs a file");
      out = value;
      index++;
    } else if (arg === "--root") {
      if (!value) usage("--root needs a directory");
      root = value;
      index++;
    } else {
      usage(`unknown argument "${arg}"`);
    }
  }
  if (format === "qti" && out === undefined) usage("a QTI package is a zip file: give --out FILE.zip");
  return { format, ...(root === undefined ? {} : { root }), ...(out === undefined ? {} : { out }) };
}

async function main(): Promise<void> {
  const { format, root, out } = parseArgs(process.argv.slice(2));
  const course = await buildCourse(root);
  const tasks = await proveSandboxTasks(course);
  if (tasks.errors.length > 0) throw new ContentErrors(tasks.errors);
  const questions = questionBank(course);
  const output = format === "qti" ? toQtiPackage(questions) : format === "gift" ? toGift(questions) : `${JSON.stringify({ questions }, null, 2)}\n`;
  if (out === undefined) process.stdout.write(output);
  else {
    writeFileSync(out, output);
    process.stderr.write(`${questions.length} questions written to ${out} (${format}).\n`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ContentErrors) {
    // The same report as the content check (npm run check:content).
    process.stderr.write(`${error.message}\nNo question bank until the content is fixed.\n`);
    process.exit(1);
  }
  throw error;
});
