import type { Shell } from "../shell";
import type { Sink, Source } from "../io";

/** What a command gets when it runs: its arguments, its three streams and the shell. */
export interface CommandContext {
  /** The name it was called by (argv[0]). */
  name: string;
  args: string[];
  stdin: Source;
  stdout: Sink;
  stderr: Sink;
  /** Whether standard output goes straight to the terminal (ls prints columns there, one name a line into a pipe). */
  stdoutIsTerminal: boolean;
  shell: Shell;
}

export interface CommandSpec {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** `help <name>`: usage and what the sandbox supports, in the project's own words. */
  help: string;
  /** Shell builtins (cd, export...) as opposed to programs (cat, ls...): `type` and `which` tell them apart. */
  builtin?: boolean;
  run(context: CommandContext): number;
}
