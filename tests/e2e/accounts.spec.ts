import { readFileSync, existsSync } from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { e2eMailFile } from "./e2e-env";
import { expectNoSeriousA11yViolations, watchForProblems } from "./helpers";
import { answerRight, bank } from "./quiz-helpers";
import { courseData } from "./course-data";
import { openSandbox, run } from "./sandbox-helpers";

/**
 * Accounts as learners use them: sign up, learn, answer, see the dashboard;
 * progress made without an account carried in once; password change and
 * reset; deletion. Addresses are unique per run, so the suite can run again
 * on the same database.
 */
const runId = Date.now().toString(36);
const email = (who: string) => `${who}-${runId}@example.com`;
const PASSWORD = "a long enough passphrase";

async function signUp(page: Page, who: string, password = PASSWORD) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(`${who[0]!.toUpperCase()}${who.slice(1)} Tester`);
  await page.getByLabel("Email").fill(email(who));
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

async function signIn(page: Page, who: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email(who));
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Answers the drill's current question right, as a learner would. */
async function answerDrillQuestion(page: Page) {
  const questions = await bank();
  await page.goto("/practice/drill");
  const form = page.locator("form[data-question-id]");
  const id = await form.getAttribute("data-question-id");
  await answerRight(form, questions.get(id!)!);
  await form.getByRole("button", { name: "Check: I’m sure" }).click();
  await expect(form.getByRole("status")).toContainText("Correct.");
  // Leaving before the answer is recorded would drop it, as it would for a learner who closes the tab at once.
  await expect(form).toHaveAttribute("data-progress", "saved");
}

async function firstSection() {
  return (await courseData()).chapters[0]!.sections[1]!;
}

test("sign up, read and answer, and the dashboard shows it, kept on the account across browsers", async ({ page, browser }) => {
  const { problems } = watchForProblems(page);
  await signUp(page, "reader");
  await expect(page.getByRole("link", { name: "Reader Tester: your account" })).toBeVisible();
  await expect(page.getByTestId("answers-total")).toHaveText("0");

  const section = await firstSection();
  await page.goto(section.href);
  await page.getByRole("button", { name: "Mark this section as read" }).click();
  await expect(page.getByRole("button", { name: "✓ Read" })).toHaveAttribute("aria-pressed", "true");
  await answerDrillQuestion(page);

  await page.goto("/dashboard");
  await expect(page.getByTestId("answers-total")).toHaveText("1");
  await expect(page.getByTestId("sections-read")).toHaveText(/^1 of \d+$/);
  await expect(page.getByTestId("streak")).toHaveText("1 day");
  await expect(page.getByTestId("recent-attempts")).toContainText("Drill");
  await expect(page.getByText(/Progress of Reader Tester, kept on your account/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "dashboard");
  await page.goto("/account");
  await expectNoSeriousA11yViolations(page, "account page");

  // Another browser (a new context: no IndexedDB, no cookie) sees the same after signing in.
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, "reader");
  await expect(second).toHaveURL(/\/dashboard/);
  await expect(second.getByTestId("answers-total")).toHaveText("1");
  await second.goto(section.href);
  await expect(second.getByRole("button", { name: "✓ Read" })).toBeVisible();
  await other.close();
  expect(problems).toEqual([]);
});

