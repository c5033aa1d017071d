/**
 * Workspace benchmark (issue 7), measured in one run beside a baseline: the
 * same measurements on this build and on a build of BASELINE_COMMIT, the
 * last commit before the sandbox moved into a Web Worker (checked out in a
 * temporary git worktree, built and served next to this one).
 *
 * - "Run in sandbox" on a chapter page, with the page's CPU throttled 4x
 *   (CDP; Chromium throttles pages only, not workers): from the click event to
 *   the frame after the terminal first shows its prompt, and after the block's
 *   command ran and the prompt is back, timed inside the page (target: the
 *   ready prompt under 1 s). The JavaScript fetched after the click, split
 *   into the page's chunks and the worker's (target: the first chunk <= 200 KB
 *   gzip).
 * - The longest gap between animation frames while the engine works: an
 *   RSA-4096 key pair made on first use, and a loop of 1,000 aws commands
 *   (target: under 100 ms).
 * - A visualiser step: from the click on Next to the step's heading in the
 *   page, and whether the next frame already shows it (target: within one
 *   frame).
 *
 * Run with `npm run bench -- workspace` (builds first when needed).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { buildNeeded } from "../../scripts/lib/build-state.mjs";
import { chromiumPath, chromiumVersion } from "../../scripts/lib/chromium.mjs";
import { run } from "../../scripts/lib/run.mjs";
import { waitForHealth } from "./wait-for-health.mjs";

/** The engine still ran on the page's thread here (issue 4's terminal). */
export const BASELINE_COMMIT = "1e78cd5";
const PORTS = { current: 3211, baseline: 3212 };
const SECTION = "/chapters/kms-secrets-manager-parameter-store/kms";
const CLICK_RUNS = 5;
const TARGETS = { readyPromptMs: 1000, firstChunkKB: 200, frameGapMs: 100 };
const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const PROMPT = "learner@sandbox:";

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

