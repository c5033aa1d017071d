import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Fails the test on any console error, uncaught exception or failed
 * request (4xx/5xx) while the page is in use. Call it before navigating.
 */
export function watchForProblems(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on("requestfailed", (request) => {
    // Next prefetches linked pages (their data and their scripts); leaving a page aborts
    // whatever is still in flight. A request the server answers with an error is caught
    // by the response listener above, so an abort is not a failure.
    if (request.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`);
  });
  return { problems };
}

/** Runs axe and fails on any serious or critical violation, listing them. */
export async function expectNoSeriousA11yViolations(page: Page, context: string) {
  // Next streams a page's metadata: right after a client-side navigation or refresh the <title>
  // can arrive a moment after the content. Wait for it (a page without one still fails, here).
  await expect.poll(() => page.title(), { message: `${context} has a <title>` }).not.toBe("");
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(serious, `axe on ${context}`).toEqual([]);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
