/**
 * Site benchmark: build time, first-load JavaScript per route and Lighthouse
 * scores of the chapter pages served by `next start`.
 *
 * Targets (issue 2):
 *  - the chapter pages' first-load JS within 15 KB gzipped of the framework
 *    floor, measured in the same build as the emptiest route (/_not-found);
 *  - Lighthouse performance >= 95 and accessibility 100.
 *
 * Run through `npm run bench`; results land in bench-results/site.json.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FLOOR_ROUTE, firstLoadJs } from "../../scripts/lib/bundle-sizes.mjs";
import { chromiumPath } from "../../scripts/lib/chromium.mjs";
import { run } from "../../scripts/lib/run.mjs";
import { waitForHealth } from "./wait-for-health.mjs";

const PORT = 3200;
const LIGHTHOUSE_RUNS = 3;
const JS_BUDGET_KB = 15;
const chapter = "/chapters/kms-secrets-manager-parameter-store";
/** The practice-exam page may carry this much more than the floor (the quizzes issue's budget). */
const EXAM_JS_BUDGET_KB = 30;
const lighthousePages = [chapter, `${chapter}/kms`];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(label, command, args) {
  const started = performance.now();
  const code = await run(command, args, { stdio: ["ignore", "ignore", "inherit"] });
  if (code !== 0) throw new Error(`${label} failed (${command} ${args.join(" ")})`);
  return Math.round(performance.now() - started) / 1000;
}


async function lighthouse(url, outFile) {
  const flags = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";
  const code = await run(
    "node_modules/.bin/lighthouse",
    [url, "--quiet", `--chrome-flags=${flags}`, "--only-categories=performance,accessibility", "--output=json", `--output-path=${outFile}`],
    { env: { ...process.env, CHROME_PATH: chromiumPath() }, stdio: ["ignore", "ignore", "inherit"] },
  );
  if (code !== 0) throw new Error(`lighthouse failed on ${url}`);
  const report = JSON.parse(readFileSync(outFile, "utf8"));
  const audit = (id) => report.audits[id]?.numericValue;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    fcpMs: Math.round(audit("first-contentful-paint")),
    lcpMs: Math.round(audit("largest-contentful-paint")),
    tbtMs: Math.round(audit("total-blocking-time")),
    cls: Math.round(audit("cumulative-layout-shift") * 1000) / 1000,
  };
}

export async function benchSite() {
  console.log("▸ Clean production build");
  rmSync(".next", { recursive: true, force: true });
  const contentCheckSeconds = await timed("content check", "node_modules/.bin/tsx", ["scripts/check-content.ts"]);
  const nextBuildSeconds = await timed("next build", "node_modules/.bin/next", ["build"]);

  const routes = firstLoadJs();
  const floor = routes.find((route) => route.route === FLOOR_ROUTE);
  if (!floor) throw new Error(`no ${FLOOR_ROUTE} in route-bundle-stats.json`);
  const chapterRoutes = routes.filter((route) => route.route.startsWith("/chapters"));
  const overFloor = Math.max(...chapterRoutes.map((route) => route.gzipKB - floor.gzipKB));
  const examRoute = routes.find((route) => route.route === "/practice/exam/[id]");
  if (!examRoute) throw new Error("no /practice/exam/[id] in route-bundle-stats.json");
  const examOverFloor = examRoute.gzipKB - floor.gzipKB;

  console.log("▸ Lighthouse on next start");
  const database = path.join(os.tmpdir(), `keystone-bench-${process.pid}.db`);
  const env = { ...process.env, DATABASE_URL: `file:${database}` };
  await run("node", ["scripts/prepare-db.mjs"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const server = spawn("node", ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: "ignore" });
  const lighthouseResults = [];
  try {
    await waitForHealth(`http://127.0.0.1:${PORT}/api/health`);
    mkdirSync("bench-results", { recursive: true });
    for (const page of lighthousePages) {
      const runs = [];
      for (let index = 0; index < LIGHTHOUSE_RUNS; index++) {
        runs.push(await lighthouse(`http://127.0.0.1:${PORT}${page}`, path.join("bench-results", `lighthouse-${index}.json`)));
      }
      const pick = (key) => median(runs.map((result) => result[key]));
      lighthouseResults.push({
        page,
        runs: LIGHTHOUSE_RUNS,
        performance: pick("performance"),
        accessibility: pick("accessibility"),
        fcpMs: pick("fcpMs"),
        lcpMs: pick("lcpMs"),
        tbtMs: pick("tbtMs"),
        cls: pick("cls"),
      });
    }
  } finally {
    server.kill();
    rmSync(database, { force: true });
    rmSync(`${database}-wal`, { force: true });
    rmSync(`${database}-shm`, { force: true });
  }

  const targets = [
    { name: `chapter pages' first-load JS within ${JS_BUDGET_KB} KB gzip of ${FLOOR_ROUTE}`, value: `+${overFloor.toFixed(1)} KB`, met: overFloor <= JS_BUDGET_KB },
    { name: `the practice-exam page's first-load JS within ${EXAM_JS_BUDGET_KB} KB gzip of ${FLOOR_ROUTE}`, value: `+${examOverFloor.toFixed(1)} KB`, met: examOverFloor <= EXAM_JS_BUDGET_KB },
    ...lighthouseResults.flatMap((result) => [
      { name: `Lighthouse performance >= 95 on ${result.page}`, value: result.performance, met: result.performance >= 95 },
      { name: `Lighthouse accessibility = 100 on ${result.page}`, value: result.accessibility, met: result.accessibility === 100 },
    ]),
  ];
  return { build: { contentCheckSeconds, nextBuildSeconds }, firstLoadJs: routes, floorRoute: FLOOR_ROUTE, lighthouse: lighthouseResults, targets };
}

export function siteReport(result) {
  const lines = [];
  lines.push(`Build (clean, ${os.cpus().length} cores): content check ${result.build.contentCheckSeconds} s, next build ${result.build.nextBuildSeconds} s`);
  lines.push("", "| route | first-load JS raw | gzip | over the floor |", "|---|---|---|---|");
  const floor = result.firstLoadJs.find((route) => route.route === result.floorRoute);
  for (const route of result.firstLoadJs) {
    lines.push(`| \`${route.route}\` | ${route.rawKB} KB | ${route.gzipKB} KB | ${route.route === result.floorRoute ? "(floor)" : `+${(route.gzipKB - floor.gzipKB).toFixed(1)} KB`} |`);
  }
  lines.push("", `| page (Lighthouse 12.2.3, median of ${LIGHTHOUSE_RUNS}) | performance | accessibility | FCP | LCP | TBT | CLS |`, "|---|---|---|---|---|---|---|");
  for (const page of result.lighthouse) {
    lines.push(`| \`${page.page}\` | ${page.performance} | ${page.accessibility} | ${page.fcpMs} ms | ${page.lcpMs} ms | ${page.tbtMs} ms | ${page.cls} |`);
  }
  return lines.join("\n");
}
