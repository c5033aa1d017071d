/**
 * Records what bash 5.2 and the GNU tools print when the file system is
 * full, into transcripts.json, which full-disk.test.ts replays through the
 * sandbox with a quota that is full in the same way. Each script of
 * cases.json runs in a fresh, tiny tmpfs after its setup: "no free
 * entries" has no inode left (nr_inodes is what the setup used), "no free
 * bytes" has no data block left (a file "filler" takes all the rest). Needs a Linux machine where
 * `unshare --user --map-root-user --mount` works (or root), with bash,
 * coreutils and jq:
 *
 *   npx tsx tests/unit/shell/full-disk-transcripts/record.ts
 *
 * The mount point is written as /home/learner, as in the other transcripts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const here = new URL(".", import.meta.url).pathname;
const cases = JSON.parse(readFileSync(join(here, "cases.json"), "utf8")) as Record<string, { setup: string; scripts: string[] }>;
const version = spawnSync("bash", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0];

/** Inodes the "no free entries" setup uses: the tmpfs root, plaintext.txt, src and src/f. */
const SETUP_INODES = 4;

function record(kind: string, setup: string, script: string): { script: string; stdout: string; stderr: string } {
  const home = mkdtempSync(join(tmpdir(), "full-disk-"));
  const options = kind === "no free entries" ? `size=1m,nr_inodes=${SETUP_INODES}` : "size=64k,nr_inodes=100";
  // The setup runs before the script; the script runs as an interactive bash would, line by line.
  const inner = [
    `mount -t tmpfs -o ${options} tmpfs ${home}`,
    `cd ${home}`,
    `printf 'Hello, KMS!\\n' > plaintext.txt`,
    setup,
    ...(kind === "no free bytes" ? ["head -c 1000000 /dev/zero > filler 2>/dev/null"] : []),
    `HOME=${home} PS1= PS2= bash --norc --noprofile --noediting -i <<'SCRIPT'\n${script}\necho "[rc=$?]"\nSCRIPT`,
  ].join("\n");
  const result = spawnSync("unshare", ["--user", "--map-root-user", "--mount", "bash", "--norc", "--noprofile", "-c", inner], {
    encoding: "utf8",
    env: { HOME: home, LANG: "C.UTF-8", LC_ALL: "C.UTF-8", PATH: "/usr/local/bin:/usr/bin:/bin", TERM: "dumb", TZ: "UTC", NODE_ENV: "production" },
  });
  rmdirSync(home);
  const clean = (text: string) => text.split(home).join("/home/learner");
  const stderr = result.stderr
    .split("\n")
    .filter((line) => !/cannot set terminal process group|no job control in this shell|tcsetattr/.test(line))
    .join("\n")
    .replace(/exit\n?$/, "");
  return { script, stdout: clean(result.stdout), stderr: clean(stderr) };
}

const transcripts = Object.fromEntries(Object.entries(cases).map(([kind, { setup, scripts }]) => [kind, { setup, transcripts: scripts.map((script) => record(kind, setup, script)) }]));
writeFileSync(join(here, "transcripts.json"), JSON.stringify({ recordedWith: version, ...transcripts }, null, 1) + "\n");
console.log(`recorded ${Object.values(cases).reduce((sum, { scripts }) => sum + scripts.length, 0)} transcripts with ${version}`);
