import type { AwsCliContext, CommandResult, RunAwsCli } from "@/lib/sandbox/cli/types";
import { createSandbox, type SandboxSession } from "@/lib/sandbox";

/**
 * A fresh, reproducible session for shell tests: the empty scenario, a
 * fixed seed and time, plaintext.txt in the home directory, and (unless a
 * test asks for the real one) a stand-in `aws` that records its calls.
 */
export const encoder = new TextEncoder();

export interface AwsCall {
  argv: string[];
  env: Readonly<Record<string, string>>;
  stdin: Uint8Array;
}

export function stubAws(calls: AwsCall[] = [], answer: (argv: readonly string[], context: AwsCliContext) => CommandResult = () => ({ stdout: encoder.encode("{}\n"), stderr: new Uint8Array(0), exitCode: 0 })): RunAwsCli {
  return (argv, context) => {
    calls.push({ argv: [...argv], env: context.env, stdin: context.stdin });
    return answer(argv, context);
  };
}

export function newSession(options: { runAwsCli?: RunAwsCli; realCli?: boolean } = {}): SandboxSession {
  const session = createSandbox({
    scenario: "empty",
    seed: 1,
    now: "2026-01-01T00:00:00Z",
    ...(options.realCli ? {} : { runAwsCli: options.runAwsCli ?? stubAws() }),
  });
  session.fs.writeFile("/home/learner/plaintext.txt", encoder.encode("Hello, KMS!\n"));
  return session;
}

export interface Transcript {
  stdout: string;
  stderr: string;
  /** Both streams in the order written. */
  output: string;
  /** The last command line's exit status. */
  exitCode: number;
}

/** Feeds text line by line as a terminal does (continuation lines are gathered) and collects everything printed. */
export function sh(text: string, session: SandboxSession = newSession()): Transcript {
  const result: Transcript = { stdout: "", stderr: "", output: "", exitCode: 0 };
  let buffer: string | undefined;
  const run = (command: string) => {
    const answer = session.runSync(command);
    result.stdout += answer.stdout;
    result.stderr += answer.stderr;
    result.output += answer.output;
    result.exitCode = answer.exitCode;
  };
  for (const line of text.split("\n")) {
    buffer = buffer === undefined ? line : `${buffer}\n${line}`;
    if (session.needsMoreInput(buffer)) continue;
    run(buffer);
    buffer = undefined;
  }
  if (buffer !== undefined) run(buffer);
  return result;
}
