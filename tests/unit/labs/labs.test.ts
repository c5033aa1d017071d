import { describe, expect, it } from "vitest";
import { compileSection } from "@/lib/content/compile-section";
import { ContentErrors } from "@/lib/content/content-error";
import { compileLab, compileLabs } from "@/lib/labs/compile-lab";
import type { LabDefinition } from "@/lib/labs/lab";
import { proveLab } from "@/lib/labs/prove-lab";
import { replayLab } from "@/lib/labs/replay";

/**
 * Labs as specifications: every lab in content/labs/ can be done from its
 * scenario, step by step, and no step is done before the learner acts; the
 * server's replay of a command log counts the steps the commands really do,
 * whatever else a request claims.
 */
const ids = { examPointIds: new Set(["kms.key-types", "kms.customer-managed-key-rotation"]), errataIds: new Set<string>() };
const START = Date.parse("2026-03-01T12:00:00Z");

async function courseLabs() {
  const { loadCourse } = await import("@/lib/content/course");
  const course = await loadCourse();
  return compileLabs("content/labs", { examPointIds: new Set(course.examPoints.map((point) => point.id)), errataIds: new Set(course.errata.corrections.map((correction) => correction.id)) });
}

/** A two-step lab on the empty scenario: an alias, then rotation on the key behind it. */
const aliasLab: Pick<LabDefinition, "scenario" | "seed" | "steps"> = {
  scenario: "empty",
  seed: 7,
  steps: [
    {
      id: "alias",
      title: "Alias",
      check: "aws kms describe-key --key-id alias/app-key",
      hints: ["create-key, create-alias"],
      solution: ["K=$(aws kms create-key --query KeyMetadata.KeyId --output text)", 'aws kms create-alias --alias-name alias/app-key --target-key-id "$K"'],
    },
    {
      id: "rotation",
      title: "Rotation",
      check: 'test "$(aws kms get-key-rotation-status --key-id "$(aws kms describe-key --key-id alias/app-key --query KeyMetadata.KeyId --output text)" --query KeyRotationEnabled --output text)" = True',
      hints: ["enable-key-rotation"],
      solution: ['aws kms enable-key-rotation --key-id "$(aws kms describe-key --key-id alias/app-key --query KeyMetadata.KeyId --output text)"'],
    },
  ],
};

describe("the course's labs", () => {
  it("are each provable: no check passes at the start, and each step's solution does that step and not the next", async () => {
    const labs = await courseLabs();
    expect(labs.map((lab) => lab.id)).toEqual(["keys-and-aliases", "secrets-rotation", "troubleshooting", "parameter-store-access", "envelope-encryption", "integrations"]);
    for (const lab of labs) expect({ lab: lab.id, problems: await proveLab(lab) }).toEqual({ lab: lab.id, problems: [] });
  });

  it("are completed by replaying their solutions, one step after each step's last solution command", async () => {
    for (const lab of await courseLabs()) {
      const commands = lab.steps.flatMap((step) => step.solution);
      const replay = await replayLab(lab, { startedAt: START, commands });
      expect(replay.completed).toBe(true);
      let end = 0;
      const expected = lab.steps.map((step) => (end += step.solution.length));
      // A step is done by the first command after which its check passes: at or before its last solution command.
      replay.doneAfter.forEach((after, index) => expect(after).toBeLessThanOrEqual(expected[index]!));
    }
  });
});

