import { expect, test } from "@playwright/test";
import { examPointAnchor } from "../../lib/content/anchors";
import { courseData } from "./course-data";
import { escapeRegExp, expectNoSeriousA11yViolations, watchForProblems } from "./helpers";

test.describe("reading the course", () => {
  test("home lists the catalogue: the published chapter as a link, planned ones as coming later", async ({ page }) => {
    const { problems } = watchForProblems(page);
    const course = await courseData();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const entry of course.catalogue) {
      if (entry.status === "published") {
        await expect(page.getByRole("link", { name: entry.title })).toHaveAttribute("href", `/chapters/${entry.slug}`);
        for (const exam of entry.exams ?? []) await expect(page.getByText(exam, { exact: false }).first()).toBeVisible();
      } else {
        const item = page.getByRole("listitem", { name: `Chapter ${entry.number}: ${entry.title}, coming later` });
        await expect(item).toContainText("coming later");
        await expect(item.getByRole("link")).toHaveCount(0);
      }
    }
    await expectNoSeriousA11yViolations(page, "home");
    expect(problems).toEqual([]);
  });

  test("home -> chapter -> every section in order, each with its headings, figures and exam points", async ({ page }) => {
    const { problems } = watchForProblems(page);
    const course = await courseData();
    const chapter = course.chapters[0]!;

    await page.goto("/");
    await page.getByRole("link", { name: chapter.title }).click();
    await expect(page).toHaveURL(chapter.href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(chapter.title);
    for (const section of chapter.sections) {
      // Anchored at the end: "AWS KMS" must not also match "AWS KMS in depth".
      await expect(page.getByRole("link", { name: new RegExp(`${escapeRegExp(section.title)}$`) })).toHaveAttribute("href", section.href);
    }
    for (const neighbour of course.catalogue.filter((entry) => entry.status === "planned")) {
      await expect(page.getByText(`Chapter ${neighbour.number}: ${neighbour.title}`)).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page, chapter.href);

    await page.getByRole("link", { name: chapter.sections[0]!.title }).first().click();
    for (const [index, section] of chapter.sections.entries()) {
      await expect(page).toHaveURL(section.href);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(section.title);
      const article = page.locator("article");
      for (const heading of section.facts.headings) {
        await expect(article.locator(`h${heading.depth}[id="${heading.id}"]`)).toContainText(heading.text);
      }
      await expect(article.locator("figure.not-prose[aria-describedby]")).toHaveCount(section.facts.figures.length);
      for (const id of section.examPoints) {
        await expect(page.locator(`[id="${examPointAnchor(id)}"]`)).toBeVisible();
      }
      // Questions in the text are on the page; folded ones load when their set is opened.
      await expect(article.locator("form.quiz")).toHaveCount(section.facts.quizzes.filter((quiz) => !quiz.folded).length);
      await expect(article.locator("section.sandbox-task")).toHaveCount(section.facts.sandboxTasks.length);
      await expectNoSeriousA11yViolations(page, section.href);

      const next = chapter.sections[index + 1];
      if (next) await page.getByRole("link", { name: new RegExp(`^Next\\s*${escapeRegExp(next.title)}`) }).click();
    }
    expect(problems).toEqual([]);
  });

  test("the exam points and corrections pages list everything and link to where it is taught", async ({ page }) => {
    const { problems } = watchForProblems(page);
    const course = await courseData();
    await page.goto("/exam-points");
    for (const point of course.examPoints) await expect(page.locator(`li[id="${point.id}"]`)).toContainText(point.statement);
    await expectNoSeriousA11yViolations(page, "/exam-points");
    const first = course.examPoints[0]!;
    await page.locator(`li[id="${first.id}"]`).getByRole("link").first().click();
    await expect(page.locator(`[id="${examPointAnchor(first.id)}"]`)).toBeInViewport();

    await page.goto("/errata");
    for (const correction of course.errata.corrections) {
      await expect(page.locator(`li[id="${correction.id}"]`)).toContainText(correction.current);
    }
    await expectNoSeriousA11yViolations(page, "/errata");
    expect(problems).toEqual([]);
  });

  test("no internal link on any page leads to an error", async ({ page, request }) => {
    const course = await courseData();
    const pages = ["/", "/exam-points", "/errata", ...course.chapters.flatMap((chapter) => [chapter.href, ...chapter.sections.map((section) => section.href)])];
    const links = new Set<string>();
    for (const path of pages) {
      await page.goto(path);
      for (const href of await page.locator("a[href^='/']").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""))) {
        links.add(href.split("#")[0]!);
      }
    }
    const broken: string[] = [];
    for (const link of links) {
      const response = await request.get(link);
      if (response.status() !== 200) broken.push(`${link}: ${response.status()}`);
    }
    expect(broken).toEqual([]);
    expect(links.size).toBeGreaterThanOrEqual(pages.length);
  });

  test("an unknown page is a 404 with a way back", async ({ page }) => {
    const response = await page.goto("/chapters/kms-secrets-manager-parameter-store/no-such-section");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Go to the catalogue" }).click();
    await expect(page).toHaveURL("/");
  });
});
