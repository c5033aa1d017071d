import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, watchForProblems } from "./helpers";
import { openSandbox, run, runAccessible } from "./sandbox-helpers";

/**
 * The envelope encryption explorer and the state machines pane, driven
 * through every step and failure, with what they show checked against the
 * sandbox as the CLI reports it.
 */

test.use({ viewport: { width: 1920, height: 1200 } });

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const pane = (page: Page, name: string) => page.getByRole("region", { name: `${name} pane` });
const tab = (page: Page, name: string) => page.getByRole("tab", { name });
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });

async function openEnvelope(page: Page) {
  await run(page, `aws kms create-alias --alias-name alias/app-key --target-key-id ${KEY_ID}`);
  await tab(page, "Envelope encryption").click();
  const envelope = pane(page, "Envelope encryption");
  await expect(envelope.getByLabel("KMS key")).toHaveValue("alias/app-key");
  return envelope;
}

const hexOf = (text: string) => text.replace(/[^0-9a-f]/g, "");

test.describe("the envelope encryption explorer", () => {
  test("walks through every step with the learner's own text and a real key, and the CLI agrees with what it shows", async ({ page }) => {
    const { problems } = watchForProblems(page);
    await openSandbox(page);
    const envelope = await openEnvelope(page);
    await envelope.getByLabel(/^Data to encrypt/).fill("Quarterly numbers: 42");
    await envelope.getByRole("button", { name: "Encrypt it" }).click();
    const heading = envelope.getByRole("heading", { level: 3 });
    await expect(heading).toHaveText("Step 1 of 6: GenerateDataKey");
    const plaintextKey = hexOf((await envelope.getByRole("figure", { name: "Plaintext data key: 32 bytes" }).locator("ol").textContent()) ?? "");
    expect(plaintextKey).toHaveLength(64);
    // The encrypted key names its KMS key: the labelled bytes are the key id's.
    await expect(envelope.getByRole("figure", { name: /^Encrypted data key: \d+ bytes/ })).toContainText(`KMS key id, 16 bytes: ${KEY_ID.replace(/-/g, "").match(/../g)!.join(" ")}`);
    await shot(page, "envelope-step-1");

    // The stored envelope's data key, decrypted by the CLI, is the key the explorer showed.
    const fromCli = await runAccessible(page, "aws kms decrypt --ciphertext-blob fileb://envelope/message.txt.key.enc --encryption-context dept=finance --query Plaintext --output text | base64 --decode | xxd -p -c 64");
    expect(fromCli.trim()).toBe(plaintextKey);
    await page.getByRole("button", { name: "Screen reader mode" }).click();

    const titles = ["Encrypt locally", "Discard the plaintext key", "Store the envelope", "Decrypt the data key", "Decrypt the data"];
    for (const [index, title] of titles.entries()) {
      await envelope.getByRole("button", { name: "Next →" }).click();
      await expect(heading).toHaveText(`Step ${index + 2} of 6: ${title}`);
      await expect(heading).toBeFocused();
      await shot(page, `envelope-step-${index + 2}`);
    }
    await expect(envelope.getByRole("figure", { name: "Plaintext data key, overwritten: 32 bytes" })).toHaveCount(0);
    await expect(envelope.getByText("The original data, byte for byte:")).toBeVisible();
    await expect(envelope.locator("pre", { hasText: "Quarterly numbers: 42" })).toBeVisible();
    await envelope.getByRole("button", { name: "4. Store the envelope" }).click();
    await expect(envelope.locator("pre", { hasText: '"algorithm": "AES-256-GCM"' })).toBeVisible();
    expect((await runAccessible(page, "jq -r .algorithm envelope/message.txt.envelope.json")).trim()).toBe("AES-256-GCM");
    await page.getByRole("button", { name: "Screen reader mode" }).click();

    // Each KMS call is a real one, on the trail.
    await tab(page, "Activity").click();
    await expect(pane(page, "Activity").getByRole("button", { name: /GenerateDataKey/ }).first()).toBeVisible();
    await expect(pane(page, "Activity").getByRole("button", { name: /^Decrypt KMS/ }).first()).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("autoplay moves on by itself and stops at the end; Run in terminal types the step's command", async ({ page }) => {
    await openSandbox(page);
    const envelope = await openEnvelope(page);
    await envelope.getByRole("button", { name: "Encrypt it" }).click();
    await envelope.getByRole("button", { name: "Run in terminal" }).click();
    await expect(page.getByTestId("sandbox-terminal")).toContainText("aws kms generate-data-key --key-id alias/app-key --key-spec AES_256 --encryption-context dept=finance");
    await expect(page.getByTestId("sandbox-terminal")).toContainText('"KeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"');
    await envelope.getByRole("button", { name: "Play" }).click();
    await expect(envelope.getByRole("heading", { level: 3 })).toHaveText("Step 2 of 6: Encrypt locally", { timeout: 8000 });
    await envelope.getByRole("button", { name: "Pause" }).click();
    await page.waitForTimeout(3500);
    await expect(envelope.getByRole("heading", { level: 3 })).toHaveText("Step 2 of 6: Encrypt locally");
  });

  test("flipped bytes and a changed encryption context fail where AWS fails, and say why", async ({ page }) => {
    await openSandbox(page);
    const envelope = await openEnvelope(page);
    await envelope.getByRole("button", { name: "Encrypt it" }).click();
    await envelope.getByRole("button", { name: "5. Decrypt the data key" }).click();
    await expect(envelope.getByText("The same 32 bytes GenerateDataKey returned:")).toBeVisible();
    const breakIt = envelope.getByRole("group", { name: "Try to break it" });

    await breakIt.getByLabel("Encryption context for Decrypt").fill("dept=sales");
    await breakIt.getByRole("button", { name: "Decrypt again" }).click();
    await expect(envelope.getByRole("alert")).toContainText("KMS refused: InvalidCiphertextException");
    await shot(page, "envelope-wrong-context");
    expect(await runAccessible(page, "aws kms decrypt --ciphertext-blob fileb://envelope/message.txt.key.enc --encryption-context dept=sales")).toContain("An error occurred (InvalidCiphertextException) when calling the Decrypt operation");
    await page.getByRole("button", { name: "Screen reader mode" }).click();

    await breakIt.getByLabel("Encryption context for Decrypt").fill("dept=finance");
    await breakIt.getByLabel("Flip a byte of").selectOption("encrypted-key");
    await breakIt.getByLabel("at byte (from 0)").fill("70");
    await breakIt.getByRole("button", { name: "Decrypt again" }).click();
    await expect(envelope.getByRole("alert")).toContainText("KMS refused: InvalidCiphertextException");

    for (const part of ["nonce", "ciphertext", "tag"]) {
      await breakIt.getByLabel("Flip a byte of").selectOption(part);
      await breakIt.getByLabel("at byte (from 0)").fill("2");
      await breakIt.getByRole("button", { name: "Decrypt again" }).click();
      await envelope.getByRole("button", { name: "6. Decrypt the data" }).click();
      await expect(envelope.getByRole("alert")).toContainText("AES-GCM refused the data");
      await envelope.getByRole("button", { name: "5. Decrypt the data key" }).click();
    }
    await shot(page, "envelope-tampered-tag");
  });

  test("a dropped binary file is encrypted whole, and a disabled key refuses GenerateDataKey", async ({ page }) => {
    await openSandbox(page);
    const envelope = await openEnvelope(page);
    const file = path.join(os.tmpdir(), `envelope-${process.pid}.bin`);
    writeFileSync(file, Buffer.from(Array.from({ length: 3000 }, (_, index) => index % 256)));
    await envelope.getByLabel("Choose a file…").setInputFiles(file);
    await expect(envelope).toContainText(`envelope-${process.pid}.bin, 3000 bytes`);
    await envelope.getByRole("button", { name: "Encrypt it" }).click();
    await envelope.getByRole("button", { name: "6. Decrypt the data" }).click();
    await expect(envelope.getByText("The original data, byte for byte:")).toBeVisible();
    expect((await runAccessible(page, `jq -r .ciphertext envelope/envelope-${process.pid}.bin.envelope.json | base64 --decode | wc -c`)).trim()).toBe("3000");
    await runAccessible(page, `aws kms disable-key --key-id ${KEY_ID}`);
    await page.getByRole("button", { name: "Screen reader mode" }).click();
    await envelope.getByRole("button", { name: "Encrypt it" }).click();
    await expect(envelope.getByRole("alert")).toContainText(`KMS refused GenerateDataKey: DisabledException: arn:aws:kms:us-east-1:123456789012:key/${KEY_ID} is disabled.`);
  });
});

test.describe("the state machines pane", () => {
  test("highlights where the selected key and secret stand, and draws each transition as the learner acts", async ({ page }) => {
    await openSandbox(page);
    await pane(page, "Resources").getByRole("button", { name: new RegExp(KEY_ID) }).click();
    await tab(page, "State machines").click();
    const machines = pane(page, "State machines");
    const keyDiagram = machines.locator('[data-machine="kms-key"]');
    await expect(keyDiagram).toHaveAttribute("data-current", "Enabled");
    await expect(machines.locator('[data-machine="kms-key-rotation"]')).toHaveAttribute("data-current", "AutomaticRotationDisabled");

    await run(page, `aws kms disable-key --key-id ${KEY_ID}`);
    await expect(keyDiagram).toHaveAttribute("data-current", "Disabled");
    await expect(keyDiagram.locator(".machine-edge-taken")).toHaveCount(1);
    await run(page, `aws kms schedule-key-deletion --key-id ${KEY_ID} --pending-window-in-days 7`);
    await expect(keyDiagram).toHaveAttribute("data-current", "PendingDeletion.WithKeyMaterial");
    await expect(machines.getByRole("status").first()).toContainText("now PendingDeletion.WithKeyMaterial, after Disabled");
    await shot(page, "machines-key-pending-deletion");

    await run(page, "aws secretsmanager create-secret --name machines/demo --secret-string s3cr3t");
    await pane(page, "Resources").getByRole("button", { name: /machines\/demo/ }).click();
    await expect(machines.locator('[data-machine="secret-lifecycle"]')).toHaveAttribute("data-current", "Active");
    await expect(machines.locator('[data-machine="secret-rotation"]')).toHaveAttribute("data-current", "idle");
    await run(page, "aws secretsmanager delete-secret --secret-id machines/demo --recovery-window-in-days 7");
    await expect(machines.locator('[data-machine="secret-lifecycle"]')).toHaveAttribute("data-current", "PendingDeletion");
  });
});

for (const scheme of ["light", "dark"] as const) {
  test(`the visualisers have no serious accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openSandbox(page);
    const envelope = await openEnvelope(page);
    await envelope.getByRole("button", { name: "Encrypt it" }).click();
    await expectNoSeriousA11yViolations(page, `envelope explorer, step 1 (${scheme})`);
    await envelope.getByRole("button", { name: "5. Decrypt the data key" }).click();
    await expect(envelope.getByText("The same 32 bytes GenerateDataKey returned:")).toBeVisible();
    await expectNoSeriousA11yViolations(page, `envelope explorer, step 5 (${scheme})`);
    await shot(page, `envelope-${scheme}`);
    await pane(page, "Resources").getByRole("button", { name: /alias\/app-key/ }).click();
    await tab(page, "State machines").click();
    await expect(pane(page, "State machines").locator('[data-machine="kms-key"]')).toHaveAttribute("data-current", "Enabled");
    await expectNoSeriousA11yViolations(page, `state machines (${scheme})`);
    await shot(page, `machines-${scheme}`);
  });
}

test("on a 360 px phone the explorer stacks under the terminal without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openSandbox(page);
  await run(page, `aws kms create-alias --alias-name alias/app-key --target-key-id ${KEY_ID}`);
  await page.locator("summary", { hasText: "Envelope encryption" }).click();
  const envelope = pane(page, "Envelope encryption");
  await expect(envelope.getByLabel("KMS key")).toHaveValue("alias/app-key");
  await envelope.getByRole("button", { name: "Encrypt it" }).click();
  await expect(envelope.getByRole("heading", { level: 3 })).toHaveText("Step 1 of 6: GenerateDataKey");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: "test-results/screenshots/envelope-phone.png", fullPage: true });
});

test("a chapter's button opens the docked sandbox on the envelope explorer, loading nothing before the click", async ({ page }) => {
  const { problems } = watchForProblems(page);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await page.goto("/chapters/kms-secrets-manager-parameter-store/kms");
  await page.waitForLoadState("networkidle");
  expect(workers, "no sandbox worker before the click").toEqual([]);
  await page.getByRole("button", { name: "Step through envelope encryption with your own data and your own KMS key" }).click();
  const dock = page.getByTestId("sandbox-dock");
  await expect(dock).toBeVisible();
  await expect(dock.getByRole("tab", { name: "Envelope encryption" })).toHaveAttribute("aria-selected", "true");
  await expect(dock.getByRole("region", { name: "Envelope encryption pane" }).getByRole("button", { name: "Encrypt it" })).toBeVisible();
  expect(workers).toHaveLength(1);
  expect(problems).toEqual([]);
});
