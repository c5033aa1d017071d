/**
 * The random sessions of tests/unit/sandbox/random-operations.ts (the generator the
 * engine's properties replay) as a fixed workload for the contract test; the
 * contract test's own extension (extra-workload.ts) covers what it lacks.
 */
import fc from "fast-check";
import { isAwsServiceError } from "@/lib/sandbox/core/errors";
import { newEngine, operation, perform, type Step } from "../random-operations";

/**
 * Replays `runs` random sequences (at most `maxLength` steps each), drawn with a
 * fixed fast-check seed so the workload is the same on every run. Failed calls are
 * expected (the generator makes mistakes on purpose); anything but an
 * AwsServiceError is rethrown. Clock steps move at most `maxDays` (the original
 * draws up to 400): a secret rotating every 4 hours makes a 400-day step cost
 * seconds of rotations; the extension workload moves its clock 400 days once.
 */
export function runRandomWorkload(options: { runs: number; maxLength: number; seed: number; maxDays: number }): { steps: number } {
  const sequences = fc.sample(fc.array(operation, { maxLength: options.maxLength, size: "max" }), { seed: options.seed, numRuns: options.runs });
  let steps = 0;
  sequences.forEach((sequence, index) => {
    const { sandbox, keys } = newEngine(options.seed + index);
    for (const step of sequence as Step[]) {
      steps += 1;
      try {
        perform(sandbox, step.service === "clock" ? { ...step, input: { days: Math.min(step.input.days, options.maxDays) } } : step, keys);
      } catch (error) {
        if (!isAwsServiceError(error)) throw error;
      }
    }
  });
  return { steps };
}