describe("the proof of a lab", () => {
  it("accepts a fair lab", async () => {
    expect(await proveLab(aliasLab)).toEqual([]);
  });

  it("refuses a step whose check passes before the learner acts", async () => {
    const lab = { ...aliasLab, steps: [{ ...aliasLab.steps[0]!, check: "aws kms list-keys" }, aliasLab.steps[1]!] };
    expect(await proveLab(lab)).toEqual([{ step: "alias", message: 'its check passes on the fresh "empty" scenario, before the learner does anything' }]);
  });

  it("refuses a solution command that fails, and a check the solution does not satisfy", async () => {
    const failing = { ...aliasLab, steps: [{ ...aliasLab.steps[0]!, solution: ["aws kms create-alias --alias-name alias/app-key --target-key-id nope"] }] };
    const [problem] = await proveLab(failing);
    expect(problem?.step).toBe("alias");
    expect(problem?.message).toMatch(/^solution command "aws kms create-alias .*" fails \(exit 254\): /);
    const unsatisfied = { ...aliasLab, steps: [{ ...aliasLab.steps[0]!, solution: ["aws kms create-key"] }] };
    expect(await proveLab(unsatisfied)).toEqual([{ step: "alias", message: expect.stringMatching(/^its check does not pass after its solution \(exit 254/) }]);
  });

  it("refuses a step whose solution also does the next step's work", async () => {
    const greedy = { ...aliasLab, steps: [{ ...aliasLab.steps[0]!, solution: [...aliasLab.steps[0]!.solution, ...aliasLab.steps[1]!.solution] }, aliasLab.steps[1]!] };
    expect(await proveLab(greedy)).toEqual([{ step: "rotation", message: 'its check already passes after the solution of "alias", before the learner does this step' }]);
  });
});

describe("the server's replay of a command log", () => {
  it("counts only what the commands did, in step order", async () => {
    const solution = aliasLab.steps.flatMap((step) => step.solution);
    expect(await replayLab(aliasLab, { startedAt: START, commands: solution })).toEqual({ stepsDone: 2, doneAfter: [2, 3], completed: true });
    // The second step's work without the first one's: nothing counts, steps are done in order.
    expect(await replayLab(aliasLab, { startedAt: START, commands: ["echo step one done", "aws kms create-key"] })).toEqual({ stepsDone: 0, doneAfter: [], completed: false });
    expect(await replayLab(aliasLab, { startedAt: START, commands: solution.slice(0, 2) })).toEqual({ stepsDone: 1, doneAfter: [2], completed: false });
  });

  it("keeps a step done when a later command undoes its effect, as the learner saw it ticked", async () => {
    const commands = [...aliasLab.steps[0]!.solution, "aws kms delete-alias --alias-name alias/app-key"];
    expect(await replayLab(aliasLab, { startedAt: START, commands })).toEqual({ stepsDone: 1, doneAfter: [2], completed: false });
  });

  it("is not fooled by commands that only print what a check would", async () => {
    const commands = ["echo '{\"KeyMetadata\": {\"KeyId\": \"x\"}}'", "alias aws=true", "aws() { return 0; }", "export PATH=/nowhere"];
    expect((await replayLab(aliasLab, { startedAt: START, commands })).stepsDone).toBe(0);
  });
});

describe("compiling a lab", () => {
  const source = (body: string) => `---\ntitle: A lab\norder: 1\nsummary: A lab used by the tests to check the compiler's rules.\nminutes: 10\nscenario: empty\nseed: 1\nexamPoints: [kms.key-types]\n---\n\n${body}\n`;
  const step = (id: string) => `<LabStep id="${id}" title="Do it" check="true" hints={["a hint"]} solution={["true"]}>\n\nDo it.\n\n</LabStep>\n`;

  it("reads the frontmatter and the steps in order", async () => {
    const lab = await compileLab({ file: "content/labs/demo-lab.mdx", source: source(step("first") + "\n" + step("second")), ...ids });
    expect({ id: lab.id, href: lab.href, scenario: lab.scenario, steps: lab.steps.map((s) => s.id) }).toEqual({ id: "demo-lab", href: "/labs/demo-lab", scenario: "empty", steps: ["first", "second"] });
  });

  it("refuses a lab without steps, a step id used twice and an unknown exam point, at their lines", async () => {
    const messages = async (text: string) => {
      try {
        await compileLab({ file: "content/labs/demo-lab.mdx", source: text, ...ids });
        return [];
      } catch (error) {
        return (error as ContentErrors).errors.map((e) => e.message);
      }
    };
    expect(await messages(source("No steps here."))).toEqual(["content/labs/demo-lab.mdx: a lab needs at least one <LabStep>"]);
    expect(await messages(source(step("same") + "\n" + step("same")))).toEqual(['content/labs/demo-lab.mdx:17:1: <LabStep id="same"> is used twice in this lab']);
    expect(await messages(source(step("one")).replace("[kms.key-types]", "[kms.nope]"))).toEqual(['content/labs/demo-lab.mdx: examPoints: unknown exam point "kms.nope" (not in content/exam-points.yaml)']);
  });

  it("refuses a <LabStep> in a chapter", async () => {
    const chapter = `---\ntitle: A section\norder: 1\nsummary: A section used by the tests to check the compiler's rules.\nminutes: 1\n---\n\n${step("stray")}`;
    await expect(compileSection({ file: "content/chapters/x/01-a.mdx", source: chapter, ...ids })).rejects.toThrow("<LabStep> belongs in a lab (content/labs/), not in a chapter");
  });
});
