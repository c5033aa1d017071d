import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { newSession, sh } from "./helpers";

/**
 * The sandbox's shell prints what bash prints: each script below was run
 * by GNU bash 5.2 with coreutils 9, diffutils 3.8, jq 1.6 and AWS CLI 2.9
 * (bash-transcripts/record.ts), line by line as in a terminal, and its
 * stdout, stderr and final status were recorded. Here the same lines run in
 * a fresh sandbox session. Scripts that call `aws` get the sandbox's real
 * CLI: they use errors the CLI finds before sending anything (a missing
 * --key-id), so no account or network was needed to record them.
 */
const recorded = JSON.parse(readFileSync(new URL("./bash-transcripts/transcripts.json", import.meta.url), "utf8")) as {
  recordedWith: string;
  transcripts: { script: string; stdout: string; stderr: string }[];
};

describe(`the shell matches ${recorded.recordedWith}`, () => {
  it.each(recorded.transcripts.map((transcript) => [transcript.script, transcript] as const))("%s", (_, transcript) => {
    const result = sh(`${transcript.script}\necho "[rc=$?]"`, newSession({ realCli: /\baws\b/.test(transcript.script) }));
    expect({ stdout: result.stdout, stderr: result.stderr }).toEqual({ stdout: transcript.stdout, stderr: transcript.stderr });
  });
});
