import { describe, expect, it } from "vitest";
import { newSession, sh } from "../helpers";

/**
 * /dev/zero, /dev/urandom and the standard streams. What bash and coreutils
 * print for them is in the recorded transcripts (bash-conformance.test.ts);
 * these are the parts only the sandbox has or that cannot be recorded: its
 * random bytes come from the session's seed, an endless device read to its
 * end is refused with a message instead of never ending, devices cannot be
 * removed (the recorder runs as root, where rm would delete the real ones),
 * and /dev/stdout and /dev/stderr (the recorder's streams are sockets, which
 * Linux will not open by those names).
 */
describe("devices", () => {
  it("/dev/urandom gives the seeded generator's bytes: the same session seed, the same key", () => {
    const key = () => sh("head -c 32 /dev/urandom | xxd -p -c 64", newSession()).stdout;
    expect(key()).toMatch(/^[0-9a-f]{64}\n$/);
    expect(key()).toBe(key());
    const session = newSession();
    expect(sh("head -c 8 /dev/urandom | xxd -p", session).stdout).not.toBe(sh("head -c 8 /dev/urandom | xxd -p", session).stdout);
  });

  it("says why it cannot read an endless device to its end, rather than hanging or inventing an end", () => {
    const result = sh("cat /dev/zero | wc -c", newSession());
    expect(result.stderr).toBe("cat: /dev/zero: endless device: the sandbox reads it only a given number of bytes at a time (head -c N)\n");
    expect(result.stdout).toBe("0\n");
  });

  it("is listed in /dev and takes writes like /dev/null", () => {
    const session = newSession();
    expect(sh("ls /dev | cat", session).stdout).toBe("null\nrandom\nurandom\nzero\n");
    expect(sh("echo x > /dev/urandom && echo ok", session).stdout).toBe("ok\n");
  });

  it("cannot be removed, renamed or replaced: the learner is not root", () => {
    const session = newSession();
    expect(sh("rm /dev/zero; echo $?; rm /dev/null; echo $?; rm -f /dev/urandom; echo $?", session)).toMatchObject({
      stdout: "1\n1\n1\n",
      stderr: "rm: cannot remove '/dev/zero': Permission denied\nrm: cannot remove '/dev/null': Permission denied\nrm: cannot remove '/dev/urandom': Permission denied\n",
    });
    expect(sh("rm -rf /dev; echo $?", session)).toMatchObject({ stdout: "1\n", stderr: "rm: cannot remove '/dev': Permission denied\n" });
    expect(sh("touch f; mv f /dev/null; mv /dev/zero z; mkdir /dev/zero", session).stderr).toBe(
      "mv: cannot move 'f' to '/dev/null': Permission denied\nmv: cannot move '/dev/zero' to 'z': Permission denied\nmkdir: cannot create directory ‘/dev/zero’: File exists\n",
    );
    expect(sh("ls /dev | cat; head -c 4 /dev/zero | xxd -p; echo x > /dev/null; cat /dev/null | wc -c", session).stdout).toBe("null\nrandom\nurandom\nzero\n00000000\n0\n");
  });

  it("takes writes to /dev/zero and /dev/urandom and keeps nothing", () => {
    const session = newSession();
    expect(sh("echo hi > /dev/zero; echo $?; cat plaintext.txt >> /dev/urandom; echo $?; head -c 3 /dev/zero | xxd -p", session).stdout).toBe("0\n0\n000000\n");
    expect(session.fs.stat("/dev/zero")).toEqual({ type: "file", size: 0, modifiedAt: 0 });
  });

  it("reads a count of bytes with xxd -l and dd count=, from the same seeded generator as head -c", () => {
    const bytes = (command: string) => sh(command, newSession()).stdout;
    expect(bytes("xxd -p -l 16 /dev/urandom")).toBe(bytes("head -c 16 /dev/urandom | xxd -p"));
    expect(bytes("dd if=/dev/urandom bs=16 count=1 status=none | xxd -p")).toBe(bytes("head -c 16 /dev/urandom | xxd -p"));
    expect(bytes("dd if=/dev/urandom bs=8 skip=1 count=1 status=none | xxd -p")).toBe(bytes("head -c 16 /dev/urandom | tail -c 8 | xxd -p"));
    expect(sh("dd if=/dev/zero of=f bs=1 count=10; xxd -p f", newSession())).toMatchObject({
      stdout: "00000000000000000000\n",
      // The simulated clock stands still while a command runs: coreutils' words for a copy that took no time.
      stderr: "10+0 records in\n10+0 records out\n10 bytes copied, 0 s, Infinity B/s\n",
    });
    expect(sh("dd if=/dev/zero bs=1M count=3 status=none | wc -c; dd if=/dev/zero of=f bs=1024 count=3", newSession()).stderr).toBe("3+0 records in\n3+0 records out\n3072 bytes (3.1 kB, 3.0 KiB) copied, 0 s, Infinity B/s\n");
    expect(sh("dd if=/dev/zero of=f", newSession())).toMatchObject({
      stderr: "dd: error reading '/dev/zero': endless device: the sandbox reads it only a given number of bytes at a time (head -c N)\n",
      exitCode: 1,
    });
  });

  it("reads /dev/stdin and writes /dev/stdout and /dev/stderr as the command's own streams", () => {
    const session = newSession();
    // /dev/stderr is whatever descriptor 2 is at that moment: after 2>&1, standard output.
    expect(sh("echo x > /dev/stderr; echo y >/dev/stdout; { echo e >/dev/stderr; } 2>/dev/null; echo z 2>&1 >/dev/stderr", session)).toMatchObject({ stdout: "y\nz\n", stderr: "x\n" });
    expect(sh("echo tee-me | tee /dev/stderr | tr a-z A-Z; echo copy | dd of=/dev/stdout status=none", session)).toMatchObject({ stdout: "TEE-ME\ncopy\n", stderr: "tee-me\n" });
    expect(sh("cat /dev/stdin; echo [$?]; echo hi | cat ../../dev/stdin /dev/fd/0", session).stdout).toBe("[0]\nhi\n");
    expect(sh(`echo '{"a":[1,2]}' | jq -c .a /dev/stdin`, session).stdout).toBe("[1,2]\n");
    // Tools that take an output file name send /dev/stdout to standard output too (outputs as openssl 3.0, xxd and coreutils print them on a terminal).
    expect(sh("echo data | openssl base64 -out /dev/stdout; echo abc | xxd -p - /dev/stdout; printf 'b\\na\\n' | sort -o /dev/stdout; cp plaintext.txt /dev/stdout", session).stdout).toBe("ZGF0YQo=\n6162630a\na\nb\nHello, KMS!\n");
    // Nothing lands in /dev as a file.
    expect(sh("ls /dev | wc -l", session).stdout).toBe("4\n");
  });

  it("gives the real AWS CLI standard input for file:///dev/stdin", () => {
    const session = newSession({ realCli: true });
    const id = sh("aws kms create-key --query KeyMetadata.KeyId --output text", session).stdout.trim();
    expect(sh(`echo '{"KeyId": "${id}"}' | aws kms describe-key --cli-input-json file:///dev/stdin --query KeyMetadata.KeyState --output text`, session).stdout).toBe("Enabled\n");
  });
});
