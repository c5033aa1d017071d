import type { QuizQuestion } from "@/lib/quiz/question-schema";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { e2eDatabaseFile } from "./e2e-env";
import { courseData, type SectionData } from "./course-data";
import { expectNoSeriousA11yViolations, watchForProblems } from "./helpers";

async function firstSectionWith(predicate: (facts: Awaited<ReturnType<typeof courseData>>["chapters"][number]["sections"][number]) => boolean) {
  const course = await courseData();
  const section = course.chapters.flatMap((chapter) => chapter.sections).find(predicate);
  if (!section) throw new Error("no section matches");
  return section;
}

test("dark mode follows the toggle, survives a reload and stays accessible", async ({ page }) => {
  const { problems } = watchForProblems(page);
  const section = await firstSectionWith((s) => s.facts.figures.length > 0 && s.facts.codeBlocks.length > 0);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(section.href);
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "light");
  const toggle = page.getByRole("button", { name: "Dark mode" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expectNoSeriousA11yViolations(page, `${section.href} in dark mode`);
  await page.goto("/");
  await expectNoSeriousA11yViolations(page, "home in dark mode");
  expect(problems).toEqual([]);
});

test("the system's dark preference applies on first visit", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("a code block's copy button copies its code", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const section = await firstSectionWith((s) => s.facts.commandBlocks.length > 0);
  await page.goto(section.href);
  const block = page.locator('figure.code-block[data-aws-command="true"]').first();
  await expect(block.locator("figcaption")).toContainText("AWS CLI");
  await block.getByRole("button", { name: "Copy" }).click();
  await expect(block.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await block.locator("pre code").textContent());
  expect(copied).toContain("aws ");
  // Highlighting happened at build time: tokens are spans in the static HTML.
  expect(await block.locator("pre code span[class^='hljs-']").count()).toBeGreaterThan(0);
});

/** The first single-choice question written inline (not folded in a question set) in a section. */
function inlineSingleChoice(section: SectionData) {
  const found = section.facts.quizzes.find((quiz) => !quiz.folded && quiz.props.type === "single-choice");
  return found?.props as Extract<QuizQuestion, { type: "single-choice" }> | undefined;
}

test("a question says whether the answer is right, why each option is right or wrong, and the lesson", async ({ page }) => {
  const section = await firstSectionWith((s) => inlineSingleChoice(s) !== undefined);
  const quiz = inlineSingleChoice(section)!;
  await page.goto(section.href);
  const form = page.locator(`form[data-question-id="${quiz.id}"]`);
  const check = form.getByRole("button", { name: "Check: I’m sure" });
  await expect(check).toBeDisabled();
  const wrong = quiz.choices.findIndex((_, index) => index !== quiz.answer);
  await form.getByRole("radio", { name: quiz.choices[wrong]!.text }).check();
  await check.click();
  await expect(form.getByRole("status")).toContainText("Not quite");
  await expect(form).toContainText(quiz.choices[wrong]!.why);
  await expect(form).toContainText(quiz.choices[quiz.answer]!.why);
  await form.getByRole("button", { name: "Try again" }).click();
  await form.getByRole("radio", { name: quiz.choices[quiz.answer]!.text }).check();
  await form.getByRole("button", { name: "Check: I’m guessing" }).click();
  await expect(form.getByRole("status")).toContainText("Correct.");
  await expect(form.getByRole("status")).toContainText(quiz.explanation);
});

test("keyboard: skip link, section navigation and a quiz without a mouse", async ({ page }) => {
  const course = await courseData();
  const [first, second] = course.chapters[0]!.sections;
  await page.goto(first!.href);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  const next = page.getByRole("link", { name: new RegExp(`^Next`) });
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(second!.href);

  const quiz = inlineSingleChoice(second!)!;
  const form = page.locator(`form[data-question-id="${quiz.id}"]`);
  await form.getByRole("radio").first().focus();
  for (let index = 0; index < quiz.answer; index++) await page.keyboard.press("ArrowDown");
  await expect(form.getByRole("radio", { name: quiz.choices[quiz.answer]!.text })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(form.getByRole("button", { name: "Check: I’m sure" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status")).toContainText("Correct.");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("every section, the exam points and the corrections fit the screen without sideways scrolling, and figures stay legible", async ({ page }) => {
    const course = await courseData();
    for (const section of course.chapters[0]!.sections) {
      await page.goto(section.href);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on ${section.href}`).toBeLessThanOrEqual(0);
      const smallest = await page.evaluate(() =>
        Math.min(
          ...Array.from(document.querySelectorAll("figure .figure-panel *"))
            // text a reader has to read: decorative glyphs are aria-hidden
            .filter((element) => !element.closest("[aria-hidden='true']"))
            .filter((element) => Array.from(element.childNodes).some((node) => node.nodeType === 3 && node.textContent!.trim()))
            .map((element) => parseFloat(getComputedStyle(element).fontSize)),
          99,
        ),
      );
      expect(smallest, `smallest figure text on ${section.href}`).toBeGreaterThanOrEqual(11);
    }
    // The lists that print every exam point and correction in full (long names such as AWS::SSM::Parameter::Value<...>).
    for (const path of ["/exam-points", "/errata"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe("reporting a problem", () => {
  function rowsFor(pagePath: string): { kind: string; message: string }[] {
    const database = new Database(e2eDatabaseFile, { readonly: true });
    try {
      return database.prepare("SELECT kind, message FROM Feedback WHERE pagePath = ? ORDER BY id").all(pagePath) as { kind: string; message: string }[];
    } finally {
      database.close();
    }
  }

  test("with JavaScript: errors keep the text, a valid report is stored", async ({ page }) => {
    const section = await firstSectionWith(() => true);
    await page.goto(section.href);
    await page.getByText("Report a problem with this page").click();
    const message = page.getByLabel("What should we fix?");
    await message.fill("too short");
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByText("Please describe the problem in at least 10 characters.")).toBeVisible();
    await expect(message).toHaveValue("too short");
    await page.getByLabel("Something is unclear").check();
    await message.fill("The envelope encryption figure needs a decrypt step.");
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByText("Thank you. Your report is saved.")).toBeVisible();
    expect(rowsFor(section.href)).toContainEqual({ kind: "unclear", message: "The envelope encryption figure needs a decrypt step." });
    await expectNoSeriousA11yViolations(page, "feedback form");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the form still posts and lands on a confirmation", async ({ page }) => {
      const course = await courseData();
      const section = course.chapters[0]!.sections.at(-1)!;
      await page.goto(section.href);
      await page.getByText("Report a problem with this page").click();
      await page.getByLabel("What should we fix?").fill("Works without JavaScript too, as it should.");
      await page.getByRole("button", { name: "Send report" }).click();
      await expect(page.getByRole("heading", { name: "Thank you for your report" })).toBeVisible();
      await page.getByRole("link", { name: "Back to the page" }).click();
      await expect(page).toHaveURL(section.href);
      expect(rowsFor(section.href)).toContainEqual({ kind: "error", message: "Works without JavaScript too, as it should." });
    });
  });

  test("the API rejects bad input with a 4xx and a clear message", async ({ request }) => {
    const bad = await request.post("/api/feedback", { data: { pagePath: "/nowhere", kind: "error", message: "A valid length message" } });
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toEqual({ ok: false, errors: { pagePath: "That page is not part of the course." } });
    const notJson = await request.post("/api/feedback", { headers: { "content-type": "application/json" }, data: "{not json" });
    expect(notJson.status()).toBe(400);
    const wrongType = await request.post("/api/feedback", { headers: { "content-type": "text/plain" }, data: "hello" });
    expect(wrongType.status()).toBe(415);
    const huge = await request.post("/api/feedback", { data: { pagePath: "/", kind: "error", message: "x".repeat(20_000) } });
    expect(huge.status()).toBe(413);
  });
});
