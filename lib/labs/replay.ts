/**
 * The server's own account of a lab: the browser is not trusted for graded
 * work, so a completion is recorded only after the learner's command log has
 * been run again here, in the same engine, from the lab's scenario and seed,
 * with the steps checked after every command as the browser checks them.
 * A forged state or a forged count cannot pass: only the commands count.
 *
 * NOTE: a command line stopped by its CPU budget may stop at another point
 * here than in the browser; such a log can count differently (the learner
 * sees which steps the server confirmed).
 */
import { createSandbox } from "@/lib/sandbox/create-sandbox";
import type { ScenarioName } from "@/lib/sandbox/scenarios";
import { checkOnCopy } from "@/lib/quiz/sandbox-task-check";
import { DEFAULT_BUDGET_MS } from "@/lib/workspace/protocol";
import type { LabDefinition } from "./lab";
import { advance } from "./progress";

export interface CommandLog {
  /** The simulated time the learner's sandbox started at (ms since the epoch). */
  startedAt: number;
  commands: readonly string[];
}

export interface Replay {
  stepsDone: number;
  /** After which command (1-based) each finished step was first done. */
  doneAfter: number[];
  completed: boolean;
}

export async function replayLab(lab: Pick<LabDefinition, "scenario" | "seed" | "steps">, log: CommandLog): Promise<Replay> {
  const options = { scenario: lab.scenario as ScenarioName, seed: lab.seed, now: log.startedAt };
  const session = createSandbox(options);
  const copy = createSandbox(options);
  const passes = async (check: string) => (await checkOnCopy(session, copy, check)).passed;
  let done = await advance(lab.steps, 0, passes);
  // A lab whose first check passes before anything is run fails the build (prove-lab.ts); a replay counts what it sees.
  const doneAfter: number[] = Array<number>(done).fill(0);
  for (const [index, command] of log.commands.entries()) {
    if (done === lab.steps.length) break;
    await session.run(command, { budgetMs: DEFAULT_BUDGET_MS });
    const now = await advance(lab.steps, done, passes);
    for (let step = done; step < now; step++) doneAfter.push(index + 1);
    done = now;
  }
  return { stepsDone: done, doneAfter, completed: done === lab.steps.length };
}
