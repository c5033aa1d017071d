import { describe, expect, it } from "vitest";
import { BUILTINS } from "@/lib/sandbox/shell/jq/filter";
import { newSession, sh } from "../helpers";

/**
 * The sandbox's jq. What it prints is checked against the real jq 1.6 in
 * ../jq-recorded (recorded fixtures); here are what cannot be recorded:
 * what the sandbox refuses (real jq has it), the sandbox's own limits, and
 * what depends on the sandbox (its clock, its environment, help jq).
 */

const DOC = `{"KeyMetadata":{"KeyId":"k1","Enabled":true,"Tags":[{"Key":"env","Value":"prod"},{"Key":"team","Value":"a"}]},"n":null}`;

function jq(filter: string, options = "") {
  const session = newSession();
  session.fs.writeFile("doc.json", new TextEncoder().encode(DOC));
  return sh(`jq ${options} '${filter}' doc.json`, session);
}

const refused = (name: string, filter: string) => ({
  stdout: "",
  stderr: `jq: error: ${name} is not supported in the sandbox at <top-level>, line 1:\n${filter}${" ".repeat(filter.indexOf(name.replace(/\/.*/, "")))}\njq: 1 compile error\n`,
  exitCode: 3,
});

const DIE = "Use jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n";

describe("jq", () => {
  it("filters AWS output as learners do", () => {
    expect(jq(".KeyMetadata.Tags[].Key", "-r").stdout).toBe("env\nteam\n");
    expect(jq(".KeyMetadata.Tags | from_entries? // (map({key: .Key, value: .Value}) | from_entries)", "-c").stdout).toBe('{"env":"prod","team":"a"}\n');
    expect(jq('[.KeyMetadata.Tags[] | select(.Key == "env") | .Value] | first', "-r").stdout).toBe("prod\n");
    expect(jq("reduce .KeyMetadata.Tags[] as $t ({}; .[$t.Key] = $t.Value)", "-c").stdout).toBe('{"env":"prod","team":"a"}\n');
  });

  it("refuses, with jq's compile-error status, the filters the sandbox does not have", () => {
    for (const [name, filter] of [
      ["tostream", "tostream"],
      ["fromstream", "fromstream(inputs)"],
      ["truncate_stream", "1 | truncate_stream(inputs)"],
      ["input_line_number", "input_line_number"],
      ["strftime", 'now | strftime("%Y")'],
      ["strptime", 'strptime("%Y")'],
      ["mktime", "mktime"],
      ["gmtime", "gmtime"],
      ["localtime", "localtime"],
      ["sin", "sin"],
      ["atan2", "atan2(1; 2)"],
      ["JOIN", "JOIN({}; .a)"],
      ["builtins", "builtins"],
      ["get_search_list", "get_search_list"],
      ["modulemeta", "modulemeta"],
    ] as const) {
      expect({ filter, ...sh(`jq -n '${filter}'`) }).toMatchObject({ filter, ...refused(name, filter) });
    }
    expect(sh("jq -n '$__loc__'")).toMatchObject(refused("$__loc__", "$__loc__"));
    expect(sh(`jq -n '{a: $__loc__}'`)).toMatchObject({ stderr: expect.stringContaining("jq: error: $__loc__ is not supported in the sandbox at <top-level>, line 1:"), exitCode: 3 });
    expect(sh("jq -n '[1] as [$x] ?// $x | $x'")).toMatchObject({ stderr: expect.stringContaining("jq: error: ?// is not supported in the sandbox at <top-level>"), exitCode: 3 });
    for (const keyword of ["import", "include"]) {
      expect(sh(`jq -n '${keyword} "x"; .'`)).toMatchObject({ stderr: `jq: error: ${keyword} is not supported in the sandbox at <top-level>, line 1:\n${keyword} "x"; .\njq: 1 compile error\n`, exitCode: 3 });
    }
  });

  it("lists every problem of a filter, refusals among them, and lets a filter define a refused name itself", () => {
    expect(sh("jq -n 'tostream | foo'")).toMatchObject({
      stderr: "jq: error: tostream is not supported in the sandbox at <top-level>, line 1:\ntostream | foo\njq: error: foo/0 is not defined at <top-level>, line 1:\ntostream | foo           \njq: 2 compile errors\n",
      exitCode: 3,
    });
    expect(sh("jq -n 'def tostream: 7; tostream'")).toMatchObject({ stdout: "7\n", exitCode: 0 });
    expect(sh("jq -n 'tostream(1)'")).toMatchObject({ stderr: expect.stringContaining("jq: error: tostream/1 is not defined"), exitCode: 3 });
  });

  it("refuses the command-line options the sandbox does not have, with jq's usage status", () => {
    for (const option of ["--stream", "--seq", "--stream-errors", "-C", "--color-output", "-L", "--run-tests", "--debug-dump-disasm", "--debug-trace"]) {
      expect({ option, ...sh(`echo 1 | jq ${option} .`) }).toMatchObject({ option, stdout: "", stderr: `jq: error: ${option} is not supported in the sandbox\n${DIE}`, exitCode: 2 });
    }
    expect(sh("echo 1 | jq -Cr .")).toMatchObject({ stderr: `jq: error: -C is not supported in the sandbox\n${DIE}`, exitCode: 2 });
  });

  it("describes itself in help jq: exactly the builtins it has, and what it refuses", () => {
    const help = sh("help jq").stdout;
    const builtins = help.slice(help.indexOf("Builtins:"), help.indexOf("Not in the sandbox:"));
    const listed = new Set(builtins.split(/[\s:()]+/));
    const names = new Set([...BUILTINS.keys()].filter((key) => !key.startsWith("_")).map((key) => key.replace(/\/.*/, "")));
    for (const name of names) expect(listed, name).toContain(name);
    for (const word of listed) if (/^[a-z_A-Z0-9]+$/.test(word) && !/^(paths|and|updates|collections|types|numbers|strings|dates|input|output|the|sandbox|s|clock|Builtins)$/.test(word)) expect(names, word).toContain(word);
    for (const word of ["reduce", "foreach", "try ... catch", "label", "def name", "--raw-input", "--slurp", "--arg NAME", "--argjson", "--exit-status"]) expect(help).toContain(word);
    const refusedPart = help.slice(help.indexOf("Not in the sandbox:"));
    for (const word of ["--stream", "--seq", "-C", "import", "?//", "$__loc__", "tostream", "input_line_number", "strftime", "sin", "JOIN", "builtins", "modulemeta"]) expect(refusedPart).toContain(word);
  });

  it("takes the time from the sandbox's clock and the environment from the shell", () => {
    expect(sh("jq -nr 'now | todate'").stdout).toBe("2026-01-01T00:00:00Z\n");
    expect(sh("jq -nr '$ENV.HOME, env.HOME'").stdout).toBe("/home/learner\n/home/learner\n");
    expect(sh("FOO=bar jq -nr '$ENV.FOO'").stdout).toBe("bar\n");
  });

  it("reports errors in jq 1.6's words and statuses", () => {
    expect(sh(`echo '"abc"' | jq .a`)).toMatchObject({ stderr: 'jq: error (at <stdin>:1): Cannot index string with string "a"\n', exitCode: 5 });
    // jq 1.6 ends with status 4 after bad JSON in its input (the status its later versions changed to 2).
    expect(sh("echo '{' | jq .")).toMatchObject({ stderr: "parse error: Unfinished JSON term at EOF at line 2, column 0\n", exitCode: 4 });
    expect(sh("jq 'foo' <<< '{}'")).toMatchObject({ stderr: "jq: error: foo/0 is not defined at <top-level>, line 1:\nfoo\njq: 1 compile error\n", exitCode: 3 });
    expect(sh("jq . nope.json")).toMatchObject({ stderr: "jq: error: Could not open file nope.json: No such file or directory\n", exitCode: 2 });
  });

  it("cannot be made to run forever or to exhaust the page", () => {
    expect(sh("jq -n '[range(1e9)] | length'")).toMatchObject({ stderr: expect.stringContaining("too many results (sandbox limit)"), exitCode: 5 });
    expect(sh("jq -n '[limit(3; repeat(1))]' -c").stdout).toBe("[1,1,1]\n");
    expect(sh("jq -n 'last(range(10))'").stdout).toBe("9\n");
    expect(sh(`jq -n 'def r: if . < 100000 then . + 1 | r else . end; 0 | r'`)).toMatchObject({ stderr: "jq: error (at <unknown>): the filter recursed too deeply (sandbox limit)\n", exitCode: 5 });
  });

  it("handles large inputs (figures from jq 1.6 on the same document; speed is in npm run bench, not here)", () => {
    const session = newSession();
    const items = Array.from({ length: 20000 }, (_, index) => ({ Key: `k${index}`, Size: index, Tags: [{ Key: "n", Value: String(index % 7) }] }));
    session.fs.writeFile("big.json", new TextEncoder().encode(JSON.stringify({ Contents: items })));
    const result = sh(`jq -c '[.Contents[] | select(.Size % 2 == 0) | {k: .Key, t: (.Tags | from_entries | .n)}] | group_by(.t) | map(length), ([paths] | length)' big.json`, session);
    expect(result.stdout).toBe("[1429,1428,1429,1428,1429,1428,1429]\n30007\n");
  });
});
