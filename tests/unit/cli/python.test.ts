import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { xformName } from "@/lib/sandbox/cli/model";
import { getCloseMatches } from "@/lib/sandbox/cli/python/difflib";
import { b64decode, b64encode } from "@/lib/sandbox/cli/python/base64";
import { jsonLoads } from "@/lib/sandbox/cli/python/json";
import { floatRepr, pyInt, pyStr, strRepr } from "@/lib/sandbox/cli/python/values";
import { dumpYaml } from "@/lib/sandbox/cli/output/yaml";
import { PyDict, type PyValue } from "@/lib/sandbox/cli/python/values";

/**
 * The CLI's messages show Python values and Python library errors; these
 * expectations were produced by the Python 3.11 that runs the real CLI
 * (fixtures/python.json, fixtures/xform-names.json, fixtures/yaml-cases.json).
 */
const python = JSON.parse(readFileSync(new URL("./fixtures/python.json", import.meta.url), "utf8")) as {
  json: [string, "ok" | "error", string][];
  difflib: [string, string[]][];
  floats: [number, string][];
  reprs: [string, string][];
  b64decode: [string, "ok" | "error", string][];
  ints: [string, "ok" | "error", number | string][];
};

describe("names: botocore's xform_name", () => {
  const pairs = JSON.parse(readFileSync(new URL("./fixtures/xform-names.json", import.meta.url), "utf8")) as [string, string][];
  it(`turns all ${pairs.length} operation and member names of the four models into the CLI's kebab-case`, () => {
    const wrong = pairs.filter(([name, expected]) => xformName(name) !== expected);
    expect(wrong).toEqual([]);
  });
  it("handles the cases learners meet", () => {
    expect(xformName("GetParametersByPath")).toBe("get-parameters-by-path");
    expect(xformName("KeyId")).toBe("key-id");
    expect(xformName("RotationLambdaARN")).toBe("rotation-lambda-arn");
    expect(xformName("ReEncrypt")).toBe("re-encrypt");
  });
});

describe("json.loads", () => {
  for (const [input, outcome, expected] of python.json) {
    it(`${JSON.stringify(input)} → ${outcome}: ${expected}`, () => {
      if (outcome === "error") expect(() => jsonLoads(input, { ordered: true })).toThrow(expected);
      else expect(pyStr(jsonLoads(input, { ordered: true }))).toBe(expected);
    });
  }
});

describe("difflib.get_close_matches (the CLI's 'maybe you meant')", () => {
  const words = ["create-key", "list-keys", "list-aliases", "describe-key", "encrypt", "decrypt", "get-parameter", "get-parameters", "get-parameters-by-path", "kms", "ssm", "sts", "secretsmanager"];
  python.difflib.forEach(([probe, expected], index) => {
    const cutoff = index < python.difflib.length / 2 ? 0.8 : 0.6;
    it(`${JSON.stringify(probe)} with cutoff ${cutoff}`, () => expect(getCloseMatches(probe, words, 3, cutoff)).toEqual(expected));
  });
});

describe("Python's repr", () => {
  for (const [value, expected] of python.floats) it(`float ${value} → ${expected}`, () => expect(floatRepr(value)).toBe(expected));
  for (const [value, expected] of python.reprs) it(`str ${JSON.stringify(value)} → ${expected}`, () => expect(strRepr(value)).toBe(expected));
});

describe("int()", () => {
  for (const [text, outcome, expected] of python.ints) {
    it(`int(${JSON.stringify(text)})`, () => {
      if (outcome === "ok") expect(pyInt(text)).toBe(expected);
      else if (!/[^\x00-\x7f]/.test(text)) expect(() => pyInt(text)).toThrow(String(expected));
    });
  }
});

describe("base64.b64decode without validation (blob arguments)", () => {
  for (const [input, outcome, expected] of python.b64decode) {
    it(`${JSON.stringify(input)} → ${outcome}`, () => {
      if (outcome === "ok") expect(b64encode(b64decode(input))).toBe(expected);
      else expect(() => b64decode(input)).toThrow(expected);
    });
  }
});

describe("YAML output: the same bytes as the CLI's ruamel.yaml over libyaml", () => {
  const cases = jsonLoads(readFileSync(new URL("./fixtures/yaml-cases.json", import.meta.url), "utf8")) as PyValue[];
  it(`prints ${cases.length} generated documents (quoting, folding, escapes, complex keys) exactly`, () => {
    const wrong = cases.filter((entry) => {
      const item = entry as PyDict;
      return dumpYaml(item.get("value")!) !== item.get("yaml");
    });
    expect(wrong.length).toBe(0);
  });
});
