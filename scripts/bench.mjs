/**
 * `npm run bench`: runs the benchmarks in tests/bench, prints a Markdown
 * report (the figures the README quotes) and saves the raw results in
 * bench-results/. Exits non-zero when a target is missed.
 *
 *   npm run bench              everything
 *   npm run bench -- engine    the sandbox engine only (fast)
 *   npm run bench -- labs      the server's replay of a lab's command log
 *   npm run bench -- classes   the class dashboard of a 200-student class (needs a build)
 *   npm run bench -- shell     the shell: pathological patterns, the CPU-time budget, the deepest tree (fast)
 *   npm run bench -- site      build, bundle sizes and Lighthouse only
 *   npm run bench -- terminal  command-to-output latency of the browser terminal
 *   npm run bench -- runner    commands per second through the headless runner
 *   npm run bench -- quiz      grading and submitting a 65-question practice exam on the server
 *   npm run bench -- workspace "Run in sandbox" to a ready prompt, frame gaps, visualiser steps (beside a baseline build)
 *   npm run bench -- authoring saving a section to seeing it on reload in `next dev`
 *   npm run bench -- endpoint  the AWS SDK v3 against the local endpoint over loopback, beside in-process calls
 *   npm run bench -- accounts  answer submissions at 100 connections and the dashboard, on SQLite and PostgreSQL (needs a build)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { authoringReport, benchAuthoring } from "../tests/bench/authoring.bench.mjs";
import { benchRunner } from "../tests/bench/runner.bench.mjs";
import { benchSite, siteReport } from "../tests/bench/site.bench.mjs";
import { benchTerminal, terminalReport } from "../tests/bench/terminal-latency.mjs";
import { benchWorkspace, workspaceReport } from "../tests/bench/workspace.bench.mjs";

/** Runs one benchmark script under tsx and returns the JSON it prints on its last line. */
function runBenchScript(file, nodeFlags = []) {
  const output = execFileSync(process.execPath, [...nodeFlags, "--import", "tsx", file], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(output.trim().split("\n").at(-1));
}

const which = new Set(process.argv.slice(2).filter((arg) => arg !== "--"));
const runAll = which.size === 0;
const started = new Date();
const results = { date: started.toISOString(), machine: `${os.cpus().length} cores, Node ${process.version}` };
const report = [];
const targets = [];

if (runAll || which.has("engine")) {
  console.log("▸ Sandbox engine");
  const engine = runBenchScript("tests/bench/engine.bench.ts", ["--expose-gc"]);
  results.engine = engine;
  targets.push(...engine.targets);
  report.push(
    "### Sandbox engine",
    "",
    "| operation | ops/s | mean | p95 |",
    "|---|---|---|---|",
    ...engine.operations.map((op) => `| ${op.label} | ${op.opsPerSecond.toLocaleString("en-US")} | ${op.meanMs} ms | ${op.p95Ms} ms |`),
    "",
    `Engine Encrypt (4 KB) costs ${engine.encryptVersusBareCipher}x a bare @noble/ciphers AES-256-GCM call of the same size.`,
    `A Decrypt allowed only by a grant (the key carrying 101 grants) costs ${engine.grantDecryptVersusPolicy}x one the key policy allows.`,
    `Heap: 1,000 keys ${engine.heap.keys1000MB} MB; 10,000 parameters ${engine.heap.parameters10000MB} MB (after GC: ${engine.heap.measuredAfterGc}).`,
    "",
  );
}

if (runAll || which.has("shell")) {
  console.log("▸ Shell");
  const shell = runBenchScript("tests/bench/shell.bench.ts");
  results.shell = shell;
  targets.push(...shell.targets);
  report.push(
    "### Shell",
    "",
    "One-line commands that used to freeze the sandbox for over 20 s, through a session (7 runs each):",
    "",
    "| command line | median | worst |",
    "|---|---|---|",
    ...shell.pathological.map((timing) => `| ${timing.label.replace(/\|/g, "\\|")} | ${timing.medianMs} ms | ${timing.maxMs} ms |`),
    "",
    "Lines over large inputs (5 runs each):",
    "",
    "| command line | median | worst |",
    "|---|---|---|",
    ...shell.largeInputs.map((timing) => `| ${timing.label.replace(/\|/g, "\\|")} | ${timing.medianMs} ms | ${timing.maxMs} ms |`),
    "",
    `CPU-time checks: a 10,000-turn loop takes ${shell.budget.loopWithMs} ms with a budget, ${shell.budget.loopWithoutMs} ms without (${shell.budget.overheadPercent} %).`,
    `10,000 \`aws sts get-caller-identity\` calls take ${shell.budget.awsLoopWholeMs} ms; with a 250 ms budget the loop stops after ${shell.budget.awsLoopStoppedAfterMs} ms (status ${shell.budget.awsLoopStoppedStatus}).`,
    `The deepest tree the files allow (${shell.deepTree.levels} levels, PATH_MAX): made in ${shell.deepTree.makeMs} ms; its snapshot (${(shell.deepTree.snapshotBytes / 1e6).toFixed(1)} MB of JSON) saves in ${shell.deepTree.saveMs} ms and loads in ${shell.deepTree.loadMs} ms.`,
    "",
  );
}

if (runAll || which.has("endpoint")) {
  console.log("▸ Local endpoint (AWS SDK v3)");
  const bench = runBenchScript("tests/bench/endpoint.bench.ts");
  results.endpoint = bench;
  targets.push(...bench.targets);
  const row = (label, measure) => [
    `| ${label}, SDK over loopback, one at a time | ${measure.sdk.requestsPerSecond.toLocaleString("en-US")} | ${measure.sdk.p50Ms} ms | ${measure.sdk.p99Ms} ms |`,
    `| ${label}, SDK over loopback, ${bench.concurrency} at a time | ${measure.sdkConcurrent.toLocaleString("en-US")} | | |`,
    `| ${label}, SDK over loopback, one at a time, with --request-quotas aws | ${measure.sdkWithQuotas.requestsPerSecond.toLocaleString("en-US")} | ${measure.sdkWithQuotas.p50Ms} ms | ${measure.sdkWithQuotas.p99Ms} ms |`,
    `| ${label}, in process (engine.call) | ${measure.inProcess.requestsPerSecond.toLocaleString("en-US")} | ${measure.inProcess.p50Ms} ms | ${measure.inProcess.p99Ms} ms |`,
  ];
  report.push(
    "### Local endpoint",
    "",
    `${bench.calls.toLocaleString("en-US")} calls each (after 200 to warm up), the endpoint in the benchmark's process:`,
    "",
    "| call | requests/s | p50 | p99 |",
    "|---|---|---|---|",
    ...row("KMS Encrypt (64 bytes)", bench.encrypt),
    ...row("SSM GetParameter", bench.getParameter),
    "",
  );
}

if (runAll || which.has("runner")) {
  console.log("▸ Headless runner");
  const runner = benchRunner();
  results.runner = runner;
  targets.push(...runner.targets);
  report.push(
    "### Headless runner",
    "",
    `A ${runner.lines.toLocaleString("en-US")}-line script of \`aws kms describe-key\` through \`npm run sandbox\`: ${runner.commandsPerSecond.toLocaleString("en-US")} commands/s ` +
      `(whole run ${runner.wholeRunMs} ms including ${runner.startupMs} ms to start the runner).`,
    "",
  );
}

if (runAll || which.has("quiz")) {
  console.log("▸ Practice exams");
  const quiz = runBenchScript("tests/bench/quiz.bench.ts");
  results.quiz = quiz;
  targets.push(...quiz.targets);
  report.push(
    "### Practice exams",
    "",
    `A ${quiz.questions}-question exam drawn from the ${quiz.bank}-question bank and answered at random:`,
    "",
    "| step | runs | median | p99 |",
    "|---|---|---|---|",
    `| grading alone | ${quiz.pure.runs} | ${quiz.pure.medianMs} ms | ${quiz.pure.p99Ms} ms |`,
    `| submitting (read the exam from SQLite, grade, store the result, build the report) | ${quiz.submit.runs} | ${quiz.submit.medianMs} ms | ${quiz.submit.p99Ms} ms |`,
    "",
  );
}

if (runAll || which.has("labs")) {
  console.log("▸ Labs (the server's replay of a command log)");
  const labs = runBenchScript("tests/bench/labs.bench.ts");
  results.labs = labs;
  targets.push(...labs.targets);
  report.push(
    "### Labs",
    "",
    `The server's replay of a ${labs.commands}-command log of the ${labs.lab} lab (every command run again from the lab's scenario and seed, the current step checked on a copy after each): median ${labs.medianMs} ms, slowest ${labs.maxMs} ms over ${labs.runs} runs.`,
    "",
    `The same for the ${labs.integrations.lab} lab, whose launches and invocations run the learner's programs (user data, a Lambda handler) in the sandbox's shell: median ${labs.integrations.medianMs} ms, slowest ${labs.integrations.maxMs} ms.`,
    "",
  );
}

if (runAll || which.has("classes")) {
  console.log("▸ Classes (the class dashboard, next start on SQLite)");
  const classes = runBenchScript("tests/bench/classes.bench.ts");
  results.classes = classes;
  targets.push(...classes.targets);
  report.push(
    "### Classes",
    "",
    `A class of ${classes.students} students, ${classes.labs} lab assignments and a chapter quiz, ${classes.questions} questions answered by each (${classes.answers.toLocaleString("en-US")} answers), against \`next start\` on SQLite:`,
    "",
    "| request | median | p95 |",
    "|---|---|---|",
    `| the dashboard page (rendered on the server) | ${classes.page.medianMs} ms | ${classes.page.p95Ms} ms |`,
    `| its live refresh (JSON) | ${classes.json.medianMs} ms | ${classes.json.p95Ms} ms |`,
    `| the item analysis (on request) | ${classes.items.medianMs} ms | ${classes.items.p95Ms} ms |`,
    "",
    `Queries per dashboard: ${classes.queries.small} for 20 students, ${classes.queries.big} for ${classes.students}.`,
    "",
  );
}

if (runAll || which.has("accounts")) {
  console.log("▸ Accounts and progress (next start, SQLite and PostgreSQL)");
  const accounts = JSON.parse(execFileSync(process.execPath, ["tests/bench/accounts.bench.mjs"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim().split("\n").at(-1));
  results.accounts = accounts;
  targets.push(...accounts.targets);
  const row = (provider, label, run) => `| ${provider} | ${label} | ${run.requestsPerSecond.toLocaleString("en-US")} | ${run.p50Ms} ms | ${run.p99Ms} ms |`;
  report.push(
    "### Accounts and progress",
    "",
    `autocannon, ${accounts.connections} connections for ${accounts.seconds} s against \`next start\`, signed-in learners (20 sessions in turn), one answer per request:`,
    "",
    "| database | route | req/s | p50 | p99 |",
    "|---|---|---|---|---|",
    ...["sqlite", "postgresql"].flatMap((provider) => [row(provider, "no-op (/api/health/live)", accounts[provider].noop), row(provider, "answer submission", accounts[provider].answers), row(provider, "answer submission, 10 connections", accounts[provider].answersUnqueued)]),
    "",
    ...["sqlite", "postgresql"].map((provider) => `Dashboard of a learner with 5,000 answers on ${provider}: median ${accounts[provider].dashboard.medianMs} ms, p95 ${accounts[provider].dashboard.p95Ms} ms (${accounts[provider].dashboard.runs} requests).`),
    "",
  );
}

if (runAll || which.has("authoring")) {
  console.log("▸ Authoring loop");
  const authoring = await benchAuthoring();
  results.authoring = authoring;
  targets.push(...authoring.targets);
  report.push(...authoringReport(authoring));
}

if (runAll || which.has("site")) {
  const site = await benchSite();
  results.site = site;
  targets.push(...site.targets);
  report.push("### Site", "", siteReport(site), "");
}

// After the site part, which leaves a fresh build for it.
if (runAll || which.has("terminal")) {
  const terminal = await benchTerminal();
  results.terminal = terminal;
  targets.push(...terminal.targets);
  report.push("### Terminal (browser)", "", terminalReport(terminal), "");
}

if (runAll || which.has("workspace")) {
  const workspace = await benchWorkspace();
  results.workspace = workspace;
  targets.push(...workspace.targets);
  report.push("### Workspace (browser)", "", workspaceReport(workspace), "");
}

mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/results.json", JSON.stringify(results, null, 2) + "\n");
console.log(`\n## Benchmarks (${started.toISOString().slice(0, 10)}, ${results.machine})\n`);
console.log(report.join("\n"));
console.log(targets.map((target) => `${target.met ? "✓" : "✗"} ${target.name}: ${target.value}`).join("\n"));
const missed = targets.filter((target) => !target.met);
if (missed.length > 0) {
  console.log(`\n${missed.length} target(s) missed`);
  process.exit(1);
}
