/**
 * Records what GNU bash 5.2 (interactive, C.UTF-8, coreutils 9, and for
 * scripts that call them diffutils' diff and AWS CLI v2, /usr/bin/aws) prints for
 * each script of cases.json, into transcripts.json, which
 * bash-conformance.test.ts replays through the sandbox's shell. Run it on a
 * machine with bash and coreutils (CI does not need them):
 *
 *   npx tsx tests/unit/shell/bash-transcripts/record.ts
 *
 * Each script runs in a fresh temporary home holding plaintext.txt
 * ("Hello, KMS!\n"), fed line by line to `bash -i` as a terminal would;
 * "[rc=$?]" is echoed at the end so the transcript shows the exit status.
 * The temporary directory's path is written as /home/learner.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const here = new URL(".", import.meta.url).pathname;
const cases = JSON.parse(readFileSync(join(here, "cases.json"), "utf8")) as string[];
const version = spawnSync("bash", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0];
const transcripts = cases.map((script) => {
  const home = mkdtempSync(join(tmpdir(), "bash-transcript-"));
  writeFileSync(join(home, "plaintext.txt"), "Hello, KMS!\n");
  const result = spawnSync("bash", ["--norc", "--noprofile", "--noediting", "-i"], {
    input: `${script}\necho "[rc=$?]"\n`,
    cwd: home,
    encoding: "utf8",
    env: { HOME: home, PS1: "", PS2: "", LANG: "C.UTF-8", LC_ALL: "C.UTF-8", PATH: "/usr/local/bin:/usr/bin:/bin", TERM: "dumb", NODE_ENV: "production" },
  });
  // rm(1), not fs.rmSync: a script may leave directories nested deeper than Node's recursion allows.
  spawnSync("rm", ["-rf", home]);
  const clean = (text: string) => text.split(home).join("/home/learner");
  const stderr = result.stderr
    .split("\n")
    // Interactive bash without a terminal says so, and says "exit" at the end of its input.
    .filter((line) => !/cannot set terminal process group|no job control in this shell|tcsetattr/.test(line))
    .join("\n")
    .replace(/exit\n?$/, "");
  return { script, stdout: clean(result.stdout), stderr: clean(stderr) };
});
writeFileSync(join(here, "transcripts.json"), JSON.stringify({ recordedWith: version, transcripts }, null, 1) + "\n");
console.log(`recorded ${transcripts.length} transcripts with ${version}`);
