import { expect, test, type Page } from "@playwright/test";
import { allLeaves } from "../../lib/content/decision-tree";
import type { DecisionNode, MdxComponentProps } from "../../lib/content/registry";
import { courseData } from "./course-data";
import { expectNoSeriousA11yViolations, watchForProblems } from "./helpers";

/**
 * The service-selection decision tree, walked one question at a time by
 * keyboard along every path, each result checked against the tree written
 * in the MDX; and the use-case matrix, filtered by needs and by use case,
 * with every verdict checked against the matrix's own cells. Both work as
 * static tables and outlines without JavaScript, pass axe in light and dark
 * mode, and fit a 360 px phone. Screenshots go to test-results/screenshots/.
 */

const SHOTS = "test-results/screenshots";

async function chapterData() {
  const course = await courseData();
  const section = course.chapters[0]!.sections.find((candidate) => candidate.slug === "choosing-a-service")!;
  return { href: section.href, root: section.facts.decisionTrees[0]!.root as DecisionNode, matrix: section.facts.serviceMatrices[0]!.props as MdxComponentProps<"ServiceMatrix"> };
}

const walker = (page: Page) => page.getByTestId("decision-walker");

/** The services whose cells meet every one of the needs, straight from the MDX's cells. */
function meetingAll(matrix: MdxComponentProps<"ServiceMatrix">, needIds: string[]): string[] {
  return matrix.services.filter((service) => needIds.every((id) => matrix.needs.find((need) => need.id === id)!.cells[service.id]!.meets)).map((service) => service.name);
}

test.describe("the decision tree", () => {
  test("every path, by keyboard: one question at a time, the answers so far listed, the result with its note, start over", async ({ page }) => {
    const { problems } = watchForProblems(page);
    const { href, root } = await chapterData();
    await page.goto(href);
    const leaves = allLeaves(root);
    expect(leaves).toHaveLength(4);
    const status = walker(page).getByRole("status");

    await walker(page).locator("[data-option]").first().focus();
    for (const leaf of leaves) {
      let node = root;
      for (const [depth, choice] of leaf.path.entries()) {
        if ("result" in node) throw new Error("a result before the end of the path");
        // One question on screen, its options as buttons; focus is on the first option.
        await expect(walker(page).locator("[data-question-text]")).toHaveText(node.question);
        await expect(walker(page).locator("[data-option]")).toHaveText(node.options.map((option) => option.label));
        await expect(walker(page).locator("[data-option]").first()).toBeFocused();
        for (let step = 0; step < choice; step++) await page.keyboard.press("Tab");
        await expect(page.locator(":focus")).toHaveText(node.options[choice]!.label);
        await page.keyboard.press(depth % 2 === 0 ? "Enter" : "Space");
        node = node.options[choice]!.then;
        const answers = walker(page).getByRole("list", { name: "Your answers so far" }).getByRole("listitem");
        await expect(answers).toHaveCount(depth + 1);
        await expect(answers.nth(depth)).toContainText(leaf.answers[depth]!);
        if (!("result" in node)) await expect(status).toHaveText(`Next question: ${node.question}`);
      }
      if (!("result" in node)) throw new Error("the path did not end in a result");
      await expect(walker(page).locator("[data-result]")).toContainText(`Use ${leaf.outcome.result}`);
      if (leaf.outcome.note) await expect(walker(page).locator("[data-result]")).toContainText(leaf.outcome.note);
      await expect(status).toHaveText(`Recommendation: ${leaf.outcome.result}.${leaf.outcome.note ? ` ${leaf.outcome.note}` : ""}`);
      const restart = walker(page).getByRole("button", { name: "Start over" });
      await expect(restart).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(walker(page).getByRole("list", { name: "Your answers so far" })).toHaveCount(0);
    }
    expect(problems).toEqual([]);
  });

  test("an earlier answer can be changed, which drops the answers after it", async ({ page }) => {
    const { href, root } = await chapterData();
    await page.goto(href);
    const deepest = allLeaves(root).reduce((a, b) => (b.path.length > a.path.length ? b : a));
    for (const answer of deepest.answers) await walker(page).getByRole("button", { name: answer, exact: true }).click();
    const firstQuestion = "question" in root ? root.question : "";
    await walker(page).getByRole("button", { name: `Change your answer to: ${firstQuestion}` }).click();
    await expect(walker(page).getByRole("list", { name: "Your answers so far" })).toHaveCount(0);
    await expect(walker(page).locator("[data-question-text]")).toHaveText(firstQuestion);
    await expect(walker(page).locator("[data-option]").first()).toBeFocused();
  });

  test("keeps the whole tree as a text equivalent, and shows it in full without JavaScript", async ({ browser }) => {
    const { href, root } = await chapterData();
    const results = allLeaves(root).map((leaf) => leaf.outcome.result);
    const page = await browser.newPage();
    await page.goto(href);
    const outline = page.locator("details.decision-outline");
    await outline.getByText("The whole tree, every path at once").click();
    await expect(outline.locator(".diagram-result > p:first-child")).toHaveText(results.map((result) => `→ ${result}`));
    await page.close();

    const noScript = await browser.newPage({ javaScriptEnabled: false });
    await noScript.goto(href);
    await expect(noScript.locator("[data-testid='decision-walker']")).toHaveCount(0);
    const tree = noScript.locator(".decision-tree-outline");
    await expect(tree.locator(".diagram-result > p:first-child")).toHaveText(results.map((result) => `→ ${result}`));
    await noScript.close();
  });
});

