import type { Completion } from "./completion";

/**
 * What the terminal needs from a sandbox session (lib/sandbox's
 * createSandbox). Kept as an interface here so the terminal's logic can be
 * tested with a stand-in and never imports the engine eagerly.
 */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Both streams in the order they were written, when the session knows it (what a terminal shows). */
  output?: string;
}

export interface SessionPort {
  run(commandLine: string): Promise<CommandOutput>;
  complete(line: string, cursor: number): Completion | undefined;
  /** Whether the text so far is an unfinished command (trailing backslash, open quote, `if` without `fi`...). */
  needsMoreInput(text: string): boolean;
  snapshot(): unknown;
  /** Throws with a message for the learner on malformed or foreign input, changing nothing. */
  restore(snapshot: unknown): void;
  /** The working directory, for the prompt. */
  cwd(): string;
  home(): string;
}
