/**
 * Records what the real jq prints for each case of
 * tests/unit/shell/jq-recorded/cases.json into fixtures.json next to it,
 * which jq-recorded.test.ts replays through the sandbox's jq. Run it on a
 * machine with jq 1.6 (Debian's /usr/bin/jq); CI does not run it, the
 * fixtures are checked in:
 *
 *   node scripts/record-jq-fixtures.mjs [path/to/jq]
 *
 * A case is { args, input, files? }: jq runs with `args` (options and
 * filter, no shell in between) and `input` on its standard input, in an
 * empty temporary directory holding `files` (name -> text) for cases that
 * name files (--slurpfile, -f, extra operands). The environment is fixed
 * (PATH and a C.UTF-8 locale) so that only the case decides the output.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const here = new URL("../tests/unit/shell/jq-recorded/", import.meta.url).pathname;
const jq = process.argv[2] ?? "jq";
const env = { PATH: "/usr/local/bin:/usr/bin:/bin", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" };

const version = spawnSync(jq, ["--version"], { encoding: "utf8", env });
if (version.error || version.status !== 0) throw new Error(`cannot run ${jq} --version: ${version.error?.message ?? version.stderr}`);
const recordedWith = version.stdout.trim();
if (recordedWith !== "jq-1.6") console.warn(`warning: recording with ${recordedWith}; the sandbox follows jq-1.6`);

const cases = JSON.parse(readFileSync(join(here, "cases.json"), "utf8"));
const fixtures = cases.map(({ args, input, files }) => {
  const cwd = mkdtempSync(join(tmpdir(), "jq-fixture-"));
  try {
    for (const [name, text] of Object.entries(files ?? {})) writeFileSync(join(cwd, name), text);
    const result = spawnSync(jq, args, { input, cwd, env, encoding: "utf8", timeout: 10_000 });
    // EPIPE: jq stopped before reading its input (a bad option, --version), which is what it does.
    if (result.error && result.error.code !== "EPIPE") throw new Error(`jq ${JSON.stringify(args)}: ${result.error.message}`);
    return { args, input, ...(files ? { files } : {}), stdout: result.stdout, stderr: result.stderr, status: result.status };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
writeFileSync(join(here, "fixtures.json"), JSON.stringify({ recordedWith, fixtures }, null, 1) + "\n");
console.log(`recorded ${fixtures.length} cases with ${recordedWith}`);
