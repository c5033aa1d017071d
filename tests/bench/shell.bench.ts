/**
 * Shell benchmark (issue 7): the one-line commands that froze the sandbox
 * for over 20 s before pattern matching ran in linear time, each through a
 * real session (`session.runSync`), with its median and worst time over
 * several runs; what the CPU-time checks cost a busy loop; how long the
 * budget takes to stop a loop of `aws` calls; and the deepest tree the
 * files allow, made and saved.
 *
 * Also lines over large inputs (20,000 JSON items through jq, 200,000 lines
 * through wc and sort, diff -u of 10,000-line files, --query over 1,000
 * parameters).
 *
 * Targets: every pathological line under 100 ms; every large-input line
 * under 1 s; the checks cost a
 * 10,000-turn loop under 25 %; a 250 ms budget stops the aws loop within
 * 350 ms; the deepest tree saves and loads in under 2 s.
 *
 * Run by `npm run bench -- shell` (node --import tsx). Prints one JSON object.
 */
import { createSandbox } from "../../lib/sandbox/create-sandbox";
import type { SandboxSession } from "../../lib/sandbox/session";

function session(): SandboxSession {
  return createSandbox({ scenario: "chapter-27", seed: 1, now: "2026-01-01T00:00:00Z" });
}

interface Timing {
  label: string;
  medianMs: number;
  maxMs: number;
  exitCode: number;
  stdout: string;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Runs `line` (after `setup`) in a fresh session `runs` times; the setup is not timed. */
function time(label: string, setup: string, line: string, runs = 7): Timing {
  const samples: number[] = [];
  let last = { exitCode: 0, stdout: "" };
  for (let run = 0; run < runs; run++) {
    const sandbox = session();
    sandbox.runSync(setup);
    const started = performance.now();
    last = sandbox.runSync(line);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { label, medianMs: round(samples[Math.floor(samples.length / 2)] ?? 0), maxMs: round(samples[samples.length - 1] ?? 0), exitCode: last.exitCode, stdout: last.stdout.trim().slice(0, 40) };
}

const A3000 = "x=$(printf 'a%.0s' {1..3000})";
const LINE30 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaab";
const STARS = "*a".repeat(30) + "*c";
const pathological = [
  time("${x//a/b} on a 3,000-character value", A3000, "y=${x//a/b}; echo ${#y}"),
  time("${x//a*a/b} (a pattern with a *) on a 3,000-character value", A3000, "y=${x//a*a/b}; echo ${#y}"),
  time("${x%%*a*a*a*a*b} on a 3,000-character value", A3000, "echo ${#x} ${x%%*a*a*a*a*b}"),
  time(`[[ $x == ${STARS.slice(0, 20)}... ]] (31 *) on a 3,000-character value`, A3000, `[[ $x == ${STARS} ]]; echo $?`),
  time("case with 31 * on a 3,000-character value", A3000, `case $x in ${STARS}) echo yes;; *) echo no;; esac`),
  time("grep -E '^(a+)+$' on a 30-character line", "", `echo ${LINE30} | grep -E '^(a+)+$'; echo $?`),
  time("grep -cE '(a|aa)+$' on 10,000 such lines", `for i in $(seq 2000); do echo ${LINE30}; done > lines.txt; cat lines.txt lines.txt lines.txt lines.txt lines.txt > many.txt`, "grep -cE '(a|aa)+$' many.txt"),
  time("[[ =~ ^(a+)+$ ]] on a 30-character string", "", `re='^(a+)+$'; [[ ${LINE30} =~ $re ]]; echo $?`),
  time("jq test(\"^(a+)+$\") on a 30-character string", "", `jq -n '"${LINE30}" | test("^(a+)+$")'`),
  time("jq gsub on a 3,000-character string", A3000, `jq -n --arg x "$x" '$x | gsub("a"; "b") | length'`),
  time("echo * over 2,000 files", "touch f{1..2000}.txt", "echo f*0.txt | wc -w"),
];

// Large inputs a learner's script may feed the tools (issue 13): jq, wc and sort, diff, and --query over a long list.
const BIG_JSON = `jq -n -c '{Contents: [range(20000) | {Key: "k\\(.)", Size: ., Tags: [{Key: "n", Value: (. % 7 | tostring)}]}]}' > big.json`;
const PARAMETERS = "for i in $(seq 1000); do aws ssm put-parameter --name /bench/p$i --value v$i --type String > /dev/null; done";
const largeInputs = [
  time("jq select, from_entries, group_by and paths over 20,000 items", BIG_JSON, `jq -c '[.Contents[] | select(.Size % 2 == 0) | {k: .Key, t: (.Tags | from_entries | .n)}] | group_by(.t) | map(length), ([paths] | length)' big.json`, 5),
  time("wc and sort -n on a 200,000-line file", "seq 1 200000 > big.txt", "wc -l big.txt && sort -rn big.txt | head -1", 5),
  time("diff -u of two 10,000-line files, 100 lines apart", "seq 1 10000 > a.txt; grep -v '00$' a.txt > b.txt", "diff -u a.txt b.txt | wc -l", 5),
  time("--query sort_by over 1,000 parameters (100 pages of 10)", PARAMETERS, "aws ssm get-parameters-by-path --path /bench --query 'sort_by(Parameters, &Name)[-1].Name' --output json", 5),
];

// What the checks cost: a loop with nothing else in it, with and without a budget.
function loopMs(budgetMs: number | undefined): number {
  const sandbox = session();
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    sandbox.runSync("i=0; while [ $i -lt 9999 ]; do i=$((i+1)); done", budgetMs === undefined ? {} : { budgetMs });
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[2] ?? 0;
}
const loopWithout = loopMs(undefined);
const loopWith = loopMs(60_000);
const overhead = round(((loopWith - loopWithout) / loopWithout) * 100);

// A 10,000-turn loop of aws calls, whole and with a 250 ms budget.
const AWS_LOOP = "for i in $(seq 10000); do aws sts get-caller-identity --query Account --output text; done > /dev/null";
const awsWholeStarted = performance.now();
const awsWhole = session().runSync(AWS_LOOP);
const awsWholeMs = round(performance.now() - awsWholeStarted);
const awsSandbox = session();
const awsStarted = performance.now();
const aws = awsSandbox.runSync(AWS_LOOP, { budgetMs: 250 });
const awsStopMs = round(performance.now() - awsStarted);
const awsStatus = aws.exitCode;

// The deepest tree the files allow, made by a loop, saved and loaded.
const deep = session();
const deepStarted = performance.now();
const deepRun = deep.runSync("for i in $(seq 8000); do mkdir a && cd a || break; done 2>/dev/null; echo $i");
const deepMakeMs = round(performance.now() - deepStarted);
const saveStarted = performance.now();
const json = JSON.stringify(deep.snapshot());
const saveMs = round(performance.now() - saveStarted);
const loadStarted = performance.now();
session().restore(JSON.parse(json));
const loadMs = round(performance.now() - loadStarted);

const slowest = pathological.reduce((worst, timing) => Math.max(worst, timing.maxMs), 0);
const slowestLarge = largeInputs.reduce((worst, timing) => Math.max(worst, timing.maxMs), 0);
console.log(
  JSON.stringify({
    pathological,
    largeInputs,
    budget: { loopWithoutMs: round(loopWithout), loopWithMs: round(loopWith), overheadPercent: overhead, awsLoopWholeMs: awsWholeMs, awsLoopWholeStatus: awsWhole.exitCode, awsLoopStoppedAfterMs: awsStopMs, awsLoopStoppedStatus: awsStatus },
    deepTree: { levels: Number(deepRun.stdout.trim()), makeMs: deepMakeMs, snapshotBytes: json.length, saveMs, loadMs },
    targets: [
      { name: "every pathological line under 100 ms (worst run)", value: `${slowest} ms`, met: slowest < 100 },
      { name: "every large-input line under 1 s (worst run)", value: `${slowestLarge} ms`, met: slowestLarge < 1000 },
      { name: "CPU-time checks cost a 10,000-turn loop under 25 %", value: `${overhead} %`, met: overhead < 25 },
      { name: "a 250 ms budget stops 10,000 aws calls within 350 ms, status 152", value: `${awsStopMs} ms, status ${awsStatus}`, met: awsStopMs < 350 && awsStatus === 152 },
      { name: "the deepest tree (PATH_MAX) saves and loads in under 2 s", value: `${round(saveMs + loadMs)} ms`, met: saveMs + loadMs < 2000 },
    ],
  }),
);
