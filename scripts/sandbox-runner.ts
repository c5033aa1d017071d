/**
 * The headless sandbox: runs a file of command lines in one fresh sandbox
 * session, as if typed into the terminal one after the other.
 *
 *   npm run --silent sandbox -- [--scenario NAME] [--json] [--seed N] [--now TIME] FILE
 *
 * FILE `-` reads standard input. A command spread over several lines (a
 * trailing backslash, an open quote, an unfinished if/for/while) is read on
 * until complete, as bash's `> ` prompt does. Plain output is what the
 * terminal shows: `$ command`, then its output (stdout and stderr in the
 * order written). With --json, one JSON object a command line:
 * {"command","exitCode","stdout","stderr"}. Blank lines are skipped.
 */
import { readFileSync } from "node:fs";
import { createSandbox, SCENARIOS, type ScenarioName } from "../lib/sandbox";

const USAGE = `usage: npm run --silent sandbox -- [--scenario NAME] [--json] [--seed N] [--now TIME] FILE
  FILE        the commands, one a line (- for standard input)
  --scenario  starting state: ${SCENARIOS.map((scenario) => scenario.name).join(", ")} (default chapter-27)
  --json      one JSON object a command: {"command","exitCode","stdout","stderr"}
  --seed N    seed of the sandbox's randomness (ids, keys): same seed, same output
  --now TIME  start of the simulated clock (ISO 8601), default the current time`;

interface Options {
  scenario: ScenarioName;
  json: boolean;
  seed?: number;
  now?: string;
  file: string;
}

function parseArguments(argv: string[]): Options | string {
  let scenario = "chapter-27";
  let json = false;
  let seed: number | undefined;
  let now: string | undefined;
  let file: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? "";
    const value = () => {
      const next = argv[index + 1];
      index += 1;
      return next;
    };
    if (arg === "--json") json = true;
    else if (arg === "--scenario" || arg.startsWith("--scenario=")) {
      const name = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : value();
      if (name === undefined) return "--scenario needs a name";
      scenario = name;
    } else if (arg === "--seed" || arg.startsWith("--seed=")) {
      const text = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : value();
      if (text === undefined || !/^-?\d+$/.test(text)) return "--seed needs an integer";
      seed = Number(text);
    } else if (arg === "--now" || arg.startsWith("--now=")) {
      const text = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : value();
      if (text === undefined || Number.isNaN(Date.parse(text))) return "--now needs a date and time, such as 2026-01-01T00:00:00Z";
      now = text;
    } else if (arg === "--help" || arg === "-h") return "";
    else if (arg.startsWith("--")) return `unknown option ${arg}`;
    else if (file === undefined) file = arg;
    else return `one FILE only (got ${file} and ${arg})`;
  }
  if (file === undefined) return "FILE is missing (use - for standard input)";
  if (!SCENARIOS.some((candidate) => candidate.name === scenario)) return `unknown scenario ${scenario} (${SCENARIOS.map((candidate) => candidate.name).join(", ")})`;
  return { scenario: scenario as ScenarioName, json, file, ...(seed === undefined ? {} : { seed }), ...(now === undefined ? {} : { now }) };
}

function main(): number {
  const options = parseArguments(process.argv.slice(2));
  if (typeof options === "string") {
    process.stderr.write(options === "" ? `${USAGE}\n` : `sandbox: ${options}\n${USAGE}\n`);
    return options === "" ? 0 : 2;
  }
  let text: string;
  try {
    text = readFileSync(options.file === "-" ? 0 : options.file, "utf8");
  } catch (error) {
    process.stderr.write(`sandbox: cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const session = createSandbox({ scenario: options.scenario, ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.now === undefined ? {} : { now: options.now }) });
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const out = process.stdout;
  const run = (command: string) => {
    if (options.json) {
      const result = session.runSync(command);
      out.write(JSON.stringify({ command, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }) + "\n");
      return;
    }
    out.write(command.split("\n").map((line, index) => `${index === 0 ? "$" : ">"} ${line}`).join("\n") + "\n");
    // The bytes as written (binary output intact), both streams in order, as a terminal shows them.
    const result = session.runBytes(command);
    let last: number | undefined;
    for (const chunk of result.output) {
      out.write(chunk.bytes);
      if (chunk.bytes.length > 0) last = chunk.bytes[chunk.bytes.length - 1];
    }
    if (last !== undefined && last !== 0x0a) out.write("\n");
  };
  let buffer: string | undefined;
  for (const line of lines) {
    if (buffer === undefined && line.trim() === "") continue;
    buffer = buffer === undefined ? line : `${buffer}\n${line}`;
    if (session.needsMoreInput(buffer)) continue;
    run(buffer);
    buffer = undefined;
  }
  // An unfinished command at the end of the file: bash reports it as it does at end of file.
  if (buffer !== undefined) run(buffer);
  return 0;
}

process.exitCode = main();
