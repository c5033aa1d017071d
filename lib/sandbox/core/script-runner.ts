/**
 * Running a learner's program inside the simulated cloud: an EC2 instance's
 * user data at boot, a Lambda function's handler on each invocation. The
 * engine cannot run shell code itself (the shell sits above it, in the
 * session), so the session lends it a runner; an engine without one (the
 * local endpoint, engine-only tests) answers that it cannot run code.
 *
 * The program runs in a machine of its own: its own files (only those
 * given), its own variables (only those given: credentials arrive there, as
 * on Lambda), and the same engine, so what it does with `aws` is recorded,
 * authorised and visible like any other call.
 */
export interface ScriptRequest {
  /** The shell program's text. */
  program: string;
  /** Its name, as $0 and in messages (e.g. "/var/lib/cloud/instance/user-data.txt"). */
  name: string;
  /** Positional parameters ($1 ...). */
  args: string[];
  /** Files of the machine the program runs on, by absolute path. */
  files: Record<string, Uint8Array>;
  /** Working directory (created if missing). */
  cwd: string;
  /** The exported environment: the program sees nothing else. */
  env: Record<string, string>;
  /** CPU time the program may use, in ms. */
  budgetMs: number;
}

export interface ScriptResult {
  stdout: Uint8Array;
  stderr: Uint8Array;
  /** Both streams in the order they were written (what a console shows). */
  output: Uint8Array;
  exitCode: number;
  /** The program ran out of its CPU time. */
  timedOut: boolean;
}

export type ScriptRunner = (request: ScriptRequest) => ScriptResult;
