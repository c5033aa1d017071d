import { describe, expect, it } from "vitest";
import { parse } from "@/lib/sandbox/shell/parser";
import { newSession, sh } from "./helpers";

/**
 * `time`, bash's reserved word. Its status, its grammar and TIMEFORMAT are
 * in the recorded transcripts (with the times themselves redirected away or
 * rounded to whole seconds, since a real machine's vary). Here: the times
 * the sandbox reports, which are simulated and so always the same.
 */
const DEFAULT_REPORT = (real: string) => `\nreal\t${real}\nuser\t0m0.000s\nsys\t0m0.000s\n`;

describe("time", () => {
  it("reports simulated time after the pipeline, on the shell's stderr", () => {
    expect(sh("time echo hi 2>/dev/null | tr a-z A-Z")).toMatchObject({ stdout: "HI\n", stderr: DEFAULT_REPORT("0m0.000s"), exitCode: 0 });
    expect(sh("time false")).toMatchObject({ stderr: DEFAULT_REPORT("0m0.000s"), exitCode: 1 });
    expect(sh("time -p true").stderr).toBe("real 0.00\nuser 0.00\nsys 0.00\n");
    expect(sh("time").stderr).toBe(DEFAULT_REPORT("0m0.000s"));
  });

  it("counts the simulated clock's moves as real time", () => {
    const session = newSession();
    expect(sh("time clock advance 1d1h > /dev/null", session).stderr).toBe(DEFAULT_REPORT("1500m0.000s"));
    expect(sh("TIMEFORMAT='%R s, %0lR, %P%%'; time clock advance 90m > /dev/null", session).stderr).toBe("5400.000 s, 90m0s, 0.00%\n");
  });

  it("is a reserved word only where a pipeline starts", () => {
    const timed = (text: string) => {
      const result = parse(text, { final: true });
      return result.status === "ok" ? result.program.body.map((item) => item.first.timed) : result.status;
    };
    expect(timed("time -p ! true")).toEqual([{ posix: true }]);
    expect(timed("time ls | wc -l; echo time")).toEqual([{ posix: false }, undefined]);
    expect(timed("'time' true")).toEqual([undefined]);
    expect(sh("'time' true")).toMatchObject({ stderr: "bash: time: command not found\n", exitCode: 127 });
  });

  it("has help and says what it is", () => {
    expect(sh("type time; help time | head -1").stdout).toBe("time is a shell keyword\ntime [-p] PIPELINE\n");
  });
});