test("progress made without an account is carried into it at sign-up, once", async ({ page }) => {
  const { problems } = watchForProblems(page);
  const section = await firstSection();
  await page.goto(section.href);
  await page.getByRole("button", { name: "Mark this section as read" }).click();
  await expect(page.getByRole("button", { name: "✓ Read" })).toBeVisible();
  await answerDrillQuestion(page);
  await answerDrillQuestion(page);

  await page.goto("/dashboard");
  await expect(page.getByText("This progress is kept in this browser only.")).toBeVisible();
  await expect(page.getByTestId("answers-total")).toHaveText("2");

  await signUp(page, "anonymous");
  await expect(page.locator("main").getByRole("status").filter({ hasText: "Added to your account from this browser: 2 attempt(s) and 1 section(s) read." })).toBeVisible();
  await expect(page.getByTestId("answers-total")).toHaveText("2");
  await expect(page.getByTestId("sections-read")).toHaveText(/^1 of /);

  // Signing out and in again in the same browser carries nothing twice.
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/dashboard");
  await expect(page.getByTestId("answers-total")).toHaveText("0"); // the browser's copy went to the account
  await signIn(page, "anonymous");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("answers-total")).toHaveText("2");
  expect(problems).toEqual([]);
});

test("change the password, reset a forgotten one by the emailed link, and every old session ends", async ({ page, browser }) => {
  await signUp(page, "forgetful");
  await page.goto("/account");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("Choose a password of at least 10 characters.");
  await page.getByLabel("Current password").fill("not the password at all");
  await page.getByLabel("New password").fill("second passphrase here");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText(/invalid password/i);
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("second passphrase here");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("main").getByRole("status")).toHaveText("Your password is changed.");

  // Forgotten: ask for a link in another browser; the link arrives by mail (a file in the tests).
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto("/forgot-password");
  await other.getByLabel("Email").fill(email("forgetful"));
  await other.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(other.locator("main").getByRole("status")).toContainText("If that address has an account");
  const link = await resetLink(email("forgetful"));
  await other.goto(link);
  await expect(other).toHaveURL(/\/reset-password\?token=/);
  await other.getByLabel("New password", { exact: true }).fill("third passphrase here");
  await other.getByLabel("The new password again").fill("third passphrase here");
  await other.getByRole("button", { name: "Set the new password" }).click();
  await expect(other.locator("main").getByRole("status")).toContainText("Your password is changed and every device was signed out.");
  // The link works once.
  await other.goto(link);
  await expect(other.locator("main").getByRole("alert")).toContainText("This reset link is not valid any more");
  await context.close();

  // The first browser was signed out by the reset; the old password no longer works, the new one does.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount|\/sign-in\?next=\/account/);
  await signIn(page, "forgetful", "second passphrase here");
  await expect(page.locator("main").getByRole("alert")).toContainText(/invalid email or password/i);
  await signIn(page, "forgetful", "third passphrase here");
  await expect(page).toHaveURL(/\/dashboard/);
});

