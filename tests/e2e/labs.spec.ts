import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, watchForProblems } from "./helpers";
import { idle, lines, PROMPT, run } from "./sandbox-helpers";

/**
 * Labs as a learner works through them: the guide beside the lab's own
 * terminal, each step ticked when the sandbox meets it, hints and the
 * solution on request, the lab kept across a reload; signed in, the server
 * replays the command log and records what it confirms, and a forged
 * request cannot complete a lab.
 */
const runId = Date.now().toString(36);
const PASSWORD = "a long enough passphrase";

async function openLab(page: Page, id: string) {
  await page.goto(`/labs/${id}`);
  await expect(page.locator(".xterm-helper-textarea")).toBeFocused();
  await idle(page);
  await expect.poll(async () => (await lines(page)).at(-1)).toBe(PROMPT.trimEnd());
}

const step = (page: Page, id: string) => page.locator(`[data-step="${id}"]`);

test("a learner without an account does a lab step by step in its terminal, with a hint, and finds it as they left it", async ({ page }) => {
  const { problems } = watchForProblems(page);
  await openLab(page, "keys-and-aliases");
  await expect(page.getByTestId("lab-progress")).toHaveText("0 of 4 steps done");
  await expect(step(page, "create-key-and-alias")).toHaveAttribute("data-status", "current");
  await expect(step(page, "turn-on-rotation")).toHaveAttribute("data-status", "later");

  await step(page, "create-key-and-alias").getByRole("button", { name: "Show a hint" }).click();
  await expect(step(page, "create-key-and-alias").getByText(/^Hint 1:/)).toBeVisible();

  await run(page, "KEY_ID=$(aws kms create-key --description 'app key' --query KeyMetadata.KeyId --output text)");
  await expect(page.getByTestId("lab-progress")).toHaveText("0 of 4 steps done");
  await run(page, 'aws kms create-alias --alias-name alias/app-key --target-key-id "$KEY_ID"');
  await expect(step(page, "create-key-and-alias")).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("lab-progress")).toHaveText("1 of 4 steps done");
  await expect(step(page, "turn-on-rotation")).toHaveAttribute("data-status", "current");
  await expect(page.getByTestId("lab-record")).toContainText("Kept in this browser.");
  await expectNoSeriousA11yViolations(page, "a lab in progress");

  await page.reload();
  await idle(page);
  await expect(page.getByTestId("lab-progress")).toHaveText("1 of 4 steps done");
  await expect(step(page, "create-key-and-alias").getByText(/^Hint 1:/)).toHaveCount(0);
  // The sandbox came back too: the alias is there.
  await expect(step(page, "turn-on-rotation")).toHaveAttribute("data-status", "current");
  expect(await run(page, "aws kms describe-key --key-id alias/app-key --query KeyMetadata.KeyState --output text")).toBe("Enabled");
  // The Activity pane beside the terminal lists the calls, as CloudTrail would.
  await page.getByRole("tab", { name: "Activity" }).click();
  await expect(page.getByText("CreateAlias").first()).toBeVisible();
  // The list of labs says where the learner is.
  await page.goto("/labs");
  await expect(page.getByTestId("labs-progress").getByRole("listitem").filter({ hasText: "Keys and aliases" })).toContainText("1 of 4 steps");
  await expect(page.getByText("As kept in this browser.")).toBeVisible();
  expect(problems).toEqual([]);
});