test.describe("the use-case matrix", () => {
  test("ticking needs shows which services meet all of them, cell by cell", async ({ page }) => {
    const { problems } = watchForProblems(page);
    const { href, matrix } = await chapterData();
    await page.goto(href);
    const section = page.getByTestId("service-matrix");
    const verdict = section.locator("[data-verdict]");
    await expect(verdict).toHaveText("Tick what you need, or start from a use case, to see which services meet all of it.");

    const combinations = [["rotation"], ["value", "cross-account"], ["value", "hierarchy", "free"], ["crypto", "value"], ["over-8kb"]];
    for (const combination of combinations) {
      for (const id of combination) await section.getByRole("checkbox", { name: matrix.needs.find((need) => need.id === id)!.label }).check();
      const expected = meetingAll(matrix, combination);
      const count = combination.length === 1 ? "1 need" : `${combination.length} needs`;
      if (expected.length === 1) await expect(verdict).toHaveText(`${count} ticked. Only ${expected[0]} meets all of them.`);
      else if (expected.length > 1) await expect(verdict).toContainText(`${count} ticked. ${expected.slice(0, -1).join(", ")} and ${expected[expected.length - 1]} meet all of them.`);
      else await expect(verdict).toContainText(`${count} ticked. No single service meets all of them`);
      const marked = await section.locator("table[data-offers] thead th[data-meets-all='true']").allTextContents();
      expect(marked.map((text) => text.replace("meets all ticked needs", "").trim())).toEqual(expected);
      for (const id of combination) await expect(section.locator(`tr[data-need="${id}"]`)).toHaveAttribute("data-ticked", "true");
      await section.getByRole("button", { name: "Clear" }).click();
    }
    expect(problems).toEqual([]);
  });

  test("a use case ticks its needs, and the table can hide the others; every cell gives its reason", async ({ page }) => {
    const { href, matrix } = await chapterData();
    await page.goto(href);
    const section = page.getByTestId("service-matrix");
    for (const useCase of matrix.useCases) {
      await section.getByLabel("Start from a use case").selectOption(useCase.name);
      for (const need of matrix.needs) {
        const box = section.getByRole("checkbox", { name: need.label });
        if (useCase.needs.includes(need.id)) await expect(box).toBeChecked();
        else await expect(box).not.toBeChecked();
      }
      await expect(section.locator(`tr[data-use-case="${useCase.name}"]`)).toHaveAttribute("data-chosen", "true");
      // The recommended services are among those that meet all of the use case's needs.
      const marked = (await section.locator("table[data-offers] thead th[data-meets-all='true']").allTextContents()).map((text) => text.replace("meets all ticked needs", "").trim());
      for (const id of useCase.services) expect(marked).toContain(matrix.services.find((service) => service.id === id)!.name);
    }
    await section.getByLabel("Start from a use case").selectOption("Database credentials");
    await section.getByRole("checkbox", { name: "Show only the needs I ticked" }).check();
    await expect(section.locator("table[data-offers] tbody tr")).toHaveCount(3);
    await section.getByRole("checkbox", { name: "Show only the needs I ticked" }).uncheck();
    await expect(section.locator("table[data-offers] tbody tr")).toHaveCount(matrix.needs.length);
    for (const need of matrix.needs) {
      for (const service of matrix.services) {
        const cell = section.locator(`tr[data-need="${need.id}"] td[data-service="${service.id}"]`);
        await expect(cell).toContainText(`${need.cells[service.id]!.meets ? "Yes" : "No"}${need.cells[service.id]!.note}`);
      }
    }
  });

  test("both tables are there without JavaScript, with no controls that would not work", async ({ browser }) => {
    const { href, matrix } = await chapterData();
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(href);
    await expect(page.getByRole("table", { name: matrix.caption })).toBeVisible();
    await expect(page.getByRole("table", { name: matrix.offersCaption })).toBeVisible();
    await expect(page.getByRole("table", { name: matrix.caption }).locator("tbody tr")).toHaveCount(matrix.useCases.length);
    await expect(page.getByLabel("Start from a use case")).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await page.close();
  });
});

for (const scheme of ["light", "dark"] as const) {
  test(`in use, both pass axe in ${scheme} mode; screenshots`, async ({ page }) => {
    const { href } = await chapterData();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(href);
    await page.addStyleTag({ content: "header { position: static !important; }" });
    await walker(page).getByRole("button", { name: "A value my application reads" }).click();
    await walker(page).getByRole("button", { name: "No", exact: true }).click();
    const section = page.getByTestId("service-matrix");
    await section.getByLabel("Start from a use case").selectOption("API keys");
    await section.getByRole("checkbox", { name: "Usable from another AWS account" }).check();
    await expectNoSeriousA11yViolations(page, `${href} in use (${scheme})`);
    await page.locator("figure", { has: walker(page) }).screenshot({ path: `${SHOTS}/decision-tree-desktop-${scheme}.png` });
    await section.screenshot({ path: `${SHOTS}/use-case-matrix-desktop-${scheme}.png` });
  });
}

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  for (const scheme of ["light", "dark"] as const) {
    test(`no sideways page scrolling, axe clean, in ${scheme} mode`, async ({ page }) => {
      const { href } = await chapterData();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(href);
      await page.addStyleTag({ content: "header { position: static !important; }" });
      await walker(page).getByRole("button", { name: "A value my application reads" }).click();
      const section = page.getByTestId("service-matrix");
      await section.getByLabel("Start from a use case").selectOption("Database credentials");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await expectNoSeriousA11yViolations(page, `${href} at 360 px (${scheme})`);
      await page.locator("figure", { has: walker(page) }).screenshot({ path: `${SHOTS}/decision-tree-360-${scheme}.png` });
      await section.screenshot({ path: `${SHOTS}/use-case-matrix-360-${scheme}.png` });
    });
  }
});
