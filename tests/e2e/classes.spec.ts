import { execFileSync } from "node:child_process";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { e2eDatabaseFile } from "./e2e-env";
import { expectNoSeriousA11yViolations } from "./helpers";
import { idle, lines, PROMPT, run } from "./sandbox-helpers";

/**
 * A class as an instructor runs it, with two browsers: the instructor
 * creates a class and assigns a lab, a student joins by the link and does the
 * lab in its terminal, and the instructor's dashboard follows without a
 * reload; the instructor reads the student's commands, resets the lab (the
 * student's browser starts it again), exports the results and archives the
 * class. And who may call which class route.
 */
const runId = Date.now().toString(36);
const PASSWORD = "a long enough passphrase";
const email = (who: string) => `${who}-${runId}@example.com`;

async function account(browser: Browser, baseURL: string, who: string, role?: "instructor"): Promise<BrowserContext> {
  const context = await browser.newContext({ extraHTTPHeaders: { origin: baseURL } });
  const response = await context.request.post("/api/auth/sign-up/email", { data: { name: `${who[0]!.toUpperCase()}${who.slice(1)} Tester`, email: email(who), password: PASSWORD } });
  expect(response.status()).toBe(200);
  // Roles are given by an operator on the server, never by a form.
  if (role) execFileSync("npx", ["tsx", "scripts/set-role.ts", email(who), role], { env: { ...process.env, DATABASE_URL: `file:${e2eDatabaseFile}` }, stdio: "pipe" });
  return context;
}

