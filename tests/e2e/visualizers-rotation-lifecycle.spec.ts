import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, watchForProblems } from "./helpers";
import { openSandbox, run, runAccessible } from "./sandbox-helpers";

/**
 * The secret rotation walkthrough and the key lifecycle timeline, driven
 * through every step, failure and recovery, with what they show checked
 * against the sandbox as the CLI reports it.
 */

test.use({ viewport: { width: 1920, height: 1200 } });

const pane = (page: Page, name: string) => page.getByRole("region", { name: `${name} pane` });
const tab = (page: Page, name: string) => page.getByRole("tab", { name });
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });
const SINGLE = "walkthrough/single-user";
const ALTERNATING = "walkthrough/alternating-users";

/** Leaves screen reader mode, so the next `run` types into xterm again. */
async function leaveAccessible(page: Page) {
  const toggle = page.getByRole("button", { name: "Screen reader mode" });
  if ((await toggle.getAttribute("aria-pressed")) === "true") await toggle.click();
}

/** The CLI's view of a secret: its AWSCURRENT credentials and which labels each version carries. */
async function secretFromCli(page: Page, secretId: string) {
  const current = JSON.parse(await runAccessible(page, `aws secretsmanager get-secret-value --secret-id ${secretId} --query SecretString --output text`)) as { username: string; password: string };
  const versions = JSON.parse(await runAccessible(page, `aws secretsmanager list-secret-version-ids --secret-id ${secretId} --query 'Versions[].VersionStages'`)) as string[][];
  await leaveAccessible(page);
  // AWS leaves AWSPENDING on the new AWSCURRENT version after a rotation, or removes it: both mean "no rotation in progress".
  const settled = versions.map((stages) => (stages.includes("AWSCURRENT") ? stages.filter((stage) => stage !== "AWSPENDING") : stages));
  return { current, stages: settled.map((stages) => [...stages].sort().join(",")).sort() };
}

async function openRotation(page: Page) {
  await tab(page, "Secret rotation").click();
  const rotation = pane(page, "Secret rotation");
  await rotation.getByRole("button", { name: "Set up the walkthrough" }).click();
  await expect(rotation.getByRole("button", { name: "Rotate both" })).toBeVisible();
  return rotation;
}

/** The two strategies' columns at the step shown. */
const column = (rotation: Locator, strategy: "single-user" | "alternating-users") => rotation.locator(`section[data-strategy="${strategy}"]`);

