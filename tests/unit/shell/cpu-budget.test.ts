import { afterEach, describe, expect, it, vi } from "vitest";
import type { SandboxSession } from "@/lib/sandbox/session";
import { newSession } from "./helpers";

/**
 * The CPU-time budget of a command line (`run(line, { budgetMs, clock })`).
 * The clock here moves one millisecond every time the shell reads it, so a
 * budget of N ms means "stop at the Nth check": a command line that is
 * stopped shows that the shell checks inside that work, wherever it is (a
 * loop, an expansion, a tool walking its input, an `aws` call).
 *
 * What bash prints for a process killed by its CPU-time limit, and its
 * status (recorded with `bash -c 'ulimit -S -t 1; while :; do :; done'`):
 * "CPU time limit exceeded", 152 (128 + SIGXCPU).
 */
function tickingClock(): () => number {
  let now = 0;
  return () => now++;
}

const stopped = (seconds: string) => `bash: CPU time limit exceeded: the command line was stopped after ${seconds} of CPU time (sandbox limit)\n`;

function runWithBudget(session: SandboxSession, line: string, budgetMs: number) {
  return session.runSync(line, { budgetMs, clock: tickingClock() });
}

/** The session goes on: the next command runs, and the session saves and loads. */
function expectSessionStillWorks(session: SandboxSession): void {
  expect(session.runSync("echo still here")).toMatchObject({ stdout: "still here\n", exitCode: 0 });
  const saved = JSON.parse(JSON.stringify(session.snapshot())) as unknown;
  const other = newSession();
  other.restore(saved);
  expect(other.runSync("echo restored").stdout).toBe("restored\n");
}

