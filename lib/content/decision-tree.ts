import type { DecisionNode, DecisionOutcome, DecisionQuestion } from "./registry";

/**
 * Walking a decision tree one question at a time. A learner's position is
 * the list of option indexes chosen so far (the path); everything a walker
 * shows is derived from the tree and that path, so going back is cutting the
 * path short.
 */

export type DecisionPath = readonly number[];

export interface DecisionStep {
  question: string;
  /** The option chosen at this question. */
  answer: string;
}

export function isOutcome(node: DecisionNode): node is DecisionOutcome {
  return "result" in node;
}

/** The node a path leads to; throws on an option a question does not have. */
export function nodeAt(root: DecisionNode, path: DecisionPath): DecisionNode {
  let node = root;
  for (const [depth, choice] of path.entries()) {
    if (isOutcome(node)) throw new RangeError(`the path goes on after a result at step ${depth + 1}`);
    const option = node.options[choice];
    if (!option) throw new RangeError(`question "${node.question}" has no option ${choice}`);
    node = option.then;
  }
  return node;
}

/** The questions answered along a path, with the answers given. */
export function stepsOf(root: DecisionNode, path: DecisionPath): DecisionStep[] {
  return path.map((choice, depth) => {
    const question = nodeAt(root, path.slice(0, depth)) as DecisionQuestion;
    return { question: question.question, answer: question.options[choice]!.label };
  });
}

/** The path after choosing `choice` at the current question. */
export function choose(root: DecisionNode, path: DecisionPath, choice: number): number[] {
  const next = [...path, choice];
  nodeAt(root, next);
  return next;
}

/** The path back at the question of step `depth` (0-based), its answer undone. */
export function backTo(path: DecisionPath, depth: number): number[] {
  return path.slice(0, Math.max(0, depth));
}

export interface DecisionLeaf {
  path: number[];
  /** The option labels chosen along the way. */
  answers: string[];
  outcome: DecisionOutcome;
}

/** Every way through the tree, each ending in its result, in the order the options are written. */
export function allLeaves(root: DecisionNode, path: number[] = []): DecisionLeaf[] {
  const node = nodeAt(root, path);
  if (isOutcome(node)) return [{ path, answers: stepsOf(root, path).map((step) => step.answer), outcome: node }];
  return node.options.flatMap((_, choice) => allLeaves(root, [...path, choice]));
}
