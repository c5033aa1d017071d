import type { Sandbox } from "../sandbox";
import type { FileSystem } from "../vfs/types";

/**
 * How the shell runs the `aws` command. (Contract shared by the shell and
 * the CLI.) Output is bytes because `aws ... | base64 --decode > file` must
 * be binary-safe end to end.
 */
export interface CommandResult {
  stdout: Uint8Array;
  stderr: Uint8Array;
  exitCode: number;
}

export interface AwsCliContext {
  engine: Sandbox;
  fs: FileSystem;
  /** Environment variables (AWS_DEFAULT_REGION, AWS_REGION, AWS_DEFAULT_OUTPUT, AWS_PAGER ...). */
  env: Readonly<Record<string, string>>;
  /** Standard input (for `--cli-input-json file:///dev/stdin`-like uses; usually empty). */
  stdin: Uint8Array;
  /**
   * Where the CLI finds credentials when the environment has none: the
   * sandbox's signed-in user ("session", the learner's terminal; the
   * default), or nowhere ("environment-only": programs on simulated
   * instances and functions, which have only what their role gives them).
   */
  credentials?: "session" | "environment-only";
}

/** argv without the leading "aws": e.g. ["kms", "list-keys", "--output", "text"]. */
export type RunAwsCli = (argv: readonly string[], context: AwsCliContext) => CommandResult;
