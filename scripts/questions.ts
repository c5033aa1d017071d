/**
 * Prints the question bank built from the course's MDX.
 *
 *   npm run --silent questions                    JSON (the default)
 *   npm run --silent questions -- --format json   every question with id, type, examPoints, choices, answer, explanation, section, source
 *   npm run --silent questions -- --format gift   Moodle's GIFT format, one category per section
 *
 * A broken question stops it (and the build) with file:line:column, as the content check does.
 */
import { buildCourse } from "../lib/content/course";
import { ContentErrors } from "../lib/content/content-error";
import { questionBank } from "../lib/quiz/bank";
import { toGift } from "../lib/quiz/export/gift";

const FORMATS = ["json", "gift"] as const;
type Format = (typeof FORMATS)[number];

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run --silent questions -- [--format ${FORMATS.join("|")}] [--root DIR]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { format: Format; root?: string } {
  const args = argv.filter((arg) => arg !== "--");
  let format: Format = "json";
  let root: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const value = args[index + 1];
    if (arg === "--format") {
      if (!value) usage("--format needs a value");
      if (!(FORMATS as readonly string[]).includes(value)) usage(`unknown format "${value}"; the formats are ${FORMATS.join(", ")}`);
      format = value as Format;
      index++;
    } else if (arg === "--root") {
      if (!value) usage("--root needs a directory");
      root = value;
      index++;
    } else {
      usage(`unknown argument "${arg}"`);
    }
  }
  return { format, ...(root === undefined ? {} : { root }) };
}

async function main(): Promise<void> {
  const { format, root } = parseArgs(process.argv.slice(2));
  const questions = questionBank(await buildCourse(root));
  process.stdout.write(format === "gift" ? toGift(questions) : `${JSON.stringify({ questions }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ContentErrors) {
    for (const problem of error.errors) process.stderr.write(`${problem.message}\n`);
    process.stderr.write(`${error.errors.length} problem(s) in the content: no question bank.\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
