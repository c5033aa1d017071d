/**
 * The CPU time a command line may use. The sandbox runs synchronously, so
 * nothing outside the shell can stop a command that loops for a long time:
 * the interpreter, the expansions and the tools ask `check()` at every
 * command, loop turn, function call and as they walk their input, and the
 * first check past the deadline stops the command line, as the kernel stops
 * a process that reaches its CPU-time limit (`ulimit -t`) with SIGXCPU.
 */

/** SIGXCPU is signal 24 on Linux; bash reports a process it killed as 128 + 24. */
export const CPU_LIMIT_STATUS = 152;

/** Thrown by `check()` once the budget is spent; only the top of `Shell.run` catches it. */
export class CpuTimeExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(cpuLimitMessage(budgetMs));
  }
}

/** bash's name for SIGXCPU ("CPU time limit exceeded"), then why and how much, like the other sandbox limits. */
export function cpuLimitMessage(budgetMs: number): string {
  const seconds = Number((budgetMs / 1000).toFixed(3));
  return `CPU time limit exceeded: the command line was stopped after ${seconds} ${seconds === 1 ? "second" : "seconds"} of CPU time (sandbox limit)`;
}

export interface CpuBudgetOptions {
  /** Milliseconds the command line may run; undefined: no limit. */
  budgetMs?: number;
  /** Milliseconds from any origin; performance.now() by default. */
  clock?: () => number;
}

const defaultClock = (): number => globalThis.performance.now();

export class CpuBudget {
  readonly budgetMs: number | undefined;
  /** Set by the first check past the deadline; every later check throws again, so nothing can swallow the stop. */
  expired = false;
  private readonly clock: () => number;
  private readonly deadline: number;

  constructor(options: CpuBudgetOptions = {}) {
    this.budgetMs = options.budgetMs;
    this.clock = options.clock ?? defaultClock;
    this.deadline = this.budgetMs === undefined ? Infinity : this.clock() + this.budgetMs;
  }

  /** Throws CpuTimeExceeded once the deadline has passed. Without a budget it costs one comparison. */
  check(): void {
    if (this.budgetMs === undefined) return;
    if (this.expired || this.clock() >= this.deadline) {
      this.expired = true;
      throw new CpuTimeExceeded(this.budgetMs);
    }
  }
}

/** A check for code that has no budget of its own (helpers called outside a command line). */
export const noCheck = (): void => {};

/** What loops that may run long receive: call it now and then (every few hundred steps is often enough). */
export type CheckTime = () => void;
