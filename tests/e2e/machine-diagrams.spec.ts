import { toDirectedGraph, type DirectedGraphNode } from "@xstate/graph";
import { expect, test, type Page } from "@playwright/test";
import { keyLifecycleMachine } from "../../lib/sandbox/kms/key.machine";
import { machineGraph } from "../../lib/visualize/machine-graph";
import { describeEvent, machines } from "../../lib/visualize/machines";
import { stateName } from "../../lib/visualize/machine-diagram";
import { expectNoSeriousA11yViolations, watchForProblems } from "./helpers";

/**
 * The chapter's key lifecycle figure is the engine's machine drawn: every
 * state of the machine is a box and is listed in words, every transition is
 * an arrow and a line "event: from → to"; it passes axe in light and dark
 * mode and fits a 360 px phone without sideways page scrolling. Screenshots
 * go to test-results/screenshots/ for a person to look at.
 */

const SECTION = "/chapters/kms-secrets-manager-parameter-store/kms";
const SHOTS = "test-results/screenshots";

/** The machine's states as @xstate/graph lists them ("PendingDeletion.WithKeyMaterial"), not as the diagram code reads them. */
function machineStates(): string[] {
  const ids: string[] = [];
  const visit = (node: DirectedGraphNode) => {
    for (const child of node.children) {
      ids.push(child.id.slice(keyLifecycleMachine.id.length + 1));
      visit(child);
    }
  };
  visit(toDirectedGraph(keyLifecycleMachine));
  return ids;
}

const figureOf = (page: Page) => page.locator("figure", { has: page.locator('[data-machine="kms-key"]') });

test.describe("the key lifecycle figure", () => {
  test("draws and lists every state and transition of the key lifecycle machine", async ({ page }) => {
    const { problems } = watchForProblems(page);
    await page.goto(SECTION);
    const figure = figureOf(page);
    await expect(figure.locator("figcaption")).toHaveText("The states of a KMS key, drawn from the sandbox's key lifecycle machine.");
    const drawing = figure.getByRole("img", { name: "Lifecycle of a KMS key: a state diagram." });
    await expect(drawing).toBeVisible();

    const states = machineStates();
    expect(states).toEqual(["Enabled", "Disabled", "PendingImport", "PendingDeletion", "PendingDeletion.WithKeyMaterial", "PendingDeletion.AwaitingImport", "Deleted"]);
    for (const id of states) {
      await expect(drawing.locator(`g[data-state="${id}"]`)).toBeVisible();
      // A box's title is its first text; a box around nested states has its title drawn over the edges.
      await expect(drawing.locator(`g[data-state="${id}"] text, g[data-title-of="${id}"] text`).first()).toHaveText(id.split(".").pop()!);
    }
    // Boxes list the events a state handles without leaving it, e.g. reading the rotation status of an enabled key.
    await expect(drawing.locator('g[data-state="Enabled"] text')).toContainText(["accepts:", "• EnableKey", "• cryptographic", "operations"]);
    await expect(drawing.locator('g[data-state="Enabled"]')).toContainText("• GetKeyRotationStatus");

    const graph = machineGraph(keyLifecycleMachine);
    for (const edge of graph.transitions) await expect(drawing.locator(`g[data-edge="${edge.id}"]`)).toHaveCount(1);

    await figure.getByText("States and transitions as text").click();
    const text = figure.locator("details.machine-text");
    for (const id of states) await expect(text.locator(`li[data-state="${id}"]`)).toBeVisible();
    const lines = await text.locator("ul.machine-transitions > li").allTextContents();
    expect(lines.sort()).toEqual(
      graph.transitions.flatMap((edge) => edge.events.map((ref) => `${describeEvent(machines["kms-key"], ref)}: ${stateName(edge.from)} → ${stateName(edge.to)}`)).sort(),
    );
    // What the chapter's prose says, the picture shows.
    expect(lines).toContain("ScheduleKeyDeletion: Enabled → PendingDeletion (WithKeyMaterial)");
    expect(lines).toContain("ScheduleKeyDeletion: Disabled → PendingDeletion (WithKeyMaterial)");
    expect(lines).toContain("CancelKeyDeletion: PendingDeletion (WithKeyMaterial) → Disabled");
    expect(lines).toContain("CancelKeyDeletion: PendingDeletion (AwaitingImport) → PendingImport");
    expect(problems).toEqual([]);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`passes axe in ${scheme} mode, on a desktop`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(SECTION);
      await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
      const figure = figureOf(page);
      await figure.getByText("States and transitions as text").click();
      await expectNoSeriousA11yViolations(page, `${SECTION} (${scheme})`);
      // The site header sticks to the top of the viewport; in a screenshot it would cover the figure.
      await page.addStyleTag({ content: "header { position: static !important; }" });
      await figure.locator(".figure-panel").screenshot({ path: `${SHOTS}/kms-key-desktop-${scheme}.png` });
    });
  }
});

test.describe("the key lifecycle figure on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  for (const scheme of ["light", "dark"] as const) {
    test(`fits a 360 px screen without sideways page scrolling, legible, in ${scheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(SECTION);
      const figure = figureOf(page);
      await figure.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

      // The drawing may shrink, but its text never below 11 px as the reader sees it.
      const smallest = await figure.locator("svg[role='img']").evaluate((svg) => {
        const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
        return Math.min(...Array.from(svg.querySelectorAll("text")).map((text) => parseFloat(getComputedStyle(text).fontSize) * scale));
      });
      expect(smallest).toBeGreaterThanOrEqual(11);

      // What does not fit scrolls inside the figure, and the scrolling region is reachable by keyboard.
      const region = figure.getByRole("region", { name: "Lifecycle of a KMS key (drawing)" });
      const scrolls = await region.evaluate((element) => element.scrollWidth > element.clientWidth);
      if (scrolls) {
        await expect(region).toHaveAttribute("tabindex", "0");
        await expect(figure.getByText("Scroll the drawing sideways to see all of it.")).toBeVisible();
      }
      await expectNoSeriousA11yViolations(page, `${SECTION} at 360 px (${scheme})`);
      await page.addStyleTag({ content: "header { position: static !important; }" });
      await figure.locator(".figure-panel").screenshot({ path: `${SHOTS}/kms-key-360-${scheme}.png` });
    });
  }
});

test.describe("motion", () => {
  /** The site's stylesheet applied to an edge drawn as just taken (the sandbox passes previous and current). */
  const takenEdgeAnimation = (page: Page) =>
    page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", '<svg id="probe"><g class="machine-edge-taken"><path class="machine-edge-path" pathLength="1" d="M0,0 L10,10"/></g></svg>');
      const name = getComputedStyle(document.querySelector("#probe path")!).animationName;
      document.querySelector("#probe")!.remove();
      return name;
    });

  test("a transition just taken is drawn along its path, unless the reader asks for reduced motion", async ({ page }) => {
    await page.goto(SECTION);
    expect(await takenEdgeAnimation(page)).toBe("machine-edge-draw");
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await takenEdgeAnimation(page)).toBe("none");
  });
});
