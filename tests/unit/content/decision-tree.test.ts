import { beforeAll, describe, expect, it } from "vitest";
import { buildCourse } from "@/lib/content/course";
import { allLeaves, backTo, choose, isOutcome, nodeAt, stepsOf } from "@/lib/content/decision-tree";
import type { DecisionNode } from "@/lib/content/registry";

/** Walking a decision tree one question at a time, as the walker on the page does. */

const tree: DecisionNode = {
  question: "Rotate?",
  options: [
    { label: "Yes", then: { result: "Secrets Manager", note: "rotation built in" } },
    { label: "No", then: { question: "Sensitive?", options: [{ label: "Yes", then: { result: "SecureString" } }, { label: "No", then: { result: "String" } }] } },
  ],
};

describe("a decision path", () => {
  it("leads from the root through the chosen options", () => {
    expect(nodeAt(tree, [])).toBe(tree);
    expect(nodeAt(tree, [1, 0])).toEqual({ result: "SecureString" });
    expect(isOutcome(nodeAt(tree, [0]))).toBe(true);
    expect(isOutcome(nodeAt(tree, [1]))).toBe(false);
  });

  it("lists the questions answered so far with their answers", () => {
    expect(stepsOf(tree, [1, 1])).toEqual([
      { question: "Rotate?", answer: "No" },
      { question: "Sensitive?", answer: "No" },
    ]);
    expect(stepsOf(tree, [])).toEqual([]);
  });

  it("grows by a choice and shrinks back to an earlier question", () => {
    expect(choose(tree, [1], 0)).toEqual([1, 0]);
    expect(backTo([1, 0], 1)).toEqual([1]);
    expect(backTo([1, 0], 0)).toEqual([]);
  });

  it("refuses options a question does not have and steps past a result", () => {
    expect(() => nodeAt(tree, [2])).toThrow('question "Rotate?" has no option 2');
    expect(() => choose(tree, [0], 0)).toThrow("the path goes on after a result at step 2");
  });

  it("enumerates every way through the tree", () => {
    expect(allLeaves(tree).map((leaf) => [leaf.answers.join(" / "), leaf.outcome.result])).toEqual([
      ["Yes", "Secrets Manager"],
      ["No / Yes", "SecureString"],
      ["No / No", "String"],
    ]);
  });
});

describe("the chapter's service-selection tree", () => {
  let root: DecisionNode;
  beforeAll(async () => {
    const course = await buildCourse();
    const section = course.chapters[0]!.sections.find((candidate) => candidate.slug === "choosing-a-service")!;
    expect(section.facts.decisionTrees).toHaveLength(1);
    root = section.facts.decisionTrees[0]!.root;
  });

  it("ends every path in one of the three services, KMS first", () => {
    expect(allLeaves(root).map((leaf) => [leaf.path, leaf.outcome.result])).toEqual([
      [[0], "AWS KMS"],
      [[1, 0], "AWS Secrets Manager"],
      [[1, 1, 0], "Parameter Store SecureString"],
      [[1, 1, 1], "Parameter Store String or StringList"],
    ]);
  });
});
