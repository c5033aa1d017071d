import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FsError } from "@/lib/sandbox/vfs";
import { newSession, sh } from "./helpers";

/**
 * A full file system, as bash and the GNU tools report it: each script was
 * run on a tiny tmpfs with no inode left or no data block left
 * (full-disk-transcripts/record.ts), and here runs in a sandbox session
 * whose quota is full in the same way after the same setup.
 */
interface Recorded {
  setup: string;
  transcripts: { script: string; stdout: string; stderr: string }[];
}

const recorded = JSON.parse(readFileSync(new URL("./full-disk-transcripts/transcripts.json", import.meta.url), "utf8")) as { recordedWith: string } & Record<"no free entries" | "no free bytes", Recorded>;

function fullSession(kind: "no free entries" | "no free bytes") {
  const session = newSession();
  sh(recorded[kind].setup, session);
  const { bytes, entries } = session.fs.usage();
  if (kind === "no free entries") {
    session.fs.setQuota({ bytes: Number.MAX_SAFE_INTEGER, entries });
    return session;
  }
  // Like `head -c 1000000 /dev/zero > filler` on the tmpfs: "filler" takes what is left.
  session.fs.setQuota({ bytes: bytes + 1000, entries: Number.MAX_SAFE_INTEGER });
  expect(() => session.fs.writeFile("/home/learner/filler", new Uint8Array(2000))).toThrow(FsError);
  expect(session.fs.stat("/home/learner/filler")?.size).toBe(1000);
  return session;
}

describe(`a full file system, as ${recorded.recordedWith} and coreutils report it`, () => {
  for (const kind of ["no free entries", "no free bytes"] as const) {
    describe(kind, () => {
      it.each(recorded[kind].transcripts.map((transcript) => [transcript.script, transcript] as const))("%s", (_, transcript) => {
        const result = sh(`${transcript.script}\necho "[rc=$?]"`, fullSession(kind));
        expect({ stdout: result.stdout, stderr: result.stderr }).toEqual({ stdout: transcript.stdout, stderr: transcript.stderr });
      });
    });
  }
});