test.describe("the secret rotation walkthrough", () => {
  test("steps through a rotation of both secrets; what it shows at the end is what the CLI reads", async ({ page }) => {
    const { problems } = watchForProblems(page);
    await openSandbox(page);
    const rotation = await openRotation(page);
    await rotation.getByRole("button", { name: "Rotate both" }).click();
    const steps = rotation.getByRole("list", { name: "Steps of the rotation" });
    await expect(steps.getByRole("button")).toHaveCount(6);
    const single = column(rotation, "single-user");
    const alternating = column(rotation, "alternating-users");

    // What an application reading AWSCURRENT gets at each step: the single user's window between setSecret and finishSecret.
    const expected: [string, { single: RegExp; alternating: RegExp }][] = [
      ["Before", { single: /app_single with password 1: works/, alternating: /app_alt with password 1: works/ }],
      ["Placeholder created", { single: /app_single with password 1: works/, alternating: /app_alt with password 1: works/ }],
      ["createSecret", { single: /app_single with password 1: works/, alternating: /app_alt with password 1: works/ }],
      ["setSecret", { single: /app_single with password 1: fails/, alternating: /app_alt with password 1: works/ }],
      ["testSecret", { single: /app_single with password 1: fails/, alternating: /app_alt with password 1: works/ }],
      ["finishSecret", { single: /app_single with password 2: works/, alternating: /app_alt_clone with password 2: works/ }],
    ];
    for (const [index, [label, apps]] of expected.entries()) {
      await steps.getByRole("button", { name: new RegExp(`${label}$`) }).click();
      await expect(steps.getByRole("button", { name: new RegExp(`${label}$`) })).toHaveAttribute("aria-current", "step");
      await expect(single.getByTestId("app-outcome")).toContainText(apps.single);
      await expect(alternating.getByTestId("app-outcome")).toContainText(apps.alternating);
      await expect(rotation.getByTestId("step-announcement")).toContainText(`Step ${index + 1} of 6: ${label}.`);
      await shot(page, `rotation-step-${index + 1}`);
    }
    // The placeholder has no value until createSecret fills it.
    await steps.getByRole("button", { name: /Placeholder created$/ }).click();
    await expect(single.getByText("no value yet: an empty placeholder")).toBeVisible();
    await steps.getByRole("button", { name: /createSecret$/ }).click();
    await expect(single.getByText("no value yet: an empty placeholder")).toHaveCount(0);
    await expect(single.getByRole("table")).not.toContainText("changed in this step");
    await steps.getByRole("button", { name: /setSecret$/ }).click();
    await expect(single.getByRole("table")).toContainText("changed in this step");

    // Back and Next walk the same steps.
    await rotation.getByRole("button", { name: "Back" }).click();
    await expect(steps.getByRole("button", { name: /createSecret$/ })).toHaveAttribute("aria-current", "step");
    await rotation.getByRole("button", { name: "Next" }).click();
    await rotation.getByRole("button", { name: "Next" }).click();
    await expect(steps.getByRole("button", { name: /testSecret$/ })).toHaveAttribute("aria-current", "step");

    // The last step's passwords are the ones Secrets Manager holds now.
    await steps.getByRole("button", { name: /finishSecret$/ }).click();
    const shownSingle = await single.locator("[data-version] [data-password]").first().getAttribute("title");
    const cliSingle = await secretFromCli(page, SINGLE);
    expect(cliSingle.current.username).toBe("app_single");
    expect(cliSingle.current.password).toBe(shownSingle);
    expect(cliSingle.stages).toEqual(["AWSCURRENT", "AWSPREVIOUS"]);
    const cliAlternating = await secretFromCli(page, ALTERNATING);
    expect(cliAlternating.current.username).toBe("app_alt_clone");
    expect(cliAlternating.current.password).toBe(await alternating.locator("[data-version] [data-password]").first().getAttribute("title"));

    // Each step is on the trail, as the function's calls.
    await tab(page, "Activity").click();
    await expect(pane(page, "Activity").getByRole("button", { name: /RotateSecret/ }).first()).toBeVisible();
    await expect(pane(page, "Activity").getByRole("button", { name: /PutSecretValue/ }).first()).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("Play steps on by itself and stops at the last step; the state machine follows the step", async ({ page }) => {
    await openSandbox(page);
    const rotation = await openRotation(page);
    await rotation.getByRole("button", { name: "Rotate both" }).click();
    const machine = rotation.locator('[data-machine="secret-rotation"]');
    await expect(machine).toHaveAttribute("data-current", "idle");
    await rotation.getByRole("button", { name: "Play" }).click();
    await expect(rotation.getByText("Step 2 of 6", { exact: true })).toBeVisible({ timeout: 8000 });
    await expect(machine).toHaveAttribute("data-current", "createSecret");
    await expect(rotation.getByText("Step 6 of 6", { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(rotation.getByRole("button", { name: "Play" })).toBeVisible();
    await expect(machine).toHaveAttribute("data-current", "idle");
  });

  const failures = [
    { label: "Database unreachable", step: "setSecret", error: /setSecret failed/, fixed: "no failure is injected now" },
    { label: "No kms:Decrypt", step: "createSecret", error: /createSecret failed: ClientError.*\(AccessDeniedException\) when calling the GetSecretValue operation/, fixed: "no failure is injected now" },
    { label: "Password rejected", step: "setSecret", error: /setSecret failed/, fixed: "no failure is injected now" },
  ];
  for (const failure of failures) {
    test(`${failure.label}: the rotation stops where AWS's would, applications keep working, and the recovery works`, async ({ page }) => {
      await openSandbox(page);
      const rotation = await openRotation(page);
      await rotation.getByRole("button", { name: new RegExp(`^${failure.label}`) }).click();
      await expect(rotation.getByRole("button", { name: new RegExp(`^${failure.label}`) })).toHaveAttribute("aria-pressed", "true");
      await rotation.getByRole("button", { name: "Rotate both" }).click();
      const single = column(rotation, "single-user");
      // The walkthrough starts before the rotation; the failed step is the last one reached.
      const steps = rotation.getByRole("list", { name: "Steps of the rotation" });
      await expect(steps.getByRole("button", { name: /finishSecret \(not reached\)$/ })).toBeDisabled();
      await steps.getByRole("button", { name: new RegExp(`${failure.step}$`) }).click();
      await expect(single.getByTestId("step-error")).toContainText(failure.error);
      await expect(rotation.getByText(`the rotation stopped at ${failure.step}`)).toBeVisible();
      // AWSCURRENT was never moved: the application still logs in with the first password.
      await expect(single.getByTestId("app-outcome")).toHaveAttribute("data-works", "true");
      await expect(single.getByTestId("recovery")).toContainText(`${failure.step} failed`);
      await shot(page, `rotation-failure-${failure.label.toLowerCase().replace(/[^a-z]+/g, "-")}`);

      // AWS left AWSPENDING behind: RotateSecret is refused until it is dealt with.
      const refused = await runAccessible(page, `aws secretsmanager rotate-secret --secret-id ${SINGLE}`);
      expect(refused).toContain("An error occurred (InvalidRequestException) when calling the RotateSecret operation: A previous rotation isn't complete. That rotation will be reattempted.");
      const cli = await secretFromCli(page, SINGLE);
      expect(cli.current.username).toBe("app_single");
      expect(cli.stages).toEqual(failure.step === "createSecret" ? ["AWSCURRENT", "AWSPENDING"] : ["AWSCURRENT", "AWSPENDING"]);

      // Recover: fix the cause, clear AWSPENDING and rotate again, as the pane says.
      await single.getByTestId("recovery").getByRole("button", { name: /^Fix the cause/ }).click();
      await expect(single.getByTestId("recovery")).toContainText(failure.fixed);
      await single.getByTestId("recovery").getByRole("button", { name: "Run all 2 in terminal" }).click();
      await expect(single.getByTestId("recovery")).toContainText("has no unfinished rotation now", { timeout: 15_000 });
      const after = await secretFromCli(page, SINGLE);
      expect(after.stages).toEqual(["AWSCURRENT", "AWSPREVIOUS"]);
      expect(after.current.password).not.toBe(cli.current.password);
    });
  }

  test("a scheduled rotation runs when the simulated clock reaches it", async ({ page }) => {
    await openSandbox(page);
    const rotation = await openRotation(page);
    await expect(rotation).toContainText("No rotation is scheduled.");
    await rotation.getByLabel("Rotate every").selectOption("7");
    await rotation.getByRole("button", { name: "Turn on the schedule" }).click();
    await expect(rotation).toContainText("Next scheduled rotation:");
    const cli = JSON.parse(await runAccessible(page, `aws secretsmanager describe-secret --secret-id ${SINGLE} --query '{Enabled:RotationEnabled,Days:RotationRules.AutomaticallyAfterDays}'`));
    expect(cli).toEqual({ Enabled: true, Days: 7 });
    await leaveAccessible(page);
    // Turning the schedule on rotates once at once, as AWS does; the next one is due in 7 days.
    const before = await secretFromCli(page, SINGLE);
    await rotation.getByRole("button", { name: "Advance the clock to the next rotation" }).click();
    await expect(rotation.getByTestId("clock-moved")).toContainText("The clock moved forward");
    await expect(rotation.getByRole("heading", { name: /^Scheduled rotation, / })).toBeVisible();
    await rotation.getByRole("list", { name: "Steps of the rotation" }).getByRole("button", { name: /finishSecret$/ }).click();
    await expect(column(rotation, "single-user").getByTestId("app-outcome")).toHaveAttribute("data-works", "true");
    await shot(page, "rotation-scheduled");
    const after = await secretFromCli(page, SINGLE);
    expect(after.current.password).not.toBe(before.current.password);
    const clock = await runAccessible(page, "clock");
    expect(clock).toMatch(/2026-01-2\d/);
  });
});

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

test.describe("the key lifecycle timeline", () => {
  test("rotations add material versions, old samples still decrypt, and a deleted key ends the timeline", async ({ page }) => {
    const { problems } = watchForProblems(page);
    await openSandbox(page);
    const keyId = (await run(page, "aws kms create-key --description lifecycle-demo --query KeyMetadata.KeyId --output text")).trim();
    expect(keyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(keyId).not.toBe(KEY_ID);
    await tab(page, "Key lifecycle").click();
    const lifecycle = pane(page, "Key lifecycle");
    await lifecycle.getByLabel("Key", { exact: true }).selectOption(keyId);
    await expect(lifecycle.getByTestId("key-facts")).toContainText("Key material versions: 1");

    await lifecycle.getByRole("button", { name: "Encrypt a sample now" }).click();
    await expect(lifecycle.getByTestId("samples-message")).toContainText("Sample 1 encrypted with key material version 1");
    await lifecycle.getByRole("button", { name: "Rotate now (on demand)" }).click();
    await expect(lifecycle.getByTestId("key-facts")).toContainText("Key material versions: 2");
    await lifecycle.getByRole("button", { name: "Encrypt a sample now" }).click();
    await expect(lifecycle.getByTestId("samples-message")).toContainText("Sample 2 encrypted with key material version 2");
    await lifecycle.getByRole("button", { name: "Decrypt every sample" }).click();
    await expect(lifecycle.getByTestId("samples-message")).toHaveText("2 of 2 samples decrypted.");
    await expect(lifecycle.locator('tr[data-sample="1"]')).toContainText("1 of 2");
    await expect(lifecycle.locator('tr[data-sample="1"]')).toContainText("✓");
    await shot(page, "key-lifecycle-rotated");

    // The CLI agrees: one rotation on record, and the old sample decrypts in the terminal.
    const rotations = JSON.parse(await runAccessible(page, `aws kms list-key-rotations --key-id ${keyId} --query 'Rotations[].RotationType'`));
    expect(rotations).toEqual(["ON_DEMAND"]);
    await leaveAccessible(page);
    await lifecycle.getByRole("button", { name: "Decrypt sample 1 in terminal" }).click();
    await expect(page.getByTestId("sandbox-terminal")).toContainText("sample encrypted at");

    // Automatic rotation on: the next rotation is on the timeline while the key is enabled, and paused while it is not.
    await lifecycle.getByRole("button", { name: "Rotate every 90 days" }).click();
    await expect(lifecycle.getByTestId("key-facts")).toContainText("Next automatic rotation");

    // Disabled, the key decrypts nothing; enabled again, everything.
    await lifecycle.getByRole("button", { name: "Disable" }).click();
    await expect(lifecycle.getByRole("heading", { level: 3 }).locator("..")).toContainText("Disabled");
    await expect(lifecycle.getByTestId("key-facts")).toContainText("Automatic rotation is on, but KMS rotates only an enabled key: while this key is disabled, no rotation happens.");
    await expect(lifecycle.getByTestId("key-facts")).not.toContainText("Next automatic rotation");
    await lifecycle.getByRole("button", { name: "Decrypt every sample" }).click();
    await expect(lifecycle.getByTestId("samples-message")).toHaveText("0 of 2 samples decrypted.");
    await expect(lifecycle.locator('tr[data-sample="2"]')).toContainText("DisabledException");
    await lifecycle.getByRole("button", { name: "Enable" }).click();
    await expect(lifecycle.getByRole("heading", { level: 3 }).locator("..")).toContainText("Enabled");
    await expect(lifecycle.getByTestId("key-facts")).toContainText("Next automatic rotation");

    // Scheduled for deletion, then the clock passes the date: KMS deletes it and the timeline ends.
    await lifecycle.getByRole("button", { name: "Schedule deletion in 7 days" }).click();
    await expect(lifecycle.getByTestId("key-facts")).toContainText("Deleted for good");
    await expect(lifecycle.getByTestId("key-facts")).toContainText("KMS does not rotate a key that is pending deletion.");
    await expect(lifecycle.locator('[data-machine="kms-key"]')).toHaveAttribute("data-current", /PendingDeletion/);
    await shot(page, "key-lifecycle-pending-deletion");
    await lifecycle.getByRole("button", { name: "+8 days" }).click();
    await expect(lifecycle.getByTestId("key-facts")).toContainText("KMS deleted this key when its waiting period ended");
    await expect(lifecycle.getByTestId("key-events")).toContainText("DeleteKey");
    await lifecycle.getByRole("button", { name: "Decrypt every sample" }).click();
    await expect(lifecycle.getByTestId("samples-message")).toHaveText("0 of 2 samples decrypted.");
    await shot(page, "key-lifecycle-deleted");
    expect(await runAccessible(page, `aws kms describe-key --key-id ${keyId}`)).toContain("(NotFoundException)");
    expect(problems).toEqual([]);
  });
});

for (const scheme of ["light", "dark"] as const) {
  test(`the rotation and key lifecycle panes have no serious accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openSandbox(page);
    const rotation = await openRotation(page);
    await rotation.getByRole("button", { name: /^Password rejected/ }).click();
    await rotation.getByRole("button", { name: "Rotate both" }).click();
    await rotation.getByRole("list", { name: "Steps of the rotation" }).getByRole("button", { name: /setSecret$/ }).click();
    await expect(column(rotation, "single-user").getByTestId("recovery")).toBeVisible();
    await expectNoSeriousA11yViolations(page, `rotation walkthrough (${scheme})`);
    await shot(page, `rotation-${scheme}`);
    await tab(page, "Key lifecycle").click();
    const lifecycle = pane(page, "Key lifecycle");
    await lifecycle.getByRole("button", { name: "Encrypt a sample now" }).click();
    await expect(lifecycle.getByTestId("samples-message")).toContainText("Sample 1 encrypted");
    await expectNoSeriousA11yViolations(page, `key lifecycle (${scheme})`);
    await shot(page, `key-lifecycle-${scheme}`);
  });
}

test("on a 360 px phone the rotation walkthrough stacks under the terminal without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openSandbox(page);
  await page.locator("summary", { hasText: "Secret rotation" }).click();
  const rotation = pane(page, "Secret rotation");
  await rotation.getByRole("button", { name: "Set up the walkthrough" }).click();
  await rotation.getByRole("button", { name: "Rotate both" }).click();
  await rotation.getByRole("list", { name: "Steps of the rotation" }).getByRole("button", { name: /setSecret$/ }).click();
  await expect(column(rotation, "single-user").getByTestId("app-outcome")).toHaveAttribute("data-works", "false");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: "test-results/screenshots/rotation-phone.png", fullPage: true });
});

test("the Secrets Manager section's button opens the docked sandbox on the rotation walkthrough, and the KMS section's on the key lifecycle", async ({ page }) => {
  const { problems } = watchForProblems(page);
  await page.goto("/chapters/kms-secrets-manager-parameter-store/secrets-manager");
  await page.getByRole("button", { name: "Rotate a database secret step by step with both strategies, then break a rotation and recover it" }).click();
  const dock = page.getByTestId("sandbox-dock");
  await expect(dock.getByRole("tab", { name: "Secret rotation" })).toHaveAttribute("aria-selected", "true");
  await expect(dock.getByRole("region", { name: "Secret rotation pane" }).getByRole("button", { name: "Set up the walkthrough" })).toBeVisible();

  await page.goto("/chapters/kms-secrets-manager-parameter-store/kms");
  await page.getByRole("button", { name: "Rotate, disable and delete a key on its timeline, and see which ciphertexts still decrypt" }).click();
  await expect(page.getByTestId("sandbox-dock").getByRole("tab", { name: "Key lifecycle" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("sandbox-dock").getByRole("region", { name: "Key lifecycle pane" }).getByLabel("Key", { exact: true })).toBeVisible();
  expect(problems).toEqual([]);
});
