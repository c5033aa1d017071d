/**
 * Maintainer script: collects what moto's tests marked as verified against
 * real AWS (`@aws_verified`, `@secretsmanager_aws_verified`; getmoto/moto,
 * Apache License 2.0) assert about KMS, Secrets Manager and Parameter Store,
 * as tests/fixtures/moto-aws-verified.json: one entry per assertion of such a
 * test (per parameter set of a parametrized test), with the file, test and
 * line it comes from.
 * - `error`: a `pytest.raises(ClientError)` block whose error the test asserts:
 *   `<err>["Code"] == "..."` and `<err>["Message"] == "..."` (or `match=`),
 *   paired into one entry, the message copied from the test's string literal
 *   (an f-string keeps its `{...}` fields: the test's values, filled in by
 *   tests/conformance/moto-verified.test.ts);
 * - `assertion`: any other `assert` of the test (the response values it checks),
 *   its source text copied verbatim.
 * tests/conformance/moto-verified.test.ts reproduces each in the sandbox (or
 * says why it cannot), as tests/conformance/recorded-errors.test.ts does for
 * LocalStack's recordings.
 *
 *   npx tsx scripts/extract-moto-verified.mjs [MOTO_GIT_DIR]
 *
 * The default is the snapshot fetched into /work/.mirror; CI never runs this.
 * The parser is line-based and knows the shapes these files use (top-level
 * `def test_...`, decorators above, 4-space bodies); it fails loudly on an
 * assertion about an error it cannot read rather than guess.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const gitDir = process.argv[2] ?? "/work/.mirror/getmoto+moto/repo";
const git = (...args) => execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

const FILES = {
  "tests/test_kms/test_kms_encrypt.py": "kms",
  "tests/test_secretsmanager/test_secretsmanager.py": "secretsmanager",
  "tests/test_secretsmanager/test_list_secrets.py": "secretsmanager",
  "tests/test_ssm/test_ssm.py": "ssm",
};
const commit = git("rev-parse", "HEAD").trim();

// ---------------------------------------------------------------------------
// A little of Python's lexical structure: string literals and brackets.

/** The string literals and bracket depth of `text`: [{ start, end, prefix, body }], depth after the text. */
function scan(text, depth = 0) {
  const literals = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "#") break;
    const prefixMatch = /^([rRbBfFuU]{0,2})(["'])/.exec(text.slice(i));
    if (prefixMatch && (i === 0 || !/[\w]/.test(text[i - 1]) || prefixMatch[1] === "")) {
      const quote = prefixMatch[2];
      const triple = text.startsWith(quote.repeat(3), i + prefixMatch[1].length);
      if (triple) throw new Error(`triple-quoted string not supported: ${text}`);
      const bodyStart = i + prefixMatch[0].length;
      let j = bodyStart;
      while (j < text.length && text[j] !== quote) j += text[j] === "\\" ? 2 : 1;
      if (j >= text.length) throw new Error(`unterminated string: ${text}`);
      literals.push({ start: i, end: j + 1, prefix: prefixMatch[1].toLowerCase(), body: text.slice(bodyStart, j) });
      i = j + 1;
      continue;
    }
    if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    i++;
  }
  return { literals, depth };
}