async function serve(root, port) {
  const database = path.join(os.tmpdir(), `keystone-workspace-bench-${port}.db`);
  const env = { ...process.env, DATABASE_URL: `file:${database}` };
  await run("node", ["scripts/prepare-db.mjs"], { env, cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const server = spawn("node", ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, cwd: root, stdio: "ignore" });
  await waitForHealth(`http://127.0.0.1:${port}/api/health`);
  return () => {
    server.kill();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${database}${suffix}`, { force: true });
  };
}

/** A worktree of the baseline commit, built once (kept in the system's temp directory between runs). */
async function baselineBuild() {
  const root = path.join(os.tmpdir(), `keystone-baseline-${BASELINE_COMMIT}`);
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log(`▸ Building the baseline (${BASELINE_COMMIT}) in ${root}`);
    if (existsSync(root)) execFileSync("git", ["worktree", "remove", "--force", root], { stdio: "ignore" });
    execFileSync("git", ["worktree", "add", "--detach", root, BASELINE_COMMIT], { stdio: "ignore" });
    // A hard-linked copy: Turbopack does not follow a node_modules symlink out of the project.
    execFileSync("cp", ["-al", path.resolve("node_modules"), path.join(root, "node_modules")]);
    if ((await run("npx", ["prisma", "generate"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] })) !== 0) throw new Error("prisma generate failed for the baseline");
    if ((await run("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] })) !== 0) throw new Error("the baseline's build failed");
  }
  return root;
}

/**
 * Throttles the page's main thread (CDP). Chromium cannot throttle a worker:
 * Emulation.setCPUThrottlingRate on a worker target answers "Operation is
 * only supported for pages, not workers", so the sandbox's worker runs at
 * the machine's speed in this measurement (the report says so).
 */
async function throttle(page, rate) {
  const session = await page.context().newCDPSession(page);
  await session.send("Emulation.setCPUThrottlingRate", { rate });
}

/**
 * The chunks the worker loads: Turbopack starts a worker with a bootstrap
 * script whose address lists them (#params=[[chunk paths...], ...]), as the
 * page's "worker" event reports it; the worker's own fetches are not visible
 * to the page.
 */
function workerChunks(base, urls) {
  return urls.flatMap((url) => {
    const params = new URL(url).hash.match(/^#params=(.*)$/)?.[1];
    if (!params) return [];
    const [chunks] = JSON.parse(decodeURIComponent(params));
    return [url.split("#")[0], ...chunks.map((chunk) => new URL(chunk, base).href)];
  });
}

function chunkSizes(root, urls) {
  let raw = 0;
  let gzip = 0;
  for (const url of new Set(urls)) {
    const file = path.join(root, ".next", new URL(url).pathname.replace(/^\/_next\//, ""));
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { rawKB: kb(raw), gzipKB: kb(gzip), chunks: new Set(urls).size };
}

async function clickToPrompt(browser, root, base) {
  const runs = [];
  for (let index = 0; index < CLICK_RUNS; index++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}${SECTION}`);
    await page.waitForLoadState("networkidle");
    const scripts = [];
    const workers = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    // The worker's address keeps its #params (the request's does not): the chunks it loads to open the sandbox.
    const workerHandles = [];
    page.on("worker", (worker) => {
      workers.push(worker.url());
      workerHandles.push(worker);
    });
    // Timed in the page, from the click event to the frame after the terminal's rows show the prompt
    // (Playwright's own polling of a throttled page would add hundreds of milliseconds of its own).
    await page.evaluate((prompt) => {
      const times = (window.__benchTimes = {});
      document.addEventListener("click", (event) => (times.click ??= event.timeStamp), { capture: true });
      const atNextFrame = (name) => requestAnimationFrame(() => (times[name] ??= performance.now()));
      new MutationObserver(() => {
        const element = times.ready === undefined && document.querySelector('[data-testid="sandbox-terminal"] .xterm-rows');
        if (!element) return;
        const rows = [...element.children].map((row) => row.textContent.replace(/\u00a0/g, " ").trimEnd()).filter(Boolean);
        if (times.first === undefined && rows.some((row) => row.startsWith(prompt))) atNextFrame("first");
        // The block's three lines ran and the prompt is back.
        if (rows.some((row) => row.includes("--target-key-id")) && rows.at(-1)?.startsWith(prompt) && rows.at(-1)?.endsWith("$")) atNextFrame("ready");
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, PROMPT);
    await throttle(page, 4);
    const block = page.locator("figure[data-aws-command]", { hasText: "Create an alias" });
    await block.getByRole("button", { name: "Run in sandbox" }).click();
    await page.waitForFunction(() => window.__benchTimes.ready !== undefined, undefined, { timeout: 60_000, polling: 100 });
    const times = await page.evaluate(() => window.__benchTimes);
    const firstPrompt = Math.round(times.first - times.click);
    const readyPrompt = Math.round(times.ready - times.click);
    // What the worker fetched after opening (the session's tools): its own resource timing, which the page cannot see.
    const opening = workerChunks(base, workers);
    const fetchedByWorker = (await Promise.all(workerHandles.map((worker) => worker.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name)).catch(() => [])))).flat();
    const later = fetchedByWorker.filter((url) => /\.js($|[?#])/.test(url) && !opening.includes(url.split("#")[0]));
    runs.push({
      firstPromptMs: firstPrompt,
      readyPromptMs: readyPrompt,
      page: chunkSizes(root, scripts.filter((url) => !url.includes("turbopack-worker"))),
      worker: chunkSizes(root, opening),
      workerLater: chunkSizes(root, later),
    });
    await context.close();
  }
  return {
    firstPromptMs: median(runs.map((entry) => entry.firstPromptMs)),
    readyPromptMs: median(runs.map((entry) => entry.readyPromptMs)),
    page: runs.at(-1).page,
    worker: runs.at(-1).worker,
    workerLater: runs.at(-1).workerLater,
    runs,
  };
}

/** Types a command and records the longest gap between animation frames until the prompt is back. */
async function longestFrameGap(page, command) {
  await page.evaluate(() => {
    window.__gap = { last: performance.now(), max: 0, on: true };
    const tick = (now) => {
      const gap = window.__gap;
      gap.max = Math.max(gap.max, now - gap.last);
      gap.last = now;
      if (gap.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const before = await page.locator('[data-testid="sandbox-terminal"] .xterm-rows').textContent();
  await page.keyboard.insertText(command);
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    ([previous, prompt]) => {
      const rows = [...(document.querySelector('[data-testid="sandbox-terminal"] .xterm-rows')?.children ?? [])].map((row) => row.textContent.replace(/\u00a0/g, " ").trimEnd()).filter(Boolean);
      return rows.join("\n") !== previous && rows.at(-1)?.startsWith(prompt) && rows.at(-1)?.endsWith("$") && !document.querySelector('[data-testid="sandbox-console"][aria-busy="true"]');
    },
    [before, PROMPT],
    { timeout: 180_000, polling: 50 },
  );
  return page.evaluate(() => {
    window.__gap.on = false;
    return Math.round(window.__gap.max);
  });
}

async function frameGaps(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/sandbox?seed=27&now=2026-01-15T10:00:00Z`);
  await page.locator(".xterm-helper-textarea").waitFor();
  await page.locator('[data-testid="sandbox-terminal"] .xterm-rows').filter({ hasText: PROMPT }).first().waitFor();
  await page.locator(".xterm-helper-textarea").focus();
  await page.keyboard.press("Control+l");
  const rsa = await longestFrameGap(page, "K=$(aws kms create-key --key-spec RSA_4096 --key-usage SIGN_VERIFY --query KeyMetadata.KeyId --output text); aws kms get-public-key --key-id $K --query KeySpec --output text");
  await page.keyboard.press("Control+l");
  const loop = await longestFrameGap(page, `for i in $(seq 1000); do aws kms describe-key --key-id ${KEY_ID} > /dev/null; done; echo done`);
  await page.close();
  return { rsa4096Ms: rsa, loop1000Ms: loop };
}

async function visualiserStep(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
  await page.goto(`${base}/sandbox?seed=27&now=2026-01-15T10:00:00Z`);
  await page.getByRole("tab", { name: "Envelope encryption" }).click();
  const pane = page.getByRole("region", { name: "Envelope encryption pane" });
  await pane.getByRole("button", { name: "Encrypt it" }).click();
  const heading = pane.getByRole("heading", { level: 3 });
  await heading.filter({ hasText: "Step 1 of 6" }).waitFor();
  const steps = [];
  for (let step = 2; step <= 6; step++) {
    const measured = await page.evaluate((expected) => {
      return new Promise((resolve) => {
        const pane = document.querySelector('[data-testid="pane-envelope"]');
        const heading = () => pane.querySelector("h3");
        const next = [...pane.querySelectorAll("button")].find((button) => button.textContent === "Next →");
        let committed;
        const observer = new MutationObserver(() => {
          if (committed === undefined && heading()?.textContent?.startsWith(expected)) committed = performance.now();
        });
        observer.observe(pane, { subtree: true, childList: true, characterData: true });
        const clicked = performance.now();
        next.click();
        requestAnimationFrame(() => {
          const frame = performance.now();
          observer.disconnect();
          resolve({ commitMs: committed === undefined ? null : committed - clicked, inNextFrame: committed !== undefined && committed <= frame });
        });
      });
    }, `Step ${step} of 6`);
    steps.push(measured);
    await page.waitForTimeout(200);
  }
  await page.close();
  return { maxCommitMs: Math.round(Math.max(...steps.map((step) => step.commitMs ?? Infinity)) * 10) / 10, allInNextFrame: steps.every((step) => step.inNextFrame), steps };
}

async function measure(browser, root, base, { visualiser }) {
  const click = await clickToPrompt(browser, root, base);
  const gaps = await frameGaps(browser, base);
  return { click, gaps, ...(visualiser ? { visualiser: await visualiserStep(browser, base) } : {}) };
}

export async function benchWorkspace() {
  const reason = buildNeeded();
  if (reason) {
    console.log(`▸ Building the site (${reason})`);
    if ((await run("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] })) !== 0) throw new Error("npm run build failed");
  }
  const baselineRoot = await baselineBuild();
  console.log("▸ Workspace: this build and the baseline, in Chromium on next start");
  const stopCurrent = await serve(process.cwd(), PORTS.current);
  const stopBaseline = await serve(baselineRoot, PORTS.baseline);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
    const current = await measure(browser, process.cwd(), `http://127.0.0.1:${PORTS.current}`, { visualiser: true });
    const baseline = await measure(browser, baselineRoot, `http://127.0.0.1:${PORTS.baseline}`, { visualiser: false });
    const firstChunk = Math.max(current.click.page.gzipKB, current.click.worker.gzipKB);
    return {
      browser: chromiumVersion() ?? "chromium",
      baselineCommit: BASELINE_COMMIT,
      current,
      baseline,
      targets: [
        { name: `"Run in sandbox" to a ready prompt under ${TARGETS.readyPromptMs} ms with 4x CPU throttling (median of ${CLICK_RUNS})`, value: `${current.click.readyPromptMs} ms`, met: current.click.readyPromptMs < TARGETS.readyPromptMs },
        { name: `the sandbox's first chunk at most ${TARGETS.firstChunkKB} KB gzip (page and worker each)`, value: `page ${current.click.page.gzipKB} KB, worker ${current.click.worker.gzipKB} KB to open the sandbox (then ${current.click.workerLater.gzipKB} KB of tools)`, met: firstChunk <= TARGETS.firstChunkKB },
        { name: `longest gap between frames under ${TARGETS.frameGapMs} ms while the engine works`, value: `RSA-4096 ${current.gaps.rsa4096Ms} ms, 1,000 aws commands ${current.gaps.loop1000Ms} ms`, met: Math.max(current.gaps.rsa4096Ms, current.gaps.loop1000Ms) < TARGETS.frameGapMs },
        { name: "a visualiser step renders within one frame", value: `${current.visualiser.maxCommitMs} ms at most, ${current.visualiser.allInNextFrame ? "always" : "not always"} before the next frame`, met: current.visualiser.allInNextFrame },
      ],
    };
  } finally {
    await browser?.close();
    stopCurrent();
    stopBaseline();
  }
}

export function workspaceReport(result) {
  const { current, baseline } = result;
  return [
    `Chromium ${result.browser}; the baseline is ${result.baselineCommit}, the last commit with the engine on the page's thread, built and served beside this build in the same run.`,
    "",
    "CPU throttling (CDP) applies to the page's thread: Chromium refuses it for workers, so the sandbox's worker ran at this machine's full speed.",
    "",
    "| measure | this build | baseline |",
    "|---|---|---|",
    `| "Run in sandbox" click to the first prompt, page CPU 4x slower (median of ${CLICK_RUNS}) | ${current.click.firstPromptMs} ms | ${baseline.click.firstPromptMs} ms |`,
    `| click to the block run and the prompt back | ${current.click.readyPromptMs} ms | ${baseline.click.readyPromptMs} ms |`,
    `| JavaScript fetched after the click, page | ${current.click.page.gzipKB} KB gzip (${current.click.page.chunks} chunks) | ${baseline.click.page.gzipKB} KB gzip (${baseline.click.page.chunks} chunks) |`,
    `| JavaScript fetched after the click, worker, to open the sandbox | ${current.click.worker.gzipKB} KB gzip (${current.click.worker.chunks} chunks) | — |`,
    `| JavaScript the worker fetched after it opened (the session's tools) | ${current.click.workerLater.gzipKB} KB gzip (${current.click.workerLater.chunks} chunks) | — |`,
    `| longest gap between frames: RSA-4096 key pair | ${current.gaps.rsa4096Ms} ms | ${baseline.gaps.rsa4096Ms} ms |`,
    `| longest gap between frames: 1,000 aws commands | ${current.gaps.loop1000Ms} ms | ${baseline.gaps.loop1000Ms} ms |`,
    `| envelope explorer step, click to heading shown | ${current.visualiser.maxCommitMs} ms at most | — |`,
  ].join("\n");
}
