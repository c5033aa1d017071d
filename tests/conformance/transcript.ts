import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";

/**
 * The conformance transcripts: what the real AWS CLI v2 printed for each
 * command of a case, run against the sandbox engine behind the local
 * endpoint (lib/endpoint). The recorder (scripts/record-conformance.ts)
 * writes them; the conformance test replays them through the sandbox's own
 * CLI and shell and compares.
 */

export const CASES_DIR = fileURLToPath(new URL("./cases", import.meta.url));

/** Every case starts from a fresh engine with this seed and start time, on both sides. */
export const CONFORMANCE_SEED = 27;
export const CONFORMANCE_NOW = "2026-01-15T10:00:00Z";

export interface Outcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RecordedCommand extends Partial<Outcome> {
  /** The command line as a learner types it (run by bash on the recording side, by the sandbox shell on the replay side). */
  run: string;
  /** Why the command is there, or what to notice. */
  note?: string;
  /** The AWS operations the command called, in order (from the endpoint's request log). */
  calls?: string[];
  /** What Debian's stock CLI 2.9.19 (with its own, older service models) printed, when that differs. */
  stock?: Outcome;
  /**
   * "service-list": the output lists every service of the CLI (`aws kmss`),
   * which no recording can give as the current CLI prints it (2.9.19 lists its
   * own January 2023 services, the current CLI others); the replay compares
   * everything but that list.
   */
  versionDependent?: "service-list";
  /**
   * A sandbox builtin with no real-CLI counterpart (only `clock advance DURATION`):
   * the recorder moves the endpoint's engine clock, the replay runs the line in
   * the session; its output is the sandbox's own and is not compared.
   */
  sandbox?: true;
}

export interface ConformanceCase {
  name: string;
  description: string;
  /** The sandbox scenario the case starts from ("chapter-27" or "empty"). */
  scenario: string;
  /** "newer-cli": needs operations or members newer than Debian's CLI 2.9.19 (recorded with current models). */
  requires?: "newer-cli";
  recorded?: { cli: string; models: string; seed: number; now: string };
  commands: RecordedCommand[];
}

export function caseFiles(dir: string = CASES_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => join(dir, name));
}

export function loadCase(file: string): ConformanceCase {
  const data = parse(readFileSync(file, "utf8")) as ConformanceCase;
  if (typeof data?.name !== "string" || !Array.isArray(data.commands)) throw new Error(`${file}: not a conformance case (needs name and commands)`);
  for (const command of data.commands) {
    if (typeof command.run !== "string") throw new Error(`${file}: every command needs "run"`);
  }
  return data;
}

const HEADER =
  "# Conformance transcript: recorded with the real AWS CLI by scripts/record-conformance.ts.\n" +
  "# Edit name, description, scenario, requires and each command's run/note; then re-record\n" +
  "# (see tests/conformance/README.md). exitCode, stdout, stderr, calls and stock are written by the recorder.\n";

export function serialiseCase(data: ConformanceCase): string {
  const text = HEADER + stringify(data, { lineWidth: 0, blockQuote: "literal" });
  // The transcripts are the test's ground truth: refuse to write one that would not read back as recorded.
  const back = parse(text) as ConformanceCase;
  if (JSON.stringify(back) !== JSON.stringify(JSON.parse(JSON.stringify(data)))) throw new Error(`${data.name}: YAML round trip changed the transcript`);
  return text;
}

/** The "valid choices" listing of an argparse "Invalid choice" error, for versionDependent: service-list. */
export function maskChoices(text: string): string {
  return text.replace(/(valid choices are:\n\n)[\s\S]*?(\n\n\nInvalid choice: )/, "$1<the CLI's services>$2");
}