/** A literal's value: escapes of quotes and backslashes undone; f-string fields kept as written. */
function literalValue({ prefix, body }) {
  if (prefix.includes("r")) return body;
  if (/\\[^\\"']/.test(body)) throw new Error(`escape sequence not supported: ${body}`);
  return body.replace(/\\(["'\\])/g, "$1");
}

/** The statements of a block of lines (each: first line number, its lines), joined across brackets and `\` continuations. */
function statements(lines, firstLineNo) {
  const out = [];
  let current = null;
  let depth = 0;
  lines.forEach((line, index) => {
    if (current === null) {
      if (line.trim() === "" || line.trim().startsWith("#")) return;
      current = { line: firstLineNo + index, lines: [] };
    }
    current.lines.push(line);
    depth = scan(line, depth).depth;
    if (depth === 0 && !line.trimEnd().endsWith("\\")) {
      out.push(current);
      current = null;
    }
  });
  if (current) out.push(current);
  return out;
}

const indentOf = (line) => /^ */.exec(line)[0].length;

/** The statement's text, dedented to its first line, lines kept. */
function sourceText(statement) {
  const indent = indentOf(statement.lines[0]);
  return statement.lines.map((line) => line.slice(Math.min(indent, indentOf(line)))).join("\n");
}

/** A statement on one line: its lines' stripped text joined by single spaces (for matching only). */
const flat = (statement) => statement.lines.map((line) => line.trim()).join(" ");

/** Implicitly concatenated literals starting at `text`'s first literal after `from`, or undefined. */
function stringAfter(text, from) {
  const { literals } = scan(text);
  const first = literals.findIndex((literal) => literal.start >= from);
  if (first < 0) return undefined;
  const between = text.slice(from, literals[first].start);
  if (!/^[\s(]*$/.test(between)) return undefined;
  const parts = [literals[first]];
  for (let k = first + 1; k < literals.length && /^\s*$/.test(text.slice(literals[k - 1].end, literals[k].start)); k++) parts.push(literals[k]);
  return { value: parts.map(literalValue).join(""), fString: parts.some((part) => part.prefix.includes("f")), end: parts.at(-1).end, raw: parts.map((part) => text.slice(part.start, part.end)) };
}

/** The line of the statement that holds `raw` (a literal as written). */
function lineOf(statement, raw) {
  const index = statement.lines.findIndex((line) => line.includes(raw));
  if (index < 0) throw new Error(`${raw} is not on one line of: ${statement.lines.join("\n")}`);
  return statement.line + index;
}

// ---------------------------------------------------------------------------
// Tests: decorators, parameters, body.

/** `@pytest.mark.parametrize("name", (a, b))` with literal values: { name, values: [{ id, value }] }. */
function parametrize(decorator) {
  const match = /^@pytest\.mark\.parametrize\(\s*"(\w+)"\s*,\s*[([](.*)[)\]]\s*\)$/.exec(decorator);
  if (!match) return undefined;
  const values = match[2]
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      if (part === "True" || part === "False") return { id: part, value: part === "True" };
      if (/^-?\d+$/.test(part)) return { id: part, value: Number(part) };
      const literal = stringAfter(part, 0);
      if (!literal || literal.end !== part.length) throw new Error(`parameter value not supported: ${part}`);
      return { id: literal.value, value: literal.value };
    });
  return { name: match[1], values };
}

/**
 * pytest's ids and values for stacked parametrize decorators: the decorator
 * nearest the def comes first in the id and varies slowest ("exhausting
 * parameters in the order of the decorators").
 */
function parameterSets(decorators) {
  const params = decorators.map(parametrize).filter(Boolean).reverse();
  if (params.length === 0) return [{ id: "", values: {} }];
  let sets = [{ ids: [], values: {} }];
  for (const param of params) sets = sets.flatMap((set) => param.values.map((v) => ({ ids: [...set.ids, v.id], values: { ...set.values, [param.name]: v.value } })));
  return sets.map((set) => ({ id: `[${set.ids.join("-")}]`, values: set.values }));
}

function testsOf(file, text) {
  const lines = text.split("\n");
  const tests = [];
  lines.forEach((line, index) => {
    const def = /^(?:async )?def (test_\w+)\(/.exec(line);
    if (!def) return;
    // Decorators and comments directly above.
    const above = [];
    for (let k = index - 1; k >= 0 && /^[@#]/.test(lines[k]); k--) above.unshift(lines[k]);
    const decorators = above.filter((l) => l.startsWith("@"));
    if (!decorators.some((d) => /aws_verified\b/.test(d) && !/^@pytest\.mark\.aws_verified/.test(d))) return;
    // The signature, then the body up to the next top-level line.
    let bodyStart = index;
    while (!/\)(\s*->\s*[\w. \[\]]+)?:\s*$/.test(lines[bodyStart])) bodyStart++;
    bodyStart++;
    let bodyEnd = bodyStart;
    while (bodyEnd < lines.length && (lines[bodyEnd] === "" || /^\s/.test(lines[bodyEnd]))) bodyEnd++;
    tests.push({
      name: def[1],
      line: index + 1,
      decorators,
      comments: above.filter((l) => l.startsWith("#")).map((l) => l.replace(/^#\s*/, "")),
      body: lines.slice(bodyStart, bodyEnd),
      bodyLine: bodyStart + 1,
    });
  });
  return tests;
}

/** The verification status as the test states it. */
function verification(test) {
  const marked = test.decorators.includes("@pytest.mark.aws_verified");
  const wrapper = test.decorators.filter((d) => /aws_verified\b/.test(d) && d !== "@pytest.mark.aws_verified").join(" ");
  const commentedOut = test.comments.filter((c) => c.startsWith("@"));
  const comment = test.comments.filter((c) => !c.startsWith("@")).join(" ");
  return { decorators: wrapper, marked, ...(commentedOut.length ? { commentedOut } : {}), ...(comment ? { comment } : {}) };
}

// ---------------------------------------------------------------------------
// Expectations of one test.

function expectationsOf(test) {
  const all = statements(test.body, test.bodyLine);
  const out = [];
  /** The last `with pytest.raises(...) as exc:` block: its request (the block's statements) and exc variable. */
  let lastRaises = null;
  let pendingCode = null;

  for (let s = 0; s < all.length; s++) {
    const statement = all[s];
    const text = flat(statement);
    const raises = /^with pytest\.raises\((\w+)(.*)\) as (\w+):$/.exec(text);
    if (raises) {
      // The request: the statements of the with-block.
      const indent = indentOf(statement.lines[0]);
      const inside = [];
      for (let k = s + 1; k < all.length && indentOf(all[k].lines[0]) > indent; k++) inside.push(all[k]);
      const match = /match=/.test(raises[2]) ? stringAfter(raises[2], raises[2].indexOf("match=") + 6) : undefined;
      lastRaises = { line: statement.line, exception: raises[1], excVar: raises[3], request: inside.map(sourceText).join("\n"), requestLine: inside[0]?.line, match };
      if (match) out.push({ kind: "error", line: lineOf(statement, match.raw[0]), request: lastRaises.request, requestLine: lastRaises.requestLine, match: match.value, ...(match.fString ? { fString: true } : {}) });
      continue;
    }
    const errAlias = /^(\w+) = (\w+)\.value\.response\["Error"\]$/.exec(text);
    if (errAlias && lastRaises && errAlias[2] === lastRaises.excVar) {
      lastRaises.errVar = errAlias[1];
      continue;
    }
    if (!text.startsWith("assert ")) continue;
    const source = sourceText(statement);
    const code = /^assert \(?\s*(\w+(?:\.value\.response)?(?:\["Error"\])?)\["Code"\]\s*==\s*/.exec(text);
    const message = /^assert \(?\s*(\w+(?:\.value\.response)?(?:\["Error"\])?)\["Message"\]\s*==\s*/.exec(text);
    if ((code || message) && !lastRaises) throw new Error(`${test.name}:${statement.line}: an error assertion outside pytest.raises`);
    if (code) {
      const literal = stringAfter(text, code[0].length);
      if (!literal || literal.fString) throw new Error(`${test.name}:${statement.line}: cannot read the code in: ${text}`);
      pendingCode = { code: literal.value, line: statement.line, source };
      continue;
    }
    if (message) {
      const literal = stringAfter(text, message[0].length);
      if (!literal) throw new Error(`${test.name}:${statement.line}: cannot read the message in: ${text}`);
      if (!pendingCode) throw new Error(`${test.name}:${statement.line}: a message without its code`);
      out.push({
        kind: "error",
        line: pendingCode.line,
        request: lastRaises.request,
        requestLine: lastRaises.requestLine,
        code: pendingCode.code,
        message: literal.value,
        messageLine: lineOf(statement, literal.raw[0]),
        ...(literal.fString ? { fString: true } : {}),
        source: `${pendingCode.source}\n${source}`,
      });
      pendingCode = null;
      continue;
    }
    if (pendingCode) throw new Error(`${test.name}:${pendingCode.line}: a code without its message`);
    out.push({ kind: "assertion", line: statement.line, source });
  }
  if (pendingCode) {
    out.push({ kind: "error", line: pendingCode.line, request: lastRaises.request, requestLine: lastRaises.requestLine, code: pendingCode.code, source: pendingCode.source });
  }
  return out;
}

// ---------------------------------------------------------------------------

const entries = [];
const testsSeen = [];
for (const [file, service] of Object.entries(FILES)) {
  const text = git("show", `HEAD:${file}`);
  const lines = (lineNo) => text.split("\n")[lineNo - 1] ?? "";
  for (const test of testsOf(file, text)) {
    const expectations = expectationsOf(test);
    const sets = parameterSets(test.decorators);
    testsSeen.push({ file, test: test.name, line: test.line, cases: sets.length, expectations: expectations.length });
    // The texts are the test's own: each message (or match) is on its line of the file, as written.
    for (const expectation of expectations) {
      const text = expectation.message ?? expectation.match;
      if (text === undefined) continue;
      const at = lines(expectation.messageLine ?? expectation.line);
      if (!at.includes(text) && !at.includes(text.replace(/\\/g, "\\\\").replace(/"/g, '\\"'))) throw new Error(`${test.name}: ${JSON.stringify(text)} is not on line ${expectation.messageLine}`);
    }
    for (const set of sets) {
      for (const expectation of expectations) {
        entries.push({
          key: `${path.basename(file)}::${test.name}${set.id}#L${expectation.line}`,
          service,
          file,
          test: `${test.name}${set.id}`,
          testLine: test.line,
          ...(set.id ? { params: set.values } : {}),
          verified: verification(test),
          ...expectation,
        });
      }
    }
  }
}

const out = {
  source: {
    repository: "getmoto/moto",
    commit,
    files: Object.keys(FILES),
    license: "Apache-2.0",
    note:
      "Assertions of moto's tests decorated to run against real AWS (@aws_verified, @secretsmanager_aws_verified; MOTO_TEST_ALLOW_AWS_REQUEST=true). `verified.marked` says whether the test also carries @pytest.mark.aws_verified (moto's CI runs those against AWS); unmarked ones were verified once and are flaky against AWS, as their comment says. Messages are copied from the tests' string literals; an f-string's {fields} are the test's own values.",
  },
  tests: testsSeen,
  entries,
};
writeFileSync(path.join(root, "tests/fixtures/moto-aws-verified.json"), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${entries.length} expectations (${entries.filter((e) => e.kind === "error").length} errors) from ${testsSeen.length} tests at ${commit.slice(0, 12)}`);
