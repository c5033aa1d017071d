import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { newSession, sh } from "./helpers";

/**
 * The sandbox's shell prints what bash prints: each script below was run
 * by GNU bash 5.2 with coreutils 9 and jq 1.6 (bash-transcripts/record.ts),
 * line by line as in a terminal, and its stdout, stderr and final status
 * were recorded. Here the same lines run in a fresh sandbox session.
 */
const recorded = JSON.parse(readFileSync(new URL("./bash-transcripts/transcripts.json", import.meta.url), "utf8")) as {
  recordedWith: string;
  transcripts: { script: string; stdout: string; stderr: string }[];
};

describe(`the shell matches ${recorded.recordedWith}`, () => {
  it.each(recorded.transcripts.map((transcript) => [transcript.script, transcript] as const))("%s", (_, transcript) => {
    const result = sh(`${transcript.script}\necho "[rc=$?]"`, newSession());
    expect({ stdout: result.stdout, stderr: result.stderr }).toEqual({ stdout: transcript.stdout, stderr: transcript.stderr });
  });
});
