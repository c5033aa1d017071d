/**
 * Grading a sandbox task: its check (a command line that exits 0 when the job
 * is done) runs on a copy of the learner's session, so checking changes
 * nothing they can see: no history, no trail entries, no files. The same
 * function proves at build time that every task can be done from its
 * scenario and is not done before the learner acts.
 */
import type { SandboxSession } from "@/lib/sandbox/session";

export interface TaskCheckOutcome {
  passed: boolean;
  exitCode: number;
  /** What the check printed (both streams), for the author; learners see only passed or not. */
  output: string;
}

/**
 * Runs `check` on `copy` after restoring `source`'s AWS state and files into
 * it. `copy` must have its tools attached. The check runs in a new shell in
 * the home directory: never with the learner's functions, variables or
 * options, so that `aws() { return 0; }` cannot make a check pass.
 */
export async function checkOnCopy(source: SandboxSession, copy: SandboxSession, check: string): Promise<TaskCheckOutcome> {
  // Without the trail (the engine's largest part, growing with every call): no check reads it,
  // and copying it made each check cost more than the last.
  copy.restore(source.snapshot({ trail: false }), { freshShell: true });
  const result = await copy.run(check);
  return { passed: result.exitCode === 0, exitCode: result.exitCode, output: result.output };
}

export interface TaskProof {
  /** The check on the untouched scenario: must fail. */
  before: TaskCheckOutcome;
  /** Each solution command's result, then the check: must pass. */
  solution: { command: string; exitCode: number; output: string }[];
  after: TaskCheckOutcome;
}

/** Plays a task on a fresh session of its scenario: the check before anything is done, the solution, the check after. */
export async function proveTask(fresh: () => SandboxSession, task: { check: string; solution: readonly string[] }): Promise<TaskProof> {
  const session = fresh();
  const before = await checkOnCopy(session, fresh(), task.check);
  const solution: TaskProof["solution"] = [];
  for (const command of task.solution) {
    const result = await session.run(command);
    solution.push({ command, exitCode: result.exitCode, output: result.output });
  }
  const after = await checkOnCopy(session, fresh(), task.check);
  return { before, solution, after };
}
