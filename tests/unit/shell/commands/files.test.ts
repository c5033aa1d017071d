import { describe, expect, it } from "vitest";
import { newSession, sh } from "../helpers";

const out = (text: string) => sh(text).stdout;

describe("cat", () => {
  it("prints files and standard input in order", () => {
    expect(out("echo one > a; echo two | cat a - plaintext.txt")).toBe("one\ntwo\nHello, KMS!\n");
  });

  it("numbers lines with -n and -b, shows ends with -E", () => {
    expect(out("printf 'a\\n\\nb\\n' | cat -n; printf 'a\\n\\nb\\n' | cat -b; echo x | cat -E")).toBe("     1\ta\n     2\t\n     3\tb\n     1\ta\n\n     2\tb\nx$\n");
  });

  it("reports missing files and directories, and goes on", () => {
    expect(sh("mkdir d; cat nope d plaintext.txt")).toMatchObject({ stdout: "Hello, KMS!\n", stderr: "cat: nope: No such file or directory\ncat: d: Is a directory\n", exitCode: 1 });
    expect(sh("cat -z")).toMatchObject({ stderr: "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n", exitCode: 1 });
  });
});

describe("ls", () => {
  it("lists in columns on the terminal and one name a line into a pipe", () => {
    const session = newSession();
    expect(sh("touch b a; ls", session).stdout).toBe("a  b  plaintext.txt\n");
    expect(sh("ls | cat", session).stdout).toBe("a\nb\nplaintext.txt\n");
  });

  it("shows hidden files with -a and -A", () => {
    expect(out("touch .h; ls -a; ls -A")).toBe(".  ..  .h  plaintext.txt\n.h  plaintext.txt\n");
  });

  it("shows sizes and simulated dates with -l", () => {
    expect(out("mkdir d; ls -l")).toBe("total 8\ndrwxr-xr-x 2 learner learner 4096 Jan  1 00:00 d\n-rw-r--r-- 1 learner learner   12 Jan  1 00:00 plaintext.txt\n");
    expect(out("ls -l plaintext.txt")).toBe("-rw-r--r-- 1 learner learner 12 Jan  1 00:00 plaintext.txt\n");
  });

  it("lists several operands: files first, then each directory under its name", () => {
    expect(out("mkdir d; touch d/x; ls plaintext.txt d")).toBe("plaintext.txt\n\nd:\nx\n");
  });

  it("reports what it cannot find with status 2", () => {
    expect(sh("ls nope")).toMatchObject({ stderr: "ls: cannot access 'nope': No such file or directory\n", exitCode: 2 });
  });
});

describe("mkdir, touch, rm, rmdir", () => {
  it("makes directories, with parents for -p", () => {
    const session = newSession();
    expect(sh("mkdir a; mkdir -p b/c/d; mkdir a", session)).toMatchObject({ stderr: "mkdir: cannot create directory ‘a’: File exists\n", exitCode: 1 });
    expect(session.fs.stat("b/c/d")?.type).toBe("directory");
    expect(sh("mkdir x/y").stderr).toBe("mkdir: cannot create directory ‘x/y’: No such file or directory\n");
  });

  it("touch creates empty files and keeps contents", () => {
    const session = newSession();
    sh("touch new plaintext.txt", session);
    expect(session.fs.stat("new")?.size).toBe(0);
    expect(session.fs.stat("plaintext.txt")?.size).toBe(12);
    expect(sh("touch a/b").stderr).toBe("touch: cannot touch 'a/b': No such file or directory\n");
  });

  it("rm removes files; directories need -r; -f hides missing files", () => {
    const session = newSession();
    expect(sh("mkdir d; touch d/f; rm d; rm nope; rm -f nope; rm -r d; rm plaintext.txt; ls -A", session)).toMatchObject({
      stdout: "",
      stderr: "rm: cannot remove 'd': Is a directory\nrm: cannot remove 'nope': No such file or directory\n",
    });
    expect(sh("rm")).toMatchObject({ stderr: "rm: missing operand\nTry 'rm --help' for more information.\n", exitCode: 1 });
    expect(sh("rm -rf /").stderr).toBe("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
  });

  it("rmdir removes only empty directories", () => {
    expect(sh("mkdir e f; touch f/x; rmdir e f nope").stderr).toBe("rmdir: failed to remove 'f': Directory not empty\nrmdir: failed to remove 'nope': No such file or directory\n");
  });
});

describe("cp and mv", () => {
  it("copy and rename files, and into directories", () => {
    const session = newSession();
    sh("cp plaintext.txt copy.txt; mkdir d; cp plaintext.txt copy.txt d; mv copy.txt moved.txt; mv moved.txt d", session);
    expect(session.fs.list("d")).toEqual(["copy.txt", "moved.txt", "plaintext.txt"]);
    expect(session.fs.list(".")).toEqual(["d", "plaintext.txt"]);
  });

  it("copy directories only with -r", () => {
    const session = newSession();
    expect(sh("mkdir s; touch s/f; cp s t; cp -r s t; ls t", session)).toMatchObject({ stdout: "f\n", stderr: "cp: -r not specified; omitting directory 's'\n" });
  });

  it("report GNU's errors", () => {
    expect(sh("cp nope x; mv nope x; cp plaintext.txt plaintext.txt; cp; mv a").stderr).toBe(
      [
        "cp: cannot stat 'nope': No such file or directory",
        "mv: cannot stat 'nope': No such file or directory",
        "cp: 'plaintext.txt' and 'plaintext.txt' are the same file",
        "cp: missing file operand",
        "Try 'cp --help' for more information.",
        "mv: missing destination file operand after 'a'",
        "Try 'mv --help' for more information.",
        "",
      ].join("\n"),
    );
    expect(sh("mkdir q; mv q q/r").stderr).toBe("mv: cannot move 'q' to a subdirectory of itself, 'q/r'\n");
  });
});

describe("cd, pwd, basename, dirname, tee, chmod", () => {
  it("cd changes the directory and PWD; cd - goes back; cd alone goes home", () => {
    expect(out("cd /tmp; pwd; echo $PWD $OLDPWD; cd -; cd /; cd; pwd")).toBe("/tmp\n/tmp /home/learner\n/home/learner\n/home/learner\n");
    expect(sh("cd nope; cd plaintext.txt; cd a b").stderr).toBe("bash: cd: nope: No such file or directory\nbash: cd: plaintext.txt: Not a directory\nbash: cd: too many arguments\n");
  });

  it("basename and dirname split paths", () => {
    expect(out("basename /a/b/c.txt; basename /a/b/c.txt .txt; dirname /a/b/c.txt; dirname c.txt; dirname /")).toBe("c.txt\nc\n/a/b\n.\n/\n");
  });

  it("tee copies standard input to files and standard output", () => {
    const session = newSession();
    expect(sh("echo hi | tee t1 t2; echo more | tee -a t1 > /dev/null; cat t1", session).stdout).toBe("hi\nhi\nmore\n");
  });

  it("chmod is accepted (there are no permissions) but checks the files", () => {
    expect(sh("chmod +x plaintext.txt; chmod 600 nope")).toMatchObject({ stderr: "chmod: cannot access 'nope': No such file or directory\n", exitCode: 1 });
  });
});
