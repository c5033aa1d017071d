import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import type { Program } from "estree";
import { evaluateLiteral, NotALiteralError } from "@/lib/content/estree-literal";

const evaluate = (source: string) => evaluateLiteral(parse(source, { ecmaVersion: "latest" }) as unknown as Program);

describe("literal props", () => {
  it("evaluates JSON-like data, template strings without substitutions and negative numbers", () => {
    expect(evaluate(`({ a: [1, -2, "x", \`y\`, true, null], "b c": { d: false } })`)).toEqual({
      a: [1, -2, "x", "y", true, null],
      "b c": { d: false },
    });
  });

  it.each([
    ["an identifier", "someVariable"],
    ["a call", "compute()"],
    ["a template with a substitution", "`${x}`"],
    ["a spread", "[...items]"],
    ["a computed key", "({ [key]: 1 })"],
    ["a method", "({ f() {} })"],
    ["a regular expression", "/x/"],
    ["a duplicate key", "({ a: 1, a: 2 })"],
    ["two statements", "1; 2"],
  ])("refuses %s", (_name, source) => {
    expect(() => evaluate(source)).toThrow(NotALiteralError);
  });
});