test("signed in, a completed lab is recorded after the server replays the commands; a forged request completes nothing", async ({ page, baseURL }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Lab Tester");
  await page.getByLabel("Email").fill(`lab-${runId}@example.com`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  await openLab(page, "keys-and-aliases");
  await run(page, "KEY_ID=$(aws kms create-key --description 'app key' --query KeyMetadata.KeyId --output text)");
  await run(page, 'aws kms create-alias --alias-name alias/app-key --target-key-id "$KEY_ID"');
  await expect(page.getByTestId("lab-record")).toHaveText("Recorded on your account: replaying your commands, the server confirmed 1 of 4 steps.");
  await run(page, 'aws kms enable-key-rotation --key-id "$KEY_ID"');
  await expect(page.getByTestId("lab-progress")).toHaveText("2 of 4 steps done");

  // Stuck on the third step: the solution, shown and run from the guide.
  const third = step(page, "encrypt-with-the-alias");
  await third.getByRole("button", { name: "Show the solution" }).click();
  await expect(third.getByText("Solution (recorded as shown)")).toBeVisible();
  await third.getByRole("button", { name: "Run it in the terminal" }).click();
  await expect(page.getByTestId("lab-progress")).toHaveText("3 of 4 steps done");
  await idle(page);

  await run(page, "NEW_KEY_ID=$(aws kms create-key --description 'app key 2' --query KeyMetadata.KeyId --output text)");
  await run(page, 'aws kms update-alias --alias-name alias/app-key --target-key-id "$NEW_KEY_ID"');
  await expect(page.getByTestId("lab-progress")).toHaveText("Lab complete: all 4 steps done.");
  await expect(page.getByTestId("lab-record")).toHaveText("Recorded on your account: replaying your commands, the server confirmed 4 of 4 steps (lab complete).");

  const recorded = (await (await page.request.get("/api/progress/labs")).json()) as { labs: { labId: string; stepsDone: number; solutionsShown: number; completedAt: string | null }[] };
  expect(recorded.labs).toEqual([expect.objectContaining({ labId: "keys-and-aliases", stepsDone: 4, solutionsShown: 1, completedAt: expect.any(String) })]);
  await page.goto("/dashboard");
  await expect(page.getByTestId("labs-progress").getByRole("listitem").filter({ hasText: "Keys and aliases" })).toContainText("complete · 1 solution shown");

  // The same account, a forged request for another lab: the browser's word counts for nothing, only the replay.
  const headers = { origin: baseURL! };
  const forged = await page.request.put("/api/progress/labs", {
    headers,
    data: { labId: "secrets-rotation", startedAt: new Date().toISOString(), commands: ["aws() { return 0; }", "jq() { return 0; }", "echo all steps done"], solutionsShown: 0 },
  });
  expect(forged.status()).toBe(200);
  expect(await forged.json()).toEqual({ labId: "secrets-rotation", steps: 4, stepsDone: 0, completed: false, doneAfter: [] });
  const unknown = await page.request.put("/api/progress/labs", { headers, data: { labId: "no-such-lab", startedAt: new Date().toISOString(), commands: [], solutionsShown: 0 } });
  expect(unknown.status()).toBe(404);
  expect(((await unknown.json()) as { error: string }).error).toBe('There is no lab "no-such-lab".');
  const claimed = await page.request.put("/api/progress/labs", { headers, data: { labId: "secrets-rotation", stepsDone: 4, completed: true } });
  expect(claimed.status()).toBe(400);
  const after = (await (await page.request.get("/api/progress/labs")).json()) as { labs: { labId: string; completedAt: string | null; stepsDone: number }[] };
  expect(after.labs.find((lab) => lab.labId === "secrets-rotation")).toEqual(expect.objectContaining({ stepsDone: 0, completedAt: null }));
});

test("the integrations lab: an instance's user data, read on its console and in the Resources pane; the other steps from the guide's solutions", async ({ page }) => {
  const { problems } = watchForProblems(page);
  await openLab(page, "integrations");
  await expect(page.getByTestId("lab-progress")).toHaveText("0 of 4 steps done");
  await run(page, "IMAGE=$(aws ec2 describe-images --owners amazon --filters Name=architecture,Values=x86_64 --query 'Images[0].ImageId' --output text)");

  // Without an instance profile the script on the instance has no credentials.
  const bare = await run(page, "aws ec2 run-instances --image-id \"$IMAGE\" --user-data file://user-data.sh --query 'Instances[0].InstanceId' --output text");
  expect(bare).toMatch(/^i-0[0-9a-f]{16}$/);
  expect(await run(page, `aws ec2 get-console-output --instance-id ${bare} --query Output --output text | grep -c 'Unable to locate credentials'`)).toBe("2");
  await expect(step(page, "launch-web-server")).toHaveAttribute("data-status", "current");

  await run(page, "aws ec2 run-instances --image-id \"$IMAGE\" --iam-instance-profile Name=orders-web --user-data file://user-data.sh --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=orders-web}]' --query 'Instances[0].State.Name' --output text");
  await expect(step(page, "launch-web-server")).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("lab-progress")).toHaveText("1 of 4 steps done");

  // The Resources pane shows both instances; the console output is one click away.
  await page.getByRole("tab", { name: "Resources" }).click();
  const instances = page.getByRole("region", { name: /Instances and functions/ });
  await expect(instances.getByText("no instance profile (no credentials)")).toBeVisible();
  await instances.getByText("orders-web", { exact: true }).locator("xpath=ancestor::li").getByText(/^Console output/).click();
  await expect(instances.getByText("orders-web: database orders-db.internal, API key of 23 characters loaded")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the integrations lab with instances");

  // The other steps from the guide's solutions, run in the terminal: a zip and a function; a key policy
  // edited with jq; a failed stack deleted, its template rewritten with a here-document, deployed again.
  for (const [id, done] of [["deploy-function", 2], ["function-reads-secret", 3], ["reporting-stack", 4]] as const) {
    await step(page, id).getByRole("button", { name: "Show the solution" }).click();
    await step(page, id).getByRole("button", { name: "Run it in the terminal" }).click();
    await expect(step(page, id)).toHaveAttribute("data-status", "done", { timeout: 20_000 });
    await idle(page);
    if (done < 4) await expect(page.getByTestId("lab-progress")).toHaveText(`${done} of 4 steps done`);
  }
  await expect(page.getByTestId("lab-progress")).toHaveText("Lab complete: all 4 steps done.");
  await expect(instances.getByText("orders-api", { exact: true })).toBeVisible();
  const stacks = page.getByRole("region", { name: /CloudFormation stacks/ });
  await expect(stacks.getByText("CREATE_COMPLETE", { exact: true })).toBeVisible();
  await expect(stacks.getByText("DbHost: /orders/prod/db-host → orders-db.internal")).toBeVisible();
  expect(problems).toEqual([]);
});

test("every lab page fits a 360 px phone, whatever the length of its title", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  // The integrations lab has the longest title: the sandbox's header shows it truncated, and it once widened the page by 326 px.
  for (const id of ["keys-and-aliases", "integrations"]) {
    await page.goto(`/labs/${id}`);
    await expect(page.locator(".xterm-helper-textarea")).toBeAttached();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), id).toBeLessThanOrEqual(0);
  }
});
