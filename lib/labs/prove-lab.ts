/**
 * The build's proof that a lab is fair, step by step, on a fresh sandbox of
 * its scenario and seed: no step's check passes before the learner acts;
 * then, for each step in order, its check fails until its solution has run,
 * every solution command succeeds, the check passes after it, and the next
 * step's check still fails (one step's solution must not do the next one's
 * work). A lab that breaks any of these is a content error.
 */
import { checkOnCopy } from "@/lib/quiz/sandbox-task-check";
import { createSandbox } from "@/lib/sandbox/create-sandbox";
import type { ScenarioName } from "@/lib/sandbox/scenarios";
import type { LabDefinition } from "./lab";

/** A fixed start for the proof; the learner's sandbox starts at their own time, and no check may depend on the date. */
export const PROOF_START = "2026-01-15T09:00:00Z";

export interface LabProblem {
  step: string | undefined;
  message: string;
}

export async function proveLab(lab: Pick<LabDefinition, "scenario" | "seed" | "steps">): Promise<LabProblem[]> {
  const options = { scenario: lab.scenario as ScenarioName, seed: lab.seed, now: PROOF_START };
  const session = createSandbox(options);
  const copy = createSandbox(options);
  const check = (step: LabDefinition["steps"][number]) => checkOnCopy(session, copy, step.check);
  const problems: LabProblem[] = [];
  const firstLine = (text: string) => text.trim().split("\n")[0] ?? "";
  for (const step of lab.steps) {
    if ((await check(step)).passed) problems.push({ step: step.id, message: `its check passes on the fresh "${lab.scenario}" scenario, before the learner does anything` });
  }
  if (problems.length > 0) return problems;
  for (const [index, step] of lab.steps.entries()) {
    for (const command of step.solution) {
      const result = await session.run(command);
      if (result.exitCode !== 0) return [...problems, { step: step.id, message: `solution command "${command}" fails (exit ${result.exitCode}): ${firstLine(result.output)}` }];
    }
    const after = await check(step);
    if (!after.passed) return [...problems, { step: step.id, message: `its check does not pass after its solution (exit ${after.exitCode}${after.output.trim() ? `: ${firstLine(after.output)}` : ""})` }];
    const next = lab.steps[index + 1];
    if (next && (await check(next)).passed) problems.push({ step: next.id, message: `its check already passes after the solution of "${step.id}", before the learner does this step` });
  }
  return problems;
}
