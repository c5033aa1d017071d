/**
 * Headless runner throughput (issue 4): a 1,000-line script of
 * `aws kms describe-key` commands through `npm run sandbox`, end to end
 * (process start, TypeScript loading, the chapter-27 scenario, every line
 * through the shell and the CLI). Reported as commands per second of the
 * whole run and of the commands alone (the runner's start measured with an
 * empty script and subtracted). Target: at least 2,000 DescribeKey commands
 * per second.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const LINES = 1000;
const RUNS = 3;

function timeRunner(file) {
  const started = performance.now();
  const output = execFileSync("node_modules/.bin/tsx", ["scripts/sandbox-runner.ts", "--json", "--seed", "1", "--now", "2026-11-28T00:00:00Z", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - started, output };
}

export function benchRunner() {
  const directory = mkdtempSync(path.join(os.tmpdir(), "runner-bench-"));
  try {
    const script = path.join(directory, "describe.sh");
    const empty = path.join(directory, "empty.sh");
    writeFileSync(script, Array.from({ length: LINES }, () => "aws kms describe-key --key-id 1234abcd-12ab-34cd-56ef-1234567890ab").join("\n") + "\n");
    writeFileSync(empty, "\n");
    const totals = [];
    const starts = [];
    for (let run = 0; run < RUNS; run++) {
      const { ms, output } = timeRunner(script);
      const results = output.trim().split("\n").map((line) => JSON.parse(line));
      if (results.length !== LINES || results.some((result) => result.exitCode !== 0)) throw new Error("the runner did not run every describe-key successfully");
      totals.push(ms);
      starts.push(timeRunner(empty).ms);
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const totalMs = median(totals);
    const startMs = median(starts);
    const commandsPerSecond = Math.round(LINES / ((totalMs - startMs) / 1000));
    return {
      lines: LINES,
      wholeRunMs: Math.round(totalMs),
      startupMs: Math.round(startMs),
      wholeRunCommandsPerSecond: Math.round(LINES / (totalMs / 1000)),
      commandsPerSecond,
      targets: [{ name: "headless runner: at least 2,000 DescribeKey commands per second", value: `${commandsPerSecond.toLocaleString("en-US")}/s`, met: commandsPerSecond >= 2000 }],
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(benchRunner(), null, 2));
