import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectNoSeriousA11yViolations, watchForProblems } from "./helpers";
import { idle, lines, openSandbox, PROMPT, run, runAccessible, screen } from "./sandbox-helpers";

/**
 * The sandbox workspace: panes beside the terminal that follow every
 * command (resources, activity with the evaluation trace of a denial, the
 * clock), arranged by the learner; the engine in a Web Worker, so a runaway
 * command never freezes the page and Ctrl-C really stops it; the sandbox
 * kept in IndexedDB.
 */

test.use({ viewport: { width: 1920, height: 1200 } });

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const pane = (page: Page, name: string) => page.getByRole("region", { name: `${name} pane` });
const tab = (page: Page, name: string) => page.getByRole("tab", { name });

test.describe("the sandbox workspace", () => {
  test("the Resources pane follows the terminal: keys with their material versions, secrets with their labels, the parameter tree", async ({ page }) => {
    const { problems } = watchForProblems(page);
    await openSandbox(page);
    const resources = pane(page, "Resources");
    await expect(resources.getByRole("button", { name: new RegExp(KEY_ID) })).toBeVisible();

    await run(page, "aws kms create-alias --alias-name alias/app-key --target-key-id " + KEY_ID);
    // RotateKeyOnDemand takes a key id or ARN, not an alias (as in AWS).
    expect(await run(page, "aws kms rotate-key-on-demand --key-id alias/app-key")).toContain("NotFoundException");
    await run(page, `aws kms rotate-key-on-demand --key-id ${KEY_ID}`);
    const key = resources.getByRole("button", { name: /alias\/app-key/ });
    await expect(key).toBeVisible();
    await key.click();
    await expect(key).toHaveAttribute("aria-expanded", "true");
    const materials = resources.getByRole("table", { name: /Key material versions of alias\/app-key/ });
    await expect(materials.getByRole("row")).toHaveCount(3);
    await expect(materials.getByRole("row").nth(1)).toContainText("decrypts only");
    await expect(materials.getByRole("row").nth(2)).toContainText("on-demand rotation");
    await expect(materials.getByRole("row").nth(2)).toContainText("encrypts and decrypts");

    await run(page, 'aws secretsmanager create-secret --name prod/db --secret-string "{\\"password\\":\\"one\\"}"');
    await run(page, 'aws secretsmanager put-secret-value --secret-id prod/db --secret-string "{\\"password\\":\\"two\\"}"');
    const secret = resources.getByRole("button", { name: /prod\/db/ });
    await secret.click();
    const versions = resources.getByRole("table", { name: "Versions of prod/db with their staging labels" });
    await expect(versions.getByRole("row")).toHaveCount(3);
    await expect(versions.getByRole("row").nth(1)).toContainText("AWSCURRENT");
    await expect(versions.getByRole("row").nth(2)).toContainText("AWSPREVIOUS");

    await run(page, "aws ssm put-parameter --name /shop/prod/db/host --value db.internal --type String");
    await run(page, "aws ssm put-parameter --name /shop/prod/db/password --value pw --type SecureString");
    const shop = resources.locator("details", { has: page.locator("summary", { hasText: /^shop\// }) });
    await expect(shop).toContainText("host");
    await expect(shop).toContainText("password");
    await shop.getByRole("button", { name: /password/ }).click();
    await expect(shop).toContainText("encrypted (read it with --with-decryption)");
    await expect(shop).not.toContainText(": pw");
    expect(problems).toEqual([]);
  });

  test("an AccessDenied in the Activity pane opens into its evaluation trace", async ({ page }) => {
    await openSandbox(page);
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "EnableIAM", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
        { Sid: "NoDecryptForAdmin", Effect: "Deny", Principal: { AWS: "arn:aws:iam::123456789012:user/admin" }, Action: "kms:Decrypt", Resource: "*" },
      ],
    });
    await runAccessible(page, `echo '${policy}' > deny.json`);
    await runAccessible(page, "KEY=$(aws kms create-key --policy file://deny.json --query KeyMetadata.KeyId --output text)");
    await runAccessible(page, 'aws kms encrypt --key-id "$KEY" --plaintext fileb://plaintext.txt --query CiphertextBlob --output text | base64 --decode > blob');
    const output = await runAccessible(page, "aws kms decrypt --ciphertext-blob fileb://blob");
    expect(output).toContain("AccessDeniedException");

    await tab(page, "Activity").click();
    const activity = pane(page, "Activity");
    await activity.getByLabel("Outcome").selectOption("denied");
    await expect(activity.getByRole("status")).toContainText("1 of");
    const event = activity.getByRole("button", { name: /Decrypt.*AccessDenied/ });
    await event.click();
    const trace = activity.getByRole("table", { name: "Policy statements evaluated for kms:Decrypt" });
    await expect(trace).toBeVisible();
    await expect(trace.getByRole("row", { name: /NoDecryptForAdmin/ })).toContainText("Deny");
    await expect(trace.getByRole("row", { name: /NoDecryptForAdmin/ })).toContainText("yes");
    await expect(activity).toContainText('explicitly denies kms:Decrypt');
  });

  test("the Clock pane shows what is scheduled and moves time through the terminal", async ({ page }) => {
    await openSandbox(page);
    await run(page, `aws kms schedule-key-deletion --key-id ${KEY_ID} --pending-window-in-days 7 --query KeyState --output text`);
    const clock = pane(page, "Clock");
    const deletion = clock.getByRole("listitem").filter({ hasText: "Key deletion" });
    await expect(deletion).toContainText(KEY_ID);
    await expect(deletion).toContainText("in 7 days");
    await deletion.getByRole("button", { name: "Advance until it happens" }).click();
    await expect.poll(() => screen(page)).toContain(`${PROMPT}clock advance 7d1m`);
    await idle(page);
    await expect(clock.getByRole("listitem").filter({ hasText: "Key deletion" })).toHaveCount(0);
    await expect(pane(page, "Resources").getByRole("button", { name: new RegExp(KEY_ID) })).toHaveCount(0);
    expect(await run(page, `aws kms describe-key --key-id ${KEY_ID} --query KeyMetadata.KeyState --output text`)).toContain("NotFoundException");
  });

  test("Ctrl-C stops a runaway loop: the page stays responsive and the sandbox is as it was before the command", async ({ page }) => {
    await openSandbox(page);
    await run(page, "echo before > before.txt");
    // Each turn reads 500 parameters, so the loop runs far longer than the test waits (a loop of a cheap
    // command ends within the shell's 10,000-turn cap in under half a second on a fast machine).
    await run(page, "for i in $(seq 500); do aws ssm put-parameter --name /load/p$i --value v --type String > /dev/null; done");
    await page.keyboard.insertText("for i in $(seq 9000); do aws ssm get-parameters-by-path --path /load --recursive --query \"length(Parameters)\" > /dev/null; echo x >> during.txt; done");
    await page.keyboard.press("Enter");
    await expect(page.getByText("Running… Ctrl-C stops it")).toBeVisible();
    // The engine works in a worker: the page still answers.
    await tab(page, "Activity").click();
    await expect(pane(page, "Activity")).toBeVisible();
    await page.locator(".xterm-helper-textarea").focus();
    await page.keyboard.press("Control+c");
    await expect.poll(() => screen(page)).toContain("sandbox: the command was stopped");
    await expect.poll(async () => (await lines(page)).at(-1)).toBe(PROMPT.trimEnd());
    expect(await run(page, "cat before.txt")).toBe("before");
    expect(await run(page, "ls")).toBe("before.txt  plaintext.txt");
    expect(await run(page, `aws kms describe-key --key-id ${KEY_ID} --query KeyMetadata.KeyState --output text`)).toBe("Enabled");
  });

  test("the learner arranges the panes, and the arrangement survives a reload", async ({ page }) => {
    await openSandbox(page);
    await tab(page, "Clock").focus();
    await page.keyboard.press("Delete");
    await expect(tab(page, "Clock")).toHaveCount(0);
    await page.locator('[data-tabset-id="side-top"]').getByLabel("Add a pane to this group").selectOption("clock");
    await expect(tab(page, "Clock")).toHaveCount(1);
    // Separators resize by keyboard.
    await tab(page, "Resources").click();
    const separator = page.getByRole("separator", { name: "Resize panes" }).first();
    const before = await pane(page, "Resources").boundingBox();
    await separator.focus();
    for (let index = 0; index < 5; index++) await page.keyboard.press("ArrowLeft");
    await expect.poll(async () => (await pane(page, "Resources").boundingBox())?.width ?? 0).toBeGreaterThan((before?.width ?? 0) + 20);
    const arranged = await page.evaluate(() => localStorage.getItem("keystone.workspace.page"));
    expect(arranged).toContain('"clock"');
    await page.reload();
    await expect(page.locator(".xterm-helper-textarea")).toBeFocused();
    expect(await page.evaluate(() => localStorage.getItem("keystone.workspace.page"))).toBe(arranged);
    await page.getByRole("button", { name: "Default layout" }).click();
    await expect(tab(page, "Clock")).toHaveCount(1);
  });

  test("the sandbox is kept in IndexedDB, and one saved by the first version in localStorage is moved there", async ({ page }) => {
    // A whole session snapshot, as the first version kept it in localStorage: an export is exactly that.
    await openSandbox(page, "scenario=empty&seed=3&now=2026-01-01T00:00:00Z");
    await run(page, "echo from-first-version > old.txt");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export" }).click()]);
    const snapshot = JSON.parse(readFileSync(await download.path(), "utf8")) as unknown;
    // Leave the sandbox (its worker closes the database), forget it, and put the old save where the first version kept it.
    await page.goto("/");
    await page.evaluate(async (saved) => {
      await new Promise((resolve) => (indexedDB.deleteDatabase("keystone-sandbox").onsuccess = resolve));
      localStorage.setItem("keystone.sandbox.empty", JSON.stringify({ format: "keystone-sandbox-save", version: 1, scenario: "empty", savedAt: "2026-11-30T08:00:00.000Z", snapshot: saved }));
    }, snapshot);

    await page.goto("/sandbox?scenario=empty");
    await expect.poll(() => screen(page)).toContain("is as you left it");
    expect(await run(page, "cat old.txt")).toBe("from-first-version");
    expect(await page.evaluate(() => localStorage.getItem("keystone.sandbox.empty"))).toBeNull();
    await run(page, "echo added > new.txt");
    // From now on IndexedDB holds it.
    await page.reload();
    await expect.poll(() => screen(page)).toContain("is as you left it");
    expect(await run(page, "cat old.txt new.txt")).toBe("from-first-version\nadded");
    const stores = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const request = indexedDB.open("keystone-sandbox");
          request.onsuccess = () => resolve([...request.result.objectStoreNames]);
        }),
    );
    expect(stores).toEqual(["files", "sessions", "trail"]);
  });

  test("on a 360 px phone the panes stack under the terminal, without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openSandbox(page);
    expect(await run(page, "echo fits")).toBe("fits");
    const resources = page.locator("details", { has: page.locator("summary", { hasText: "Resources" }) });
    await expect(resources).toHaveAttribute("open", "");
    await page.locator("summary", { hasText: "Activity" }).click();
    await expect(pane(page, "Activity")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: "test-results/screenshots/workspace-phone.png", fullPage: true });
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the workspace with its panes open has no serious accessibility violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openSandbox(page);
      await run(page, "aws kms create-alias --alias-name alias/a11y --target-key-id " + KEY_ID);
      await pane(page, "Resources").getByRole("button", { name: /alias\/a11y/ }).click();
      await expectNoSeriousA11yViolations(page, `/sandbox workspace, Resources (${scheme})`);
      await tab(page, "Activity").click();
      await pane(page, "Activity").getByRole("button", { name: /CreateAlias/ }).click();
      await expectNoSeriousA11yViolations(page, `/sandbox workspace, Activity (${scheme})`);
      await page.screenshot({ path: `test-results/screenshots/workspace-${scheme}.png` });
    });
  }
});
