import { expect, type Page } from "@playwright/test";

/**
 * Reaching the sandbox terminal from a test the way a learner's eyes do: the
 * rows xterm.js draws in the page (its DOM renderer), and the console's
 * aria-busy while a command runs. No test hook ships in the product.
 */

export const PROMPT = "learner@sandbox:~$ ";
/** The conformance recording's seed and start time, so the browser prints the very bytes the real CLI printed. */
export const RECORDED = "seed=27&now=2026-01-15T10:00:00Z";

const console = (page: Page) => page.getByTestId("sandbox-console").first();

/** The rows xterm.js shows, as drawn (a wrapped row keeps its trailing blanks). */
async function rows(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="sandbox-terminal"] .xterm-rows')
    .first()
    .evaluate((element) => [...element.children].map((row) => (row.textContent ?? "").replace(/\u00a0/g, " ")));
}

/** The rows xterm.js shows, each trimmed at its end, trailing empty rows dropped. */
export async function screen(page: Page): Promise<string> {
  const shown = (await rows(page)).map((row) => row.trimEnd());
  while (shown.length > 0 && shown.at(-1) === "") shown.pop();
  return shown.join("\n");
}

export const lines = async (page: Page) => (await screen(page)).split("\n");

/** Waits until no command runs and the terminal has drawn what it was given. */
export async function idle(page: Page): Promise<void> {
  await expect(console(page)).toHaveAttribute("aria-busy", "false");
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Opens /sandbox with a fresh browser profile's sandbox and waits for the prompt. */
export async function openSandbox(page: Page, query = RECORDED) {
  await page.goto(`/sandbox?${query}`);
  await expect(page.locator(".xterm-helper-textarea")).toBeFocused();
  await idle(page);
  await expect.poll(async () => (await lines(page)).at(-1)).toBe(PROMPT.trimEnd());
}

/**
 * Types a command line and presses Enter; returns what the terminal printed
 * for it: the rows between the command (however many rows it wrapped over)
 * and the next prompt.
 */
export async function run(page: Page, command: string): Promise<string> {
  // As a learner clicks back into the terminal after using a pane.
  await page.locator(".xterm-helper-textarea").first().focus();
  let before = await lines(page);
  expect(before.at(-1), "the terminal shows a prompt before typing").toBe(PROMPT.trimEnd());
  if (before.length > 16) {
    // Keep the screen from scrolling (the rows a test reads are the rows on screen): Ctrl-L, as a learner would.
    await page.keyboard.press("Control+l");
    await expect.poll(() => screen(page)).toBe(PROMPT.trimEnd());
    before = await lines(page);
  }
  await page.keyboard.insertText(command);
  await page.keyboard.press("Enter");
  await expect.poll(async () => {
    const now = await lines(page);
    return now.length > before.length && now.at(-1) === PROMPT.trimEnd();
  }).toBe(true);
  await idle(page);
  const after = await rows(page);
  const trimmed = await lines(page);
  // The command starts on the row of the prompt it was typed at; count the rows it covers.
  let row = before.length - 1;
  for (const line of `${PROMPT}${command}`.replace(/\n/g, "\n> ").split("\n")) {
    let covered = "";
    do covered += after[row++] ?? "";
    while (row < trimmed.length && covered.trimEnd().length < line.trimEnd().length);
  }
  return trimmed.slice(row, -1).join("\n");
}

/** Switches the console to its screen reader mode and returns its parts. */
export async function accessibleMode(page: Page) {
  const toggle = page.getByRole("button", { name: "Screen reader mode" });
  if ((await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
  const field = page.getByRole("textbox", { name: /^Command/ });
  const log = page.getByRole("log", { name: "Sandbox commands and output" });
  await expect(field).toBeFocused();
  return { field, log };
}

/** In screen reader mode: runs a command and returns its output exactly as the log shows it. */
export async function runAccessible(page: Page, command: string): Promise<string> {
  const { field, log } = await accessibleMode(page);
  const entries = log.getByTestId("log-entry");
  const count = await entries.count();
  await field.fill(command);
  await field.press("Enter");
  await expect(entries).toHaveCount(count + 1);
  await idle(page);
  const output = entries.nth(count).getByTestId("log-output");
  return (await output.count()) === 0 ? "" : ((await output.textContent()) ?? "");
}