test("an instructor follows a student through a lab live, reads their commands, resets the lab, exports and archives the class", async ({ browser, baseURL }) => {
  const teacherContext = await account(browser, baseURL!, "teacher", "instructor");
  const teacher = await teacherContext.newPage();
  await teacher.goto("/instructor/classes");
  await teacher.getByLabel("Class name").fill(`Security Specialty ${runId}`);
  await teacher.getByLabel("Stuck after (minutes on one step)").fill("10");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: `Security Specialty ${runId}` })).toBeVisible();
  const code = (await teacher.getByTestId("join-code").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await teacher.getByLabel("Lab or quiz").selectOption({ label: "Lab: Keys and aliases" });
  await teacher.getByLabel("Due (your time)").fill("2099-01-01T17:00");
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.getByText(/^Keys and aliases: due 2099-01-01/)).toBeVisible();

  const studentContext = await account(browser, baseURL!, "student");
  const student = await studentContext.newPage();
  await student.goto(`/classes?join=${code}`);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText(`You joined Security Specialty ${runId}.`)).toBeVisible();
  await expect(student.getByRole("link", { name: "Keys and aliases" })).toBeVisible();
  await expectNoSeriousA11yViolations(student, "a student's classes");

  await student.getByRole("link", { name: "Keys and aliases" }).click();
  await expect(student.locator(".xterm-helper-textarea")).toBeFocused();
  await idle(student);
  await expect.poll(async () => (await lines(student)).at(-1)).toBe(PROMPT.trimEnd());
  await run(student, "KEY_ID=$(aws kms create-key --description 'app key' --query KeyMetadata.KeyId --output text)");
  // The instructor's page was never reloaded: it asks the server every few seconds, and the
  // student's browser sends its log a few seconds after a command, before any step is done.
  const row = teacher.locator(`[data-student="${email("student")}"]`);
  await expect(row.getByTestId("now")).toContainText("Keys and aliases: step 1 of 4", { timeout: 20_000 });
  await run(student, 'aws kms create-alias --alias-name alias/app-key --target-key-id "$KEY_ID"');
  await expect(student.getByTestId("lab-progress")).toHaveText("1 of 4 steps done");

  await expect(row.getByTestId("now")).toContainText("Keys and aliases: step 2 of 4", { timeout: 20_000 });
  await expect(row.locator('[data-assignment="keys-and-aliases"]')).toContainText("1/4 steps");

  await run(student, 'aws kms enable-key-rotation --key-id "$KEY_ID"');
  await run(student, "echo 'customer 42: gold tier' > record.txt");
  await run(student, "aws kms encrypt --key-id alias/app-key --plaintext fileb://record.txt --query CiphertextBlob --output text | base64 --decode > record.enc");
  await run(student, "NEW_KEY_ID=$(aws kms create-key --description 'app key 2' --query KeyMetadata.KeyId --output text)");
  await run(student, 'aws kms update-alias --alias-name alias/app-key --target-key-id "$NEW_KEY_ID"');
  await expect(student.getByTestId("lab-record")).toHaveText("Recorded on your account: replaying your commands, the server confirmed 4 of 4 steps (lab complete).");
  await expect(row.locator('[data-assignment="keys-and-aliases"]')).toContainText("done", { timeout: 20_000 });
  await expect(row.locator('[data-assignment="keys-and-aliases"]')).toContainText("4/4 steps");
  await expect(row.getByTestId("now")).toHaveText("—");
  await expectNoSeriousA11yViolations(teacher, "the class dashboard");

  // The student's commands, read-only; then the lab reset for them.
  await row.getByRole("button", { name: "Activity" }).click();
  const commands = teacher.getByRole("list", { name: "Commands run in Keys and aliases" });
  await expect(commands.getByRole("listitem")).toHaveCount(7);
  await expect(commands.getByRole("listitem").nth(1)).toHaveText('aws kms create-alias --alias-name alias/app-key --target-key-id "$KEY_ID"');
  teacher.once("dialog", (dialog) => void dialog.accept());
  await teacher.getByRole("button", { name: "Reset this lab" }).click();
  await expect(teacher.getByText("The lab was reset for Student Tester.")).toBeVisible();
  await expect(row.locator('[data-assignment="keys-and-aliases"]')).toContainText("0/4 steps");

  await student.reload();
  await expect(student.getByTestId("lab-record")).toHaveText("Your instructor reset this lab, so it starts again from the beginning.");
  await expect(student.getByTestId("lab-progress")).toHaveText("0 of 4 steps done");
  await idle(student);
  expect(await run(student, "aws kms list-aliases --query \"Aliases[?AliasName=='alias/app-key'] | length(@)\"")).toBe("0");

  // The results as CSV.
  const csv = await teacherContext.request.get(teacher.url().replace(/\/instructor\/classes\/([^/?#]+).*/, "/api/classes/$1/export"));
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const [header, line] = (await csv.text()).split("\r\n");
  expect(header).toBe("Student,Email,Joined,Last lab activity,Current lab,Current step,Stuck,Keys and aliases (due 2099-01-01),Keys and aliases: detail");
  expect(line).toMatch(new RegExp(`^Student Tester,${email("student")},`));
  expect(line).toContain(",open,0/4 steps");

  // One student's own due date.
  await row.getByRole("button", { name: `Extend Keys and aliases for Student Tester` }).click();
  const dialog = teacher.getByRole("dialog", { name: "Extend Keys and aliases for Student Tester" });
  await dialog.getByLabel("New due date (your time)").fill("2099-02-01T17:00");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.locator('[data-assignment="keys-and-aliases"]')).toContainText("extended to 2099-02-01");

  // The item analysis, on request (this class has answered no questions yet).
  await teacher.getByRole("button", { name: "Compute the item analysis" }).click();
  await expect(teacher.getByText("No answers yet.").last()).toBeVisible();

  // Archived: nobody else joins.
  teacher.once("dialog", (dialog) => void dialog.accept());
  await teacher.getByRole("button", { name: "Archive class" }).click();
  await expect(teacher.getByText("The class is archived.")).toBeVisible();
  const late = await account(browser, baseURL!, "latecomer");
  const refused = await late.request.post("/api/classes/join", { data: { code } });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: string }).error).toBe("That class is archived: it no longer takes new students.");
  for (const context of [teacherContext, studentContext, late]) await context.close();
});

