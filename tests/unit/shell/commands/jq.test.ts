import { describe, expect, it } from "vitest";
import { newSession, sh } from "../helpers";

/** The subset of jq the sandbox has (help jq lists it); outputs and messages as jq 1.6 prints them. */

const DOC = `{"KeyMetadata":{"KeyId":"k1","Enabled":true,"Tags":[{"Key":"env","Value":"prod"},{"Key":"team","Value":"a"}]},"n":null}`;

function jq(filter: string, options = "") {
  const session = newSession();
  session.fs.writeFile("doc.json", new TextEncoder().encode(DOC));
  return sh(`jq ${options} '${filter}' doc.json`, session);
}

describe("jq", () => {
  it("pretty-prints with . and compacts with -c, keeping key order", () => {
    expect(sh(`echo '{"b":1,"2":[],"a":{}}' | jq .`).stdout).toBe('{\n  "b": 1,\n  "2": [],\n  "a": {}\n}\n');
    expect(jq(".", "-c").stdout).toBe(`${DOC}\n`);
  });

  it("follows paths: .a.b, .a[0], .a[-1], .a[], ..", () => {
    expect(jq(".KeyMetadata.KeyId").stdout).toBe('"k1"\n');
    expect(jq(".KeyMetadata.Tags[0].Value, .KeyMetadata.Tags[-1].Key").stdout).toBe('"prod"\n"team"\n');
    expect(jq(".KeyMetadata.Tags[].Key", "-r").stdout).toBe("env\nteam\n");
    expect(jq(".n.missing, .nothing").stdout).toBe("null\nnull\n");
  });

  it("prints raw strings with -r and joins with -j", () => {
    expect(jq(".KeyMetadata.KeyId", "-r").stdout).toBe("k1\n");
    expect(jq(".KeyMetadata.Tags[].Key", "-j").stdout).toBe("envteam");
  });

  it("lists keys (sorted) and lengths", () => {
    expect(jq(".KeyMetadata | keys, length", "-c").stdout).toBe('["Enabled","KeyId","Tags"]\n3\n');
  });

  it("builds arrays and objects, selects, maps and interpolates", () => {
    expect(jq("[.KeyMetadata.Tags[] | select(.Key == \"env\") | .Value]", "-c").stdout).toBe('["prod"]\n');
    expect(jq(".KeyMetadata.Tags | map({(.Key): .Value}) | add", "-c").stdout).toBe('{"env":"prod","team":"a"}\n');
    expect(jq('.KeyMetadata | "\\(.KeyId) is \\(if .Enabled then "on" else "off" end)"', "-r").stdout).toBe("k1 is on\n");
    expect(jq(".KeyMetadata.Tags | from_entries? // (map({key: .Key, value: .Value}) | from_entries)", "-c").stdout).toBe('{"env":"prod","team":"a"}\n');
  });

  it("updates values with |=, = and +=, and deletes with del", () => {
    expect(sh(`echo '{"a":1,"b":[1,2]}' | jq -c '.a |= . + 1, .b[] += 10, .c = "new", del(.b)'`).stdout).toBe('{"a":2,"b":[1,2]}\n{"a":1,"b":[11,12]}\n{"a":1,"b":[1,2],"c":"new"}\n{"a":1}\n');
  });

  it("takes variables from --arg and --argjson", () => {
    expect(sh(`jq -n -c --arg name x --argjson n 2 '{name: $name, n: $n}'`).stdout).toBe('{"name":"x","n":2}\n');
  });

  it("formats numbers as jq does", () => {
    expect(sh(`echo '[1.0, 1e100, 0.1, 100000000000000000000, 1e17, 0.00001, -0]' | jq -c .`).stdout).toBe("[1,1e+100,0.1,1e+20,1e+17,1e-05,-0]\n");
  });

  it("reports errors in jq's words and statuses", () => {
    expect(sh(`echo '"abc"' | jq .a`)).toMatchObject({ stderr: 'jq: error (at <stdin>:1): Cannot index string with string "a"\n', exitCode: 5 });
    expect(sh("echo 5 | jq '.[]'").stderr).toBe("jq: error (at <stdin>:1): Cannot iterate over number (5)\n");
    expect(sh("echo '{' | jq .")).toMatchObject({ stderr: "parse error: Unfinished JSON term at EOF at line 2, column 0\n", exitCode: 2 });
    expect(sh("jq 'foo' <<< '{}'")).toMatchObject({ stderr: "jq: error: foo/0 is not defined at <top-level>, line 1:\nfoo\njq: 1 compile error\n", exitCode: 3 });
    expect(sh("jq . nope.json")).toMatchObject({ stderr: "jq: error: Could not open file nope.json: No such file or directory\n", exitCode: 2 });
  });

  it("says what it does not support", () => {
    expect(sh("jq -n 'reduce .[] as $x (0; . + $x)'").stderr).toContain("not supported in this sandbox's jq");
    expect(sh("help jq").stdout).toContain("It does not have: reduce, foreach");
  });

  it("cannot be made to run forever", () => {
    expect(sh("jq -n '[range(1e9)] | length'")).toMatchObject({ stderr: expect.stringContaining("sandbox limit"), exitCode: 5 });
  });
});
