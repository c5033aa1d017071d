import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILTINS } from "@/lib/sandbox/shell/jq/filter";
import { encoder, newSession } from "../helpers";

/**
 * The sandbox's jq prints what jq 1.6 prints: each case of cases.json was
 * run by the real jq (scripts/record-jq-fixtures.mjs, which a maintainer
 * runs; CI replays the checked-in fixtures.json) with its input on standard
 * input, and its stdout, stderr and exit status were recorded. Here the
 * same arguments run in a fresh sandbox session, the input redirected from
 * a file, and every builtin and option the sandbox's jq has must appear in
 * at least one case.
 */
interface Fixture {
  args: string[];
  input: string;
  files?: Record<string, string>;
  stdout: string;
  stderr: string;
  status: number;
}

const recorded = JSON.parse(readFileSync(new URL("./fixtures.json", import.meta.url), "utf8")) as { recordedWith: string; fixtures: Fixture[] };

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

describe(`the sandbox's jq matches ${recorded.recordedWith}`, () => {
  it.each(recorded.fixtures.map((fixture, index) => [`#${index} jq ${fixture.args.join(" ")}`.slice(0, 160), fixture] as const))("%s", (_, fixture) => {
    const session = newSession();
    session.fs.writeFile("/home/learner/in.json", encoder.encode(fixture.input));
    for (const [name, text] of Object.entries(fixture.files ?? {})) session.fs.writeFile(`/home/learner/${name}`, encoder.encode(text));
    const result = session.runSync(`jq ${fixture.args.map(quote).join(" ")} < in.json`);
    expect({ stdout: result.stdout, stderr: result.stderr, status: result.exitCode }).toEqual({ stdout: fixture.stdout, stderr: fixture.stderr, status: fixture.status });
  });

  it("has a recorded case for every builtin and every option the sandbox's jq has", () => {
    const filters = recorded.fixtures.flatMap((fixture) => fixture.args);
    const names = new Set([...BUILTINS.keys()].filter((key) => !key.startsWith("_")).map((key) => key.replace(/\/.*/, "")));
    const unrecorded = [...names].filter((name) => !filters.some((text) => new RegExp(`(^|[^\\w$.])${name}(?!\\w)`).test(text)));
    expect(unrecorded).toEqual([]);
    const options = ["-r", "-j", "-c", "-n", "-s", "-R", "-e", "-S", "-a", "-M", "-f", "-h", "-V", "--tab", "--indent", "--arg", "--argjson", "--slurpfile", "--rawfile", "--argfile", "--args", "--jsonargs"];
    const long = ["--from-file", "--unbuffered", "--raw-output", "--join-output", "--compact-output", "--null-input", "--slurp", "--raw-input", "--exit-status", "--sort-keys", "--ascii-output", "--monochrome-output", "--help", "--version", "--"];
    const used = (option: string) => filters.some((text) => text === option || (/^-[a-zA-Z]$/.test(option) && /^-[a-zA-Z]+$/.test(text) && text.includes(option.slice(1))));
    expect([...options, ...long].filter((option) => !used(option))).toEqual([]);
  });
});