describe("a CPU-time budget per command line", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("stops an endless loop with bash's message for SIGXCPU and status 152, and says so in the result", () => {
    const session = newSession();
    const result = runWithBudget(session, "while :; do :; done; echo never", 2000);
    expect(result).toEqual({ stdout: "", stderr: stopped("2 seconds"), output: stopped("2 seconds"), exitCode: 152, interrupted: { reason: "cpu-budget", budgetMs: 2000 } });
    expect(session.runSync("echo $?").stdout).toBe("152\n");
    expectSessionStillWorks(session);
  });

  it("keeps what the command line did before it was stopped, as when bash is killed", () => {
    const session = newSession();
    const result = runWithBudget(session, "echo before > kept.txt; echo printed; i=0; while :; do i=$((i+1)); done", 100);
    expect(result.exitCode).toBe(152);
    expect(result.stdout).toBe("printed\n");
    expect(session.runSync("cat kept.txt; [ $i -gt 0 ] && echo counted").stdout).toBe("before\ncounted\n");
  });

  it("stops inside a long pattern substitution: ${x//a/b} on a 3,000-character value", () => {
    const session = newSession();
    session.runSync("x=$(printf 'a%.0s' {1..3000})");
    const result = runWithBudget(session, "y=${x//a/b}", 5);
    expect(result).toMatchObject({ stderr: stopped("0.005 seconds"), exitCode: 152 });
    expect(session.runSync('echo "[${y-unset}]"').stdout).toBe("[unset]\n");
    expectSessionStillWorks(session);
  });

  it("stops inside a pattern with many *", () => {
    const session = newSession();
    session.runSync("x=$(printf 'a%.0s' {1..3000})");
    const result = runWithBudget(session, "[[ $x == *a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c ]] && echo matched", 5);
    expect(result).toMatchObject({ stdout: "", exitCode: 152 });
    expectSessionStillWorks(session);
  });

  it("stops file name expansion over many files", () => {
    const session = newSession();
    for (let index = 0; index < 2000; index++) session.fs.writeFile(`/home/learner/f${index}.txt`, new Uint8Array(0));
    expect(runWithBudget(session, "echo f*.txt | wc -w", 100).exitCode).toBe(152);
    expect(session.runSync("echo f*.txt | wc -w").stdout).toBe("2000\n");
  });

  it("stops grep on a pattern with a back-reference that backtracks for ever on one 30-character line", () => {
    const session = newSession();
    const result = runWithBudget(session, "echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaab | grep -E '^(a+)+\\1$'", 50);
    expect(result).toMatchObject({ stderr: stopped("0.05 seconds"), exitCode: 152 });
    expectSessionStillWorks(session);
  });

  it("does not need the budget for grep -E '^(a+)+$' (it runs in linear time), but stops grep over a long input", () => {
    const session = newSession();
    expect(runWithBudget(session, "echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaab | grep -E '^(a+)+$'", 50)).toMatchObject({ stdout: "", stderr: "", exitCode: 1 });
    expect(runWithBudget(session, "seq 20000 | grep -c 5", 200).exitCode).toBe(152);
  });

  it("stops jq's test() when its pattern backtracks, and jq's loops", () => {
    const session = newSession();
    expect(runWithBudget(session, `jq -n '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaab" | test("^(a+)+\\\\1$")'`, 50)).toMatchObject({ stderr: stopped("0.05 seconds"), exitCode: 152 });
    expect(runWithBudget(session, `jq -n '[range(50000)] | length'`, 100).exitCode).toBe(152);
    expectSessionStillWorks(session);
  });

  it("stops tools that walk their input: while read, sort, tr, cut, uniq", () => {
    const session = newSession();
    session.runSync("seq 30000 > numbers.txt");
    for (const line of ["while read n; do :; done < numbers.txt", "sort numbers.txt", "cut -c1 numbers.txt", "uniq numbers.txt"]) {
      expect({ line, status: runWithBudget(session, line, 30).exitCode }).toEqual({ line, status: 152 });
    }
    session.fs.writeFile("/home/learner/long.txt", new TextEncoder().encode("a".repeat(100_000)));
    expect(runWithBudget(session, "tr a b < long.txt | wc -c", 5).exitCode).toBe(152);
  });

  it("stops a loop of aws calls at an aws invocation", () => {
    const session = newSession({ realCli: true });
    const result = runWithBudget(session, "for i in $(seq 10000); do aws sts get-caller-identity --query Account --output text; done", 60);
    expect(result.exitCode).toBe(152);
    const calls = result.stdout.split("\n").filter((line) => line !== "").length;
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThan(60);
    expectSessionStillWorks(session);
  });

  it("ends the whole command line, however deeply the work is nested", () => {
    const session = newSession();
    expect(runWithBudget(session, "bash -c 'while :; do :; done'; echo after", 50)).toMatchObject({ stdout: "", exitCode: 152 });
    expect(runWithBudget(session, "x=$(while :; do :; done); echo after", 50)).toMatchObject({ stdout: "", exitCode: 152 });
    expect(runWithBudget(session, "f() { f; }; f; echo after", 50)).toMatchObject({ stdout: "", exitCode: 152 });
    expect(runWithBudget(session, "( while :; do :; done ) || echo after", 50)).toMatchObject({ stdout: "", exitCode: 152 });
  });

  it("has no limit without budgetMs (the other sandbox limits still apply), and reads performance.now() by default", () => {
    const session = newSession();
    expect(session.runSync("while :; do :; done")).toEqual({ stdout: "", stderr: "bash: loop stopped after 10000 iterations (sandbox limit)\n", output: "bash: loop stopped after 10000 iterations (sandbox limit)\n", exitCode: 1 });
    let now = 1000;
    vi.spyOn(globalThis.performance, "now").mockImplementation(() => (now += 10));
    expect(session.runSync("while :; do :; done", { budgetMs: 1000 })).toMatchObject({ exitCode: 152, stderr: stopped("1 second"), interrupted: { reason: "cpu-budget", budgetMs: 1000 } });
  });

  it("is there in the async run() too", async () => {
    const session = newSession();
    await expect(session.run("while :; do :; done", { budgetMs: 1500, clock: tickingClock() })).resolves.toMatchObject({ exitCode: 152, interrupted: { budgetMs: 1500 } });
  });
});
