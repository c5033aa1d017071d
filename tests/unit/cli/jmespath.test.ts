import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileQuery, JmesPathSyntaxError } from "@/lib/sandbox/cli/query";
import { jsonDumps, jsonLoads } from "@/lib/sandbox/cli/python/json";
import { PyException } from "@/lib/sandbox/cli/python/values";
import { cli } from "./helpers";

/**
 * --query is a port of Python jmespath 1.0.1, the library the AWS CLI v2
 * uses. Every case below was answered by that library itself
 * (scripts/record-jmespath-fixtures.py, run with Debian's python3-jmespath):
 * the jmespath.py compliance suite's documents and expressions, and the
 * project's own cases (jmespath/cases.json) where Python and JavaScript
 * differ. Each result is compared as `--output json` prints it, so int and
 * float printing is checked too; each error by its Python type and message.
 */
interface RecordedCase {
  source: string;
  doc: number;
  expression: string;
  output?: string;
  phase?: "compile" | "search" | "output";
  error?: string;
  message?: string;
}

const fixtures = JSON.parse(readFileSync(new URL("./jmespath/fixtures.json", import.meta.url), "utf8")) as { recordedWith: string; documents: string[]; cases: RecordedCase[] };

/** An _Expression's repr holds a memory address, which differs on every run. */
const withoutAddresses = (text: string) => text.replace(/ at 0x[0-9a-f]+/g, " at 0x…");

function answer(recorded: RecordedCase): Omit<RecordedCase, "source" | "doc" | "expression" | "phase"> {
  let query;
  try {
    query = compileQuery(recorded.expression);
  } catch (error) {
    if (error instanceof JmesPathSyntaxError) return { error: recorded.phase === "compile" ? recorded.error : "(compile error)", message: error.message };
    throw error;
  }
  try {
    return { output: withoutAddresses(jsonDumps(query.search(jsonLoads(fixtures.documents[recorded.doc]!)), 4)) };
  } catch (error) {
    if (error instanceof PyException) return { error: error.pyType, message: withoutAddresses(error.message) };
    throw error;
  }
}

function expected(recorded: RecordedCase): Omit<RecordedCase, "source" | "doc" | "expression" | "phase"> {
  if (recorded.output !== undefined) return { output: withoutAddresses(recorded.output) };
  return { error: recorded.error, message: withoutAddresses(recorded.message!) };
}

describe(`--query evaluates as ${fixtures.recordedWith} does`, () => {
  const groups = new Map<string, RecordedCase[]>();
  for (const recorded of fixtures.cases) groups.set(recorded.source, [...(groups.get(recorded.source) ?? []), recorded]);
  for (const [source, cases] of groups) {
    describe(source, () => {
      it.each(cases.map((recorded, index) => [`${index}: ${recorded.expression}`, recorded] as const))("%s", (_, recorded) => {
        expect(answer(recorded)).toEqual(expected(recorded));
      });
    });
  }

  it("covers every function and both kinds of failure", () => {
    const expressions = fixtures.cases.map((recorded) => recorded.expression).join("\n");
    for (const name of ["abs", "avg", "ceil", "contains", "ends_with", "floor", "join", "keys", "length", "map", "max", "max_by", "merge", "min", "min_by", "not_null", "reverse", "sort", "sort_by", "starts_with", "sum", "to_array", "to_number", "to_string", "type", "values"]) {
      expect(expressions).toContain(`${name}(`);
    }
    expect(fixtures.cases.filter((recorded) => recorded.phase === "compile").length).toBeGreaterThan(100);
    expect(fixtures.cases.filter((recorded) => recorded.phase === "search").length).toBeGreaterThan(100);
  });
});

describe("--query through the aws command", () => {
  it("answers the queries that the jmespath npm package answered wrongly, as the CLI does", () => {
    const sandbox = cli();
    for (const name of ["prod/db", "dev/api", "zeta"]) sandbox.aws("secretsmanager", "create-secret", "--name", name, "--secret-string", "x");
    // Expected values: jmespath/fixtures.json, project/list-secrets output (the same queries over the same names).
    expect(sandbox.aws("secretsmanager", "list-secrets", "--query", "max_by(SecretList,&Name).Name").stdout).toBe('"zeta"\n');
    expect(sandbox.aws("secretsmanager", "list-secrets", "--query", "min_by(SecretList,&Name).Name", "--output", "text").stdout).toBe("dev/api\n");
    const mixed = sandbox.aws("secretsmanager", "list-secrets", "--query", "SecretList[?LastChangedDate > `2026`].Name");
    expect([mixed.exitCode, mixed.stderr]).toEqual([255, "\n'>' not supported between instances of 'str' and 'int'\n"]);
  });
});
