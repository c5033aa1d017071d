import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { e2eDatabaseFile } from "./e2e-env";

/**
 * The feedback form's server side under abuse, and the instructors' view of
 * the reports. Each test posts from its own made-up client address (the
 * server reads X-Forwarded-For, as behind a load balancer), so the limit of
 * one does not spend another's.
 */
const kms = "/chapters/kms-secrets-manager-parameter-store/kms";
const run = Date.now().toString(36);

test("reports are limited per address: the 21st in ten minutes is a 429 that says when to retry", async ({ request }) => {
  const address = `192.0.2.${(Date.now() % 200) + 20}`;
  const statuses: number[] = [];
  for (let index = 0; index < 21; index++) {
    const response = await request.post("/api/feedback", { data: { pagePath: kms, kind: "other", message: `Flood report number ${index} ${run}` }, headers: { "x-forwarded-for": address } });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 20)).toEqual(Array(20).fill(201));
  expect(statuses[20]).toBe(429);
  const refused = await request.post("/api/feedback", { data: { pagePath: kms, kind: "other", message: "One more after the limit." }, headers: { "x-forwarded-for": address } });
  expect(refused.headers()["retry-after"]).toBe("600");
  expect(((await refused.json()) as { errors: { form: string } }).errors.form).toMatch(/^Too many reports from your address; try again in \d+ minutes\.$/);
  // Another address is not affected.
  expect((await request.post("/api/feedback", { data: { pagePath: kms, kind: "other", message: `Someone else reports ${run}` }, headers: { "x-forwarded-for": "198.51.100.77" } })).status()).toBe(201);
});

test("odd input is a 4xx, never a 500: cross-site posts, lone surrogates, other charsets, bodies too large", async ({ request }) => {
  const headers = { "x-forwarded-for": "203.0.113.201" };
  const crossSite = await request.post("/api/feedback", { headers: { ...headers, origin: "https://evil.example" }, data: { pagePath: kms, kind: "error", message: "Posted from another site." } });
  expect(crossSite.status()).toBe(403);
  const surrogate = await request.post("/api/feedback", { headers: { ...headers, "content-type": "application/json" }, data: `{"pagePath":"${kms}","kind":"error","message":"broken \\ud800 text here"}` });
  expect(surrogate.status()).toBe(400);
  const latin1 = await request.post("/api/feedback", { headers: { ...headers, "content-type": "application/x-www-form-urlencoded; charset=iso-8859-1" }, data: `pagePath=${encodeURIComponent(kms)}&kind=error&message=caf%E9+is+wrong+here`, maxRedirects: 0 });
  expect(latin1.status()).toBe(303);
  expect(latin1.headers()["location"]).toContain("error=charset");
  const notUtf8 = await request.post("/api/feedback", { headers: { ...headers, "content-type": "application/json" }, data: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
  expect(notUtf8.status()).toBe(400);
  const multipart = await request.post("/api/feedback", { headers, multipart: { pagePath: kms, kind: "error", message: "multipart is not accepted" } });
  expect(multipart.status()).toBe(415);
  const nullBody = await request.post("/api/feedback", { headers: { ...headers, "content-type": "application/json" }, data: "null" });
  expect(nullBody.status()).toBe(400);
  // Declared larger than the limit: refused before a byte is read.
  const declared = await request.post("/api/feedback", { headers: { ...headers, "content-type": "application/json" }, data: JSON.stringify({ pagePath: kms, kind: "error", message: "x".repeat(40_000) }) });
  expect(declared.status()).toBe(413);
});

test("the no-JavaScript confirmation page shows only its own sentences, whatever the link says", async ({ page }) => {
  await page.goto(`/feedback/sent?page=${encodeURIComponent(kms)}&error=${encodeURIComponent("Your account is locked: call +1 555 0100 now.")}`);
  await expect(page.getByRole("heading", { name: "Your report was not sent" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("555 0100");
  await expect(page.locator("main")).toContainText("The report could not be saved.");
  await page.goto(`/feedback/sent?page=${encodeURIComponent("https://evil.example/")}&error=too-many`);
  await expect(page.locator("main")).toContainText("Too many reports came from your address");
  await expect(page.getByRole("link", { name: "Back to the page" })).toHaveAttribute("href", "/");
});

test("instructors see learners' reports and mark them dealt with; learners cannot", async ({ browser, baseURL }) => {
  const message = `The grants paragraph contradicts the table (${run}).`;
  const learner = await browser.newContext({ extraHTTPHeaders: { origin: baseURL! } });
  expect((await learner.request.post("/api/auth/sign-up/email", { data: { name: "Lea Learner", email: `lea-${run}@example.com`, password: "a long enough passphrase" } })).status()).toBe(200);
  expect((await learner.request.post("/api/feedback", { data: { pagePath: kms, kind: "error", message }, headers: { "x-forwarded-for": "203.0.113.202" } })).status()).toBe(201);
  const learnerPage = await learner.newPage();
  await learnerPage.goto("/instructor/feedback");
  await expect(learnerPage.getByRole("heading", { name: /not found|404/i })).toBeVisible();

  const teacher = await browser.newContext({ extraHTTPHeaders: { origin: baseURL! } });
  expect((await teacher.request.post("/api/auth/sign-up/email", { data: { name: "Ian Instructor", email: `ian-${run}@example.com`, password: "a long enough passphrase" } })).status()).toBe(200);
  // Roles are given by an operator on the server, never by a form.
  execFileSync("npx", ["tsx", "scripts/set-role.ts", `ian-${run}@example.com`, "instructor"], { env: { ...process.env, DATABASE_URL: `file:${e2eDatabaseFile}` }, stdio: "pipe" });
  const page = await teacher.newPage();
  await page.goto("/instructor/feedback");
  const row = page.getByRole("row").filter({ hasText: message });
  await expect(row).toContainText("Something is wrong");
  await row.getByRole("button", { name: "Mark dealt with" }).click();
  await expect(page.getByRole("row").filter({ hasText: message })).toHaveCount(0);
  await page.getByRole("link", { name: "Show dealt-with ones too" }).click();
  await expect(page.getByRole("row").filter({ hasText: message }).getByRole("button", { name: "Reopen" })).toBeVisible();
  await learner.close();
  await teacher.close();
});
