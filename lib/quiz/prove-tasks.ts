/**
 * The build's proof that every sandbox task is fair: on a fresh session of
 * its scenario the check must fail (else it would pass without the learner
 * doing anything) and after the task's solution it must pass (else nobody
 * could pass it). A task that fails either way is a content error at its
 * file and line, like any other broken question.
 */
import { ContentError } from "@/lib/content/content-error";
import type { Course } from "@/lib/content/course";
import { createSandbox } from "@/lib/sandbox/create-sandbox";
import type { ScenarioName } from "@/lib/sandbox/scenarios";
import { proveTask } from "./sandbox-task-check";

/** A fixed seed and start: the proof gives the same answer on every run. */
const PROOF_SEED = 27;
const PROOF_START = "2026-01-15T09:00:00Z";

export async function proveSandboxTasks(course: Course): Promise<{ errors: ContentError[]; proved: number }> {
  const errors: ContentError[] = [];
  let proved = 0;
  for (const section of course.chapters.flatMap((chapter) => chapter.sections)) {
    for (const { props, line, column } of section.facts.sandboxTasks) {
      const fresh = () => createSandbox({ scenario: props.scenario as ScenarioName, seed: PROOF_SEED, now: PROOF_START });
      const proof = await proveTask(fresh, props);
      const at = (message: string) => errors.push(new ContentError(section.file, line, column, `<SandboxTask id="${props.id}">: ${message}`));
      if (proof.before.passed) at(`its check passes on the fresh "${props.scenario}" scenario, before the learner does anything`);
      const failed = proof.solution.find((step) => step.exitCode !== 0);
      if (failed) at(`solution command "${failed.command}" fails (exit ${failed.exitCode}): ${failed.output.trim().split("\n")[0] ?? ""}`);
      if (!proof.after.passed) at(`its check does not pass after the solution (exit ${proof.after.exitCode}${proof.after.output.trim() ? `: ${proof.after.output.trim().split("\n")[0]}` : ""})`);
      if (!proof.before.passed && proof.after.passed && !failed) proved++;
    }
  }
  return { errors, proved };
}
