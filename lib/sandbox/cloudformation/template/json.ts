/**
 * A strict JSON reader that reports where a document stops being JSON (line
 * and column, both from 1), so that CloudFormation's "JSON not well-formed.
 * (line L, column C)" does not depend on the JavaScript engine's messages.
 * Duplicate keys keep the last value.
 */

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; line: number; column: number };

class JsonSyntaxError extends Error {
  constructor(readonly offset: number) {
    super("JSON syntax error");
  }
}

export function parseJson(text: string): JsonParseResult {
  let index = 0;

  const fail = (at = index): never => {
    throw new JsonSyntaxError(at);
  };
  const skipSpace = () => {
    while (index < text.length && " \t\n\r".includes(text[index]!)) index += 1;
  };
  const expect = (literal: string) => {
    for (const char of literal) {
      if (text[index] !== char) fail();
      index += 1;
    }
  };

  const parseString = (): string => {
    expect('"');
    let out = "";
    while (true) {
      if (index >= text.length) fail();
      const char = text[index]!;
      if (char === '"') {
        index += 1;
        return out;
      }
      if (char === "\\") {
        const next = text[index + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (next !== undefined && next in simple) {
          out += simple[next];
          index += 2;
          continue;
        }
        if (next === "u") {
          const hex = text.slice(index + 2, index + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(index + 2);
          out += String.fromCharCode(parseInt(hex, 16));
          index += 6;
          continue;
        }
        fail(index + 1);
      }
      if (char < " ") fail();
      out += char;
      index += 1;
    }
  };

  const parseNumber = (): number => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(index));
    if (!match) fail();
    index += match![0].length;
    return Number(match![0]);
  };

  const parseValue = (): unknown => {
    skipSpace();
    const char = text[index];
    if (char === "{") {
      index += 1;
      const object: Record<string, unknown> = {};
      skipSpace();
      if (text[index] === "}") {
        index += 1;
        return object;
      }
      while (true) {
        skipSpace();
        if (text[index] !== '"') fail();
        const key = parseString();
        skipSpace();
        expect(":");
        object[key] = parseValue();
        skipSpace();
        if (text[index] === ",") {
          index += 1;
          continue;
        }
        if (text[index] === "}") {
          index += 1;
          return object;
        }
        fail();
      }
    }
    if (char === "[") {
      index += 1;
      const array: unknown[] = [];
      skipSpace();
      if (text[index] === "]") {
        index += 1;
        return array;
      }
      while (true) {
        array.push(parseValue());
        skipSpace();
        if (text[index] === ",") {
          index += 1;
          continue;
        }
        if (text[index] === "]") {
          index += 1;
          return array;
        }
        fail();
      }
    }
    if (char === '"') return parseString();
    if (char === "t") return expect("true"), true;
    if (char === "f") return expect("false"), false;
    if (char === "n") return expect("null"), null;
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) return parseNumber();
    return fail();
  };

  try {
    const value = parseValue();
    skipSpace();
    if (index < text.length) fail();
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const before = text.slice(0, Math.min(error.offset, text.length));
    const lines = before.split("\n");
    return { ok: false, line: lines.length, column: (lines[lines.length - 1] ?? "").length + 1 };
  }
}