test("class routes: 401 without a session, 403 for a learner on an instructor's route, 404 for another instructor's class", async ({ browser, baseURL, playwright }) => {
  const owner = (await account(browser, baseURL!, "owner", "instructor")).request;
  const other = (await account(browser, baseURL!, "rival", "instructor")).request;
  const learner = (await account(browser, baseURL!, "pupil")).request;
  const nobody = await playwright.request.newContext({ baseURL });
  const created = (await (await owner.post("/api/classes", { data: { name: "Owner's class" } })).json()) as { id: string; joinCode: string };
  const assignment = (await (await owner.post(`/api/classes/${created.id}/assignments`, { data: { kind: "lab", itemId: "keys-and-aliases", dueAt: "2099-01-01T00:00:00Z" } })).json()) as { id: string };
  expect((await learner.post("/api/classes/join", { data: { code: created.joinCode } })).status()).toBe(201);
  const pupilId = ((await (await learner.get("/api/auth/get-session")).json()) as { user: { id: string } }).user.id;
  await learner.put("/api/progress/labs", { data: { labId: "keys-and-aliases", startedAt: new Date().toISOString(), commands: ["aws kms list-keys"], solutionsShown: 0 } });

  const instructorRoutes: [string, string, unknown?][] = [
    ["POST", "/api/classes", { name: "x" }],
    ["PATCH", `/api/classes/${created.id}`, { name: "Renamed" }],
    ["GET", `/api/classes/${created.id}/dashboard`],
    ["GET", `/api/classes/${created.id}/export`],
    ["GET", `/api/classes/${created.id}/items`],
    ["POST", `/api/classes/${created.id}/assignments`, { kind: "lab", itemId: "secrets-rotation", dueAt: "2099-01-01T00:00:00Z" }],
    ["PUT", `/api/classes/${created.id}/assignments/${assignment.id}/extensions/${pupilId}`, { dueAt: "2099-02-01T00:00:00Z" }],
    ["GET", `/api/classes/${created.id}/students/${pupilId}`],
    ["POST", `/api/classes/${created.id}/students/${pupilId}/labs/keys-and-aliases/reset`, {}],
  ];
  const call = (client: APIRequestContext, method: string, url: string, data?: unknown) => client.fetch(url, { method, ...(data ? { data } : {}) });
  for (const [method, url, data] of instructorRoutes) {
    expect((await call(nobody, method, url, data)).status(), `${method} ${url} without a session`).toBe(401);
    expect((await call(learner, method, url, data)).status(), `${method} ${url} as a learner`).toBe(403);
    if (method !== "POST" || url !== "/api/classes") expect((await call(other, method, url, data)).status(), `${method} ${url} as another instructor`).toBe(404);
  }
  for (const [method, url] of [["GET", "/api/classes"], ["POST", "/api/classes/join"]] as const) expect((await call(nobody, method, url, method === "POST" ? { code: "x" } : undefined)).status()).toBe(401);
  // A learner sees only the classes they joined; the owner's class is unchanged by all of the above.
  expect(((await (await learner.get("/api/classes")).json()) as { joined: { name: string }[] }).joined.map((joined) => joined.name)).toEqual(["Owner's class"]);
  expect(((await (await other.get("/api/classes")).json()) as { taught: unknown[] }).taught).toEqual([]);
  const dashboard = (await (await owner.get(`/api/classes/${created.id}/dashboard`)).json()) as { class: { name: string }; assignments: unknown[] };
  expect(dashboard.class.name).toBe("Owner's class");
  expect(dashboard.assignments).toHaveLength(1);
  // Bad input says why.
  const bad = await owner.post(`/api/classes/${created.id}/assignments`, { data: { kind: "lab", itemId: "no-such-lab", dueAt: "2099-01-01T00:00:00Z" } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: string }).error).toBe('There is no lab "no-such-lab".');
  const badDate = await owner.post(`/api/classes/${created.id}/assignments`, { data: { kind: "lab", itemId: "secrets-rotation", dueAt: "tomorrow" } });
  expect(badDate.status()).toBe(400);
  expect(((await badDate.json()) as { error: string }).error).toContain("dueAt: Give the due date as an ISO 8601 date and time.");
  const unknownCode = await learner.post("/api/classes/join", { data: { code: "ZZZZ-ZZZZ" } });
  expect(unknownCode.status()).toBe(404);
  await nobody.dispose();
});

test("the class pages fit a 360 px phone without sideways scrolling", async ({ browser, baseURL }) => {
  const context = await account(browser, baseURL!, "phone-teacher", "instructor");
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/instructor/classes");
  await page.getByLabel("Class name").fill(`Phone class ${runId}`);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByTestId("join-code")).toBeVisible();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBe(0);
  await page.goto("/classes");
  expect(await overflow()).toBe(0);
  await context.close();
});
