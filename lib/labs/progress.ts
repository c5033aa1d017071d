/**
 * How far a learner is in a lab: steps are done in order, and a step is
 * done once its check has passed after some command (it stays done when a
 * later command undoes its effect, as a lab guide would expect). One command
 * can finish several steps. The same function runs live in the browser's
 * worker and in the server's replay, so both count the same way.
 */
import type { LabStep } from "./lab";

/** Checks the steps after the `done` first ones, in order, while they pass; resolves with the new count. */
export async function advance(steps: readonly Pick<LabStep, "check">[], done: number, passes: (check: string) => Promise<boolean>): Promise<number> {
  let count = done;
  while (count < steps.length && (await passes(steps[count]!.check))) count++;
  return count;
}