async function resetLink(to: string): Promise<string> {
  for (let tries = 0; tries < 50; tries++) {
    if (existsSync(e2eMailFile)) {
      const mails = readFileSync(e2eMailFile, "utf8").trim().split("\n").map((line) => JSON.parse(line) as { to: string; text: string });
      const mail = mails.reverse().find((entry) => entry.to === to);
      const url = mail?.text.match(/https?:\/\/\S+/)?.[0];
      if (url) return url;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no reset mail for ${to} in ${e2eMailFile}`);
}

test("sign-in attempts are limited per account, whatever the address they come from", async ({ request, baseURL }) => {
  const created = await request.post("/api/auth/sign-up/email", { data: { name: "Target", email: email("target"), password: PASSWORD }, headers: { origin: baseURL! } });
  expect(created.status()).toBe(200);
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 11; attempt++) {
    const response = await request.post("/api/auth/sign-in/email", { data: { email: email("target"), password: `wrong guess ${attempt}` }, headers: { origin: baseURL!, "x-forwarded-for": `198.51.100.${attempt + 1}` } });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
  expect(statuses[10]).toBe(429);
  // Even the right password waits now: the limit protects the account, not one address.
  const right = await request.post("/api/auth/sign-in/email", { data: { email: email("target"), password: PASSWORD }, headers: { origin: baseURL!, "x-forwarded-for": "203.0.113.50" } });
  expect(right.status()).toBe(429);
  expect(((await right.json()) as { message: string }).message).toMatch(/^Too many sign-in attempts for this account/);
});

test("deleting the account deletes its data; the export before it has everything", async ({ page }) => {
  await signUp(page, "leaving");
  await answerDrillQuestion(page);
  const download = await page.request.get("/api/account/export");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="keystone-export-\d{4}-\d{2}-\d{2}\.json"$/);
  const data = (await download.json()) as { user: { email: string }; attempts: { answers: unknown[] }[] };
  expect(data.user.email).toBe(email("leaving"));
  expect(data.attempts).toHaveLength(1);
  expect(JSON.stringify(data)).not.toMatch(/"password"|"token"/);

  await page.goto("/account");
  await page.getByLabel("Your password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("Tick the box to confirm that everything goes.");
  await page.getByLabel(/I understand that my progress/).check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  expect((await page.request.get("/api/progress")).status()).toBe(401);
  await signIn(page, "leaving");
  await expect(page.locator("main").getByRole("alert")).toContainText(/invalid email or password/i);
});

/** A signed-in API client for the authorization tests; it sends the site's Origin, as a browser on the site does. */
async function apiUser(browser: Browser, who: string, baseURL: string): Promise<APIRequestContext> {
  const context = await browser.newContext({ extraHTTPHeaders: { origin: baseURL } });
  const response = await context.request.post("/api/auth/sign-up/email", { data: { name: who, email: email(who), password: PASSWORD } });
  expect(response.status()).toBe(200);
  return context.request;
}

test("authorization: no route lets one user read or change another's data, and none answers without a session", async ({ browser, playwright, baseURL }) => {
  const alice = await apiUser(browser, "alice", baseURL!);
  const bob = await apiUser(browser, "bob", baseURL!);
  const nobody = await playwright.request.newContext({ baseURL });

  // Alice's own exam, sandbox save and attempt.
  const exam = (await (await alice.post("/api/practice-exams", { data: { count: 5, minutes: 10 } })).json()) as { id: string; questions: { id: string }[] };
  const question = exam.questions[0]!.id;
  expect((await alice.put(`/api/practice-exams/${exam.id}/answers`, { data: { questionId: question, flagged: true } })).status()).toBe(204);
  expect((await alice.put("/api/progress/sandbox-saves/secret%20work", { data: { scenario: "kms-basics", snapshot: '{"keys":[]}' } })).status()).toBe(201);
  const attempt = { id: `alice-attempt-${runId}`, mode: "drill", at: new Date().toISOString(), context: "/practice/drill", items: [{ questionId: "q1", examPoints: ["kms.key-policy"], correct: true, answered: true, confidence: "sure" }] };
  expect((await alice.post("/api/progress/attempts", { data: attempt })).status()).toBe(201);

  // Bob sees none of it, and cannot change it: an owned exam does not exist for anyone else.
  expect((await bob.get(`/api/practice-exams/${exam.id}`)).status()).toBe(404);
  expect((await bob.put(`/api/practice-exams/${exam.id}/answers`, { data: { questionId: question, flagged: false } })).status()).toBe(404);
  expect((await bob.post(`/api/practice-exams/${exam.id}/submit`)).status()).toBe(404);
  expect((await nobody.get(`/api/practice-exams/${exam.id}`)).status()).toBe(404);
  expect((await bob.get("/api/progress/sandbox-saves/secret%20work")).status()).toBe(404);
  expect((await bob.delete("/api/progress/sandbox-saves/secret%20work")).status()).toBe(404);
  expect(((await (await bob.get("/api/progress/sandbox-saves")).json()) as { saves: unknown[] }).saves).toEqual([]);
  // The same attempt id from Bob is Bob's own attempt; Alice's stays one.
  expect((await bob.post("/api/progress/attempts", { data: attempt })).status()).toBe(201);
  const aliceProgress = (await (await alice.get("/api/progress")).json()) as { recentAttempts: unknown[] };
  expect(aliceProgress.recentAttempts).toHaveLength(1);
  const bobExport = (await (await bob.get("/api/account/export")).json()) as { user: { email: string }; sandboxSaves: unknown[]; practiceExams: unknown[] };
  expect(bobExport.user.email).toBe(email("bob"));
  expect(bobExport.sandboxSaves).toEqual([]);
  expect(bobExport.practiceExams).toEqual([]);
  // Alice's exam is still as she left it.
  const aliceExam = (await (await alice.get(`/api/practice-exams/${exam.id}`)).json()) as { flagged: string[] };
  expect(aliceExam.flagged).toEqual([question]);

  // Without a session every progress route is a 401 that says what to do.
  const routes: [string, string, unknown?][] = [
    ["GET", "/api/progress"],
    ["POST", "/api/progress/attempts", attempt],
    ["POST", "/api/progress/sections", { path: "/chapters/kms-secrets-manager-parameter-store/kms" }],
    ["DELETE", "/api/progress/sections", { path: "/chapters/kms-secrets-manager-parameter-store/kms" }],
    ["PUT", "/api/progress/exam-date", { examDate: "2027-01-01" }],
    ["POST", "/api/progress/merge", { attempts: [], sectionsRead: [] }],
    ["GET", "/api/progress/sandbox-saves"],
    ["GET", "/api/progress/sandbox-saves/x"],
    ["PUT", "/api/progress/sandbox-saves/x", { scenario: "kms-basics", snapshot: "{}" }],
    ["DELETE", "/api/progress/sandbox-saves/x"],
    ["GET", "/api/progress/labs"],
    ["PUT", "/api/progress/labs", { labId: "keys-and-aliases", startedAt: new Date().toISOString(), commands: [], solutionsShown: 0 }],
    ["POST", "/api/progress/labs/activity", { labId: "keys-and-aliases", startedAt: new Date().toISOString(), commands: [], solutionsShown: 0 }],
    ["GET", "/api/account/export"],
    ["PATCH", "/api/feedback/1", { resolved: true }],
  ];
  for (const [method, url, data] of routes) {
    const response = await nobody.fetch(url, { method, ...(data ? { data } : {}) });
    expect(response.status(), `${method} ${url}`).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe("Sign in to keep progress on your account.");
  }
  // A learner is not an instructor.
  expect((await alice.patch("/api/feedback/1", { data: { resolved: true } })).status()).toBe(403);
  // A write that a browser says comes from another site is refused, session or not.
  const crossSite = await alice.post("/api/progress/attempts", { data: { ...attempt, id: `cross-${runId}` }, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
  expect(crossSite.status()).toBe(403);
  const crossAuth = await alice.post("/api/auth/change-password", { data: { currentPassword: PASSWORD, newPassword: "hijacked password!" }, headers: { origin: "https://evil.example" } });
  expect(crossAuth.status()).toBe(403);
  await nobody.dispose();
});

test("bad input to the progress API is a 4xx that says why", async ({ browser, baseURL }) => {
  const carol = await apiUser(browser, "carol", baseURL!);
  const future = await carol.post("/api/progress/attempts", { data: { id: "future-attempt", mode: "drill", at: "2099-01-01T00:00:00.000Z", context: "/", items: [{ questionId: "q", examPoints: ["kms.key-policy"], correct: true, answered: true, confidence: "sure" }] } });
  expect(future.status()).toBe(400);
  expect(((await future.json()) as { error: string }).error).toContain("at: An attempt cannot be finished in the future.");
  const notJson = await carol.post("/api/progress/attempts", { headers: { "content-type": "application/json" }, data: "{oops" });
  expect(notJson.status()).toBe(400);
  const wrongType = await carol.post("/api/progress/attempts", { headers: { "content-type": "text/plain" }, data: "hello" });
  expect(wrongType.status()).toBe(415);
  const surrogate = await carol.post("/api/progress/sections", { headers: { "content-type": "application/json" }, data: '{"path":"/chapters/\\ud800"}' });
  expect(surrogate.status()).toBe(400);
  expect(((await surrogate.json()) as { error: string }).error).toContain("lone surrogate");
  const huge = await carol.put("/api/progress/sandbox-saves/big", { data: { scenario: "kms-basics", snapshot: JSON.stringify({ blob: "x".repeat(600 * 1024) }) } });
  expect(huge.status()).toBe(413);
  const badName = await carol.put("/api/progress/sandbox-saves/%01bell", { data: { scenario: "kms-basics", snapshot: "{}" } });
  expect(badName.status()).toBe(400);
  const notObject = await carol.put("/api/progress/sandbox-saves/fine", { data: { scenario: "kms-basics", snapshot: "[1,2]" } });
  expect(notObject.status()).toBe(400);
  expect(((await notObject.json()) as { error: string }).error).toContain("snapshot: The snapshot is not a JSON object.");
  const date = await carol.put("/api/progress/exam-date", { data: { examDate: "2027-02-30" } });
  expect(date.status()).toBe(400);
});

test("every page carries the security headers; account pages get a nonce policy and still run", async ({ page, request }) => {
  for (const path of ["/", "/chapters/kms-secrets-manager-parameter-store/kms", "/practice", "/dashboard", "/sign-in", "/api/health"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
  const dashboard = (await request.get("/dashboard")).headers()["content-security-policy"]!;
  expect(dashboard).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
  expect(dashboard).not.toContain("unsafe-inline' 'unsafe-eval");
  // The nonce page works under its policy: no script refused, the form is interactive.
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Fill in every field.")).toHaveAttribute("role", "alert");
  await expectNoSeriousA11yViolations(page, "sign-in page with an error");
  await page.goto("/sign-up");
  await expectNoSeriousA11yViolations(page, "sign-up page");
  await page.goto("/dashboard");
  await expect(page.getByTestId("answers-total")).toBeVisible();
  expect(refused).toEqual([]);
});

test("a signed-in learner keeps named sandbox saves on the account and opens them in another browser", async ({ page, browser }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await signUp(page, "saver");
  await openSandbox(page);
  await run(page, "aws ssm put-parameter --name /saved/on/account --value kept --type String");
  await page.getByLabel("Name of the save").fill("before the exam");
  await page.getByRole("button", { name: "Save to my account" }).click();
  await expect(page.getByTestId("sandbox-message")).toHaveText('Saved the sandbox to your account as "before the exam".');

  const other = await browser.newContext();
  const second = await other.newPage();
  second.on("dialog", (dialog) => void dialog.accept());
  await signIn(second, "saver");
  await expect(second).toHaveURL(/\/dashboard/);
  await openSandbox(second);
  expect(await run(second, "aws ssm get-parameters-by-path --path /saved --recursive --query 'Parameters[].Value' --output text")).not.toContain("kept");
  await second.getByLabel("My saves").selectOption({ index: 0 });
  await second.getByRole("button", { name: "Open", exact: true }).click();
  await expect(second.getByTestId("sandbox-message")).toHaveText('Opened your save "before the exam".');
  expect(await run(second, "aws ssm get-parameter --name /saved/on/account --query Parameter.Value --output text")).toContain("kept");
  await second.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(second.getByTestId("sandbox-message")).toHaveText('Deleted your save "before the exam".');
  await expect(second.getByLabel("My saves")).toHaveCount(0);
  await other.close();
});

test("on a 360 px phone the header keeps a long name from pushing the page sideways", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Maximiliana-Wilhelmina Bartholomew-Featherstonehaugh");
  await page.getByLabel("Email").fill(email("longname"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  for (const path of ["/", "/dashboard", "/practice"]) {
    await page.goto(path);
    await expect(page.getByRole("link", { name: /: your account$/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
  }
});
