/**
 * `npm test`: the whole suite. Unit tests (vitest), then a production build
 * when needed, then the browser tests (Playwright on Debian's Chromium).
 * Ends with one line, `N passed, N failed`, summing both. Browser tests are
 * never skipped: without Chromium the run stops and says how to install it.
 *
 *   npm test                  everything
 *   npm test -- --e2e-only    browser tests only (also `npm run test:e2e`)
 *   npm test -- --unit-only   unit tests only
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildNeeded } from "./lib/build-state.mjs";
import { chromiumPath, chromiumVersion, INSTALL_CHROMIUM } from "./lib/chromium.mjs";
import { INSTALL_POSTGRESQL, postgresBinaries } from "./lib/postgres-cluster.mjs";
import { bin, mustRun, run } from "./lib/run.mjs";

const args = process.argv.slice(2);
const unit = !args.includes("--e2e-only");
const e2e = !args.includes("--unit-only");
const reports = path.resolve(".reports");
mkdirSync(reports, { recursive: true });

if (e2e) {
  const version = chromiumVersion();
  if (!version) {
    console.error(`\n✖ Chromium was not found at ${chromiumPath()}; the browser tests need it.\n  Install it with:  ${INSTALL_CHROMIUM}\n  (or set CHROMIUM_PATH to a Chromium binary)\n`);
    process.exit(1);
  }
  console.log(`▸ Browser tests will use ${version}`);
}

// The server suite and the durability tests run on PostgreSQL as well as SQLite: never skipped.
if (!postgresBinaries()) {
  console.error(`\n✖ PostgreSQL was not found; the server tests run against a throw-away cluster of it.\n  Install it with:  ${INSTALL_POSTGRESQL}\n  (or set PG_BIN to the directory holding initdb and pg_ctl)\n`);
  process.exit(1);
}

// Real clients run against the local endpoint (tests/conformance/boto3.test.ts, live-awscli.test.ts): never skipped.
if (unit && (spawnSync("/usr/bin/python3", ["-c", "import boto3"]).status !== 0 || !existsSync("/usr/bin/aws"))) {
  console.error(`\n✖ Debian's python3-boto3 or awscli was not found; conformance tests run them against the sandbox's endpoint.\n  Install them with:  sudo apt-get install -y python3-boto3 awscli\n`);
  process.exit(1);
}

const totals = { passed: 0, failed: 0 };
let exitCode = 0;

if (unit) {
  console.log("\n▸ Unit tests (vitest)");
  const file = path.join(reports, "vitest.json");
  rmSync(file, { force: true });
  const code = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  const counts = readVitest(file);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  if (code !== 0) exitCode = code;
  if (code !== 0 && counts.failed === 0) totals.failed += 1; // a crash before any test ran still counts as a failure
}

if (e2e) {
  const reason = buildNeeded();
  if (reason) {
    console.log(`\n▸ Building the site for the browser tests (${reason})`);
    await mustRun("npm", ["run", "build"]);
  }
  console.log("\n▸ Browser tests (Playwright)");
  const file = path.join(reports, "playwright.json");
  rmSync(file, { force: true });
  const code = await run(bin("playwright"), ["test"], { env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: file } });
  const counts = readPlaywright(file);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  if (code !== 0) exitCode = code;
  if (code !== 0 && counts.failed === 0) totals.failed += 1;
}

const summary = `${totals.passed} passed, ${totals.failed} failed`;
writeFileSync(path.join(reports, "summary.txt"), summary + "\n");
console.log(`\n${summary}`);
process.exit(exitCode === 0 && totals.failed === 0 ? 0 : 1);

function readVitest(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  // A test file that fails to load has no failed test of its own; count it once as a failure.
  const loadErrors = (report.testResults ?? []).filter(
    (suite) => suite.status === "failed" && !(suite.assertionResults ?? []).some((test) => test.status === "failed"),
  ).length;
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + loadErrors };
}

function readPlaywright(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return { passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0), failed: (stats?.unexpected ?? 0) };
}
