import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { expectNoSeriousA11yViolations, watchForProblems } from "./helpers";
import { idle, lines, openSandbox, PROMPT, run, runAccessible, screen } from "./sandbox-helpers";

/**
 * The sandbox terminal in the browser, driven by the keyboard as a learner
 * would: the chapter's commands with their exact output, line editing,
 * history, completion, Ctrl-C, clear, saving across reloads, reset,
 * export and import, the accessible mode, and "Run in sandbox" on a
 * chapter page (which must not load the terminal before it is clicked).
 */

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const SECTION = "/chapters/kms-secrets-manager-parameter-store/kms";

test.use({ viewport: { width: 1920, height: 1200 } });

interface RecordedCommand {
  run: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}
const seedCase = parse(readFileSync("tests/conformance/cases/seed-chapter-27.yaml", "utf8")) as { scenario: string; commands: RecordedCommand[] };

test.describe("the sandbox terminal", () => {
  test("runs every aws command of the chapter in order and prints what the real AWS CLI printed", async ({ page }) => {
    test.setTimeout(120_000);
    const { problems } = watchForProblems(page);
    expect(seedCase.scenario).toBe("chapter-27");
    await openSandbox(page);
    // The screen reader mode's log shows each command's output exactly, however long its lines.
    for (const command of seedCase.commands) {
      expect(await runAccessible(page, command.run), command.run).toBe(command.stdout + command.stderr);
    }
    // The round trip through KMS gave back the scenario's file.
    expect(await runAccessible(page, "cat decrypted.txt")).toBe(await runAccessible(page, "cat plaintext.txt"));
    expect(await runAccessible(page, "ls")).toMatch(/encrypted\.txt/);
    expect(problems).toEqual([]);
  });

  test("edits the line and recalls history by keyboard", async ({ page }) => {
    await openSandbox(page);
    expect(await run(page, "echo first")).toBe("first");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("End");
    await page.keyboard.type(" second");
    await page.keyboard.press("Home");
    for (let index = 0; index < 5; index++) await page.keyboard.press("Delete");
    await page.keyboard.type("printf '%s|' ");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await lines(page)).slice(-3)).toEqual([`${PROMPT}printf '%s|' first second`, "first|second|", PROMPT.trimEnd()]);
    // Ctrl-W deletes the word behind the cursor, Ctrl-U the whole line.
    await page.keyboard.type("echo one two");
    await page.keyboard.press("Control+w");
    await expect.poll(async () => (await lines(page)).at(-1)).toBe(`${PROMPT}echo one`);
    await page.keyboard.press("Control+u");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect.poll(async () => (await lines(page)).at(-1)).toBe(`${PROMPT}echo first`);
  });

  test("completes with Tab: one match completes, several are listed", async ({ page }) => {
    await openSandbox(page);
    await page.keyboard.type("aws km");
    await page.keyboard.press("Tab");
    await expect.poll(async () => (await lines(page)).at(-1)).toBe(`${PROMPT}aws kms`);
    await page.keyboard.type("describe-k");
    await page.keyboard.press("Tab");
    await expect.poll(async () => (await lines(page)).at(-1)).toBe(`${PROMPT}aws kms describe-key`);
    await page.keyboard.type(`--key-id ${KEY_ID} --query KeyMetadata.KeyState --output text`);
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await lines(page)).slice(-2)).toEqual(["Enabled", PROMPT.trimEnd()]);
    // The command wrapped over rows: compare it without the blanks the wrap may have cut.
    expect((await screen(page)).replace(/\s/g, "")).toContain(`${PROMPT}aws kms describe-key --key-id ${KEY_ID} --query KeyMetadata.KeyState --output text`.replace(/\s/g, ""));
    await page.keyboard.type("aws s");
    await page.keyboard.press("Tab");
    await expect.poll(async () => (await lines(page)).slice(-2).join("\n")).toMatch(new RegExp(`secretsmanager\\s+ssm\\s+sts\\n${PROMPT.replace(/[$]/g, "\\$")}aws s$`));
  });

  test("Ctrl-C cancels the line, Ctrl-L and clear clear the screen", async ({ page }) => {
    await openSandbox(page);
    await page.keyboard.type("aws kms schedule-key-deletion");
    await page.keyboard.press("Control+c");
    await expect.poll(async () => (await lines(page)).slice(-2)).toEqual([`${PROMPT}aws kms schedule-key-deletion^C`, PROMPT.trimEnd()]);
    expect(await run(page, `aws kms describe-key --key-id ${KEY_ID} --query KeyMetadata.KeyState --output text`)).toBe("Enabled");
    await page.keyboard.type("echo kept");
    await page.keyboard.press("Control+l");
    await expect.poll(() => screen(page)).toBe(`${PROMPT}echo kept`);
    await page.keyboard.press("Enter");
    await idle(page);
    await page.keyboard.type("clear");
    await page.keyboard.press("Enter");
    await expect.poll(() => screen(page)).toBe(PROMPT.trimEnd());
  });

  test("copies the selection and runs a multi-line paste line by line", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openSandbox(page);
    await page.evaluate(() => navigator.clipboard.writeText("echo pasted-one\necho pasted-two\n"));
    await page.keyboard.press("Control+v");
    await idle(page);
    await expect.poll(async () => (await lines(page)).slice(-5)).toEqual([`${PROMPT}echo pasted-one`, "pasted-one", `${PROMPT}echo pasted-two`, "pasted-two", PROMPT.trimEnd()]);
    await page.locator(".xterm-screen").dblclick({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+c");
    expect(await page.evaluate(() => navigator.clipboard.readText())).not.toBe("");
    // Copying did not interrupt: no ^C on screen.
    expect(await screen(page)).not.toContain("^C");
  });

  test("keeps the sandbox and the history across a reload", async ({ page }) => {
    const { problems } = watchForProblems(page);
    await openSandbox(page);
    await run(page, "echo kept > note.txt");
    await run(page, `aws kms create-alias --alias-name alias/reload-test --target-key-id ${KEY_ID}`);
    await page.reload();
    await expect(page.locator(".xterm-helper-textarea")).toBeFocused();
    await expect.poll(() => screen(page)).toContain("is as you left it");
    expect(await run(page, "cat note.txt")).toBe("kept");
    expect(await run(page, "aws kms list-aliases --query \"Aliases[?AliasName=='alias/reload-test'].TargetKeyId\" --output text")).toBe(KEY_ID);
    const shownBefore = ((await screen(page)).replace(/\n/g, "").match(/list-aliases/g) ?? []).length;
    await page.keyboard.press("ArrowUp");
    await expect.poll(async () => ((await screen(page)).replace(/\n/g, "").match(/list-aliases/g) ?? []).length).toBe(shownBefore + 1);
    expect(problems).toEqual([]);
  });

  test("resets to the scenario's start only after confirmation", async ({ page }) => {
    await openSandbox(page);
    await run(page, "echo mine > mine.txt");
    page.once("dialog", (dialog) => dialog.dismiss());
    await page.getByRole("button", { name: "Reset" }).click();
    await page.locator(".xterm-helper-textarea").focus();
    expect(await run(page, "cat mine.txt")).toBe("mine");
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Reset" }).click();
    await expect(page.getByTestId("sandbox-message")).toContainText("reset");
    await expect.poll(() => screen(page)).toContain("back at the start");
    await page.locator(".xterm-helper-textarea").focus();
    expect(await run(page, "cat mine.txt")).toBe("cat: mine.txt: No such file or directory");
    expect(await run(page, "ls")).toBe("plaintext.txt");
  });

  test("exports the sandbox to a file and imports it back; a bad file changes nothing", async ({ page }) => {
    await openSandbox(page);
    await run(page, "echo exported > mark.txt");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export" }).click()]);
    const exported = path.join(os.tmpdir(), `sandbox-export-${process.pid}.json`);
    await download.saveAs(exported);
    expect(() => JSON.parse(readFileSync(exported, "utf8"))).not.toThrow();

    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => screen(page)).toContain("back at the start");
    await page.locator(".xterm-helper-textarea").focus();
    await run(page, "echo after-reset > other.txt");

    const importer = page.getByLabel("Import…");
    const notJson = path.join(os.tmpdir(), `sandbox-bad-${process.pid}.json`);
    writeFileSync(notJson, "{ this is not json");
    await importer.setInputFiles(notJson);
    await expect(page.getByTestId("sandbox-message")).toContainText("not JSON");
    await expect(page.getByTestId("sandbox-message")).toContainText("Nothing was changed");
    const foreign = path.join(os.tmpdir(), `sandbox-foreign-${process.pid}.json`);
    writeFileSync(foreign, JSON.stringify({ hello: "world" }));
    await importer.setInputFiles(foreign);
    await expect(page.getByTestId("sandbox-message")).toContainText("could not be imported");
    await page.locator(".xterm-helper-textarea").focus();
    expect(await run(page, "cat other.txt")).toBe("after-reset");

    await importer.setInputFiles(exported);
    await expect(page.getByTestId("sandbox-message")).toContainText("Imported");
    await expect.poll(() => screen(page)).toContain("what your file saved");
    await page.locator(".xterm-helper-textarea").focus();
    expect(await run(page, "cat mark.txt")).toBe("exported");
    expect(await run(page, "cat other.txt")).toBe("cat: other.txt: No such file or directory");
  });

  test("has a screen reader mode: a labelled field and a live log over the same session", async ({ page }) => {
    await openSandbox(page);
    await run(page, "echo from-terminal > shared.txt");
    await page.getByRole("button", { name: "Screen reader mode" }).click();
    await expect(page.getByRole("button", { name: "Screen reader mode" })).toHaveAttribute("aria-pressed", "true");
    const field = page.getByRole("textbox", { name: "Command" });
    await expect(field).toBeFocused();
    const log = page.getByRole("log", { name: "Sandbox commands and output" });
    await expect(log).toHaveAttribute("aria-live", "polite");
    await field.fill("cat shared.txt");
    await field.press("Enter");
    await expect(log).toContainText("from-terminal");
    await field.fill("clear");
    await field.press("Enter");
    await expect(log).not.toContainText("from-terminal");
    await field.press("ArrowUp");
    await expect(field).toHaveValue("clear");
    await field.fill("echo from-form");
    await field.press("Enter");
    await expect(log).toContainText("from-form");
    await expectNoSeriousA11yViolations(page, "/sandbox in screen reader mode");
    await page.getByRole("button", { name: "Screen reader mode" }).click();
    await expect.poll(() => screen(page)).toContain("echo from-form");
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`/sandbox has no serious accessibility violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openSandbox(page);
      await run(page, "aws kms list-aliases --output table");
      await expectNoSeriousA11yViolations(page, `/sandbox (${scheme})`);
      // The page can be left by keyboard: Escape, then Tab moves on.
      await page.keyboard.press("Escape");
      await page.keyboard.press("Tab");
      await expect(page.locator(".xterm-helper-textarea")).not.toBeFocused();
    });
  }

  test("/sandbox fits a 360 px phone without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openSandbox(page);
    expect(await run(page, "echo fits")).toBe("fits");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test("Run in sandbox on a chapter page loads the terminal on click and runs the block", async ({ page }) => {
    const { problems } = watchForProblems(page);
    const scripts: { url: string; body: Promise<string> }[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push({ url: response.url(), body: response.text().catch(() => "") });
    });
    const xtermChunks = async () => {
      const loaded = await Promise.all(scripts.map(async (script) => ({ url: script.url, body: await script.body })));
      return loaded.filter((script) => script.body.includes("xterm-helper-textarea")).map((script) => script.url);
    };
    await page.goto(SECTION);
    await page.waitForLoadState("networkidle");
    expect(scripts.length).toBeGreaterThan(0);
    expect(await xtermChunks(), "xterm.js must not load with the chapter page").toEqual([]);

    const block = page.locator("figure[data-aws-command]", { hasText: "Create an alias" });
    await block.getByRole("button", { name: "Run in sandbox" }).click();
    await expect(page.getByTestId("sandbox-dock")).toBeVisible();
    await idle(page);
    await expect.poll(() => screen(page)).toContain(`${PROMPT}aws kms create-alias \\`);
    const shown = await lines(page);
    expect(shown.at(-1)).toBe(PROMPT.trimEnd());
    expect(shown.slice(-4)).toEqual([`${PROMPT}aws kms create-alias \\`, ">     --alias-name alias/my-key \\", `>     --target-key-id ${KEY_ID}`, PROMPT.trimEnd()]);
    expect(await xtermChunks(), "xterm.js loads on the click").not.toEqual([]);
    await expect(page.locator(".xterm-helper-textarea")).toBeFocused();
    await expectNoSeriousA11yViolations(page, `${SECTION} with the sandbox docked`);

    // The same saved sandbox opens on /sandbox.
    await page.getByRole("button", { name: "Close", exact: true }).click();
    await expect(page.getByTestId("sandbox-dock")).toHaveCount(0);
    await page.goto("/sandbox");
    await expect(page.locator(".xterm-helper-textarea")).toBeFocused();
    await expect.poll(async () => (await lines(page)).at(-1)).toBe(PROMPT.trimEnd());
    expect(await run(page, "aws kms list-aliases --query \"Aliases[?AliasName=='alias/my-key'].TargetKeyId\" --output text")).toBe(KEY_ID);
    expect(problems).toEqual([]);
  });
});
