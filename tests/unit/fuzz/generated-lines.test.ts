import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SandboxSession } from "@/lib/sandbox";
import { parse } from "@/lib/sandbox/shell/parser";
import { newSession } from "../shell/helpers";

/**
 * 100,000 generated command lines through the whole terminal: the shell's
 * parser, its expansions and tools, the aws command's argument parser, its
 * --query port and the engine. Whatever the line, an answer comes back: an
 * exit status from 0 to 255, no JavaScript exception escaping as an
 * "internal error", and no line taking more than 2 s (the shell's own CPU
 * budget stops runaway scripts well before that).
 *
 * The lines are the same on every run (a fixed fast-check seed), so CI does
 * not pass or fail by luck. To look for new failures, run it with
 * FUZZ_SEED=random (each run then prints its seed) or FUZZ_SEED=N to replay one.
 */

const LINES = { shell: 40_000, aws: 40_000, query: 20_000 };
const SEED = process.env.FUZZ_SEED === "random" ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20_261_205);
if (process.env.FUZZ_SEED !== undefined) console.log(`FUZZ_SEED=${SEED}`);
const LINE_CAP_MS = 2_000;
/** A fresh session now and then, so state built by earlier lines (files, keys, parameters) stays small. */
const LINES_PER_SESSION = 2_000;

const SHELL_TOKENS = [
  "echo", "x", "$x", "${x", "}", "${x:-y}", "${#x}", "${x/a/b}", "$(", ")", "`", "'", '"', "\\", "\n", " ", ";", "&", "&&", "||", "|", "|&",
  "<", ">", ">>", "2>&1", "2>/dev/null", "<<", "EOF", "<<<", "(", "((", "))", "$((", "1+", "/0", "**", "{", "}", "{1..3}", "*", "?", "[", "]",
  "if", "then", "else", "fi", "for", "in", "do", "done", "while", "until", "case", "esac", "f()", "!", "[[", "]]", "=~", "-z", "-f",
  "true", "false", "break", "return", "exit", "local", "export", "x=1", "read", "eval", "set", "-e", "-o", "pipefail", "+e", "time",
  "cat", "rm", "-rf", "mkdir", "-p", "cd", "/", "..", "seq", "-f", "%g", "grep", "sort", "cut", "-d:", "tr", "base64", "-d", "xxd", "-l",
  "head", "-c", "16", "tail", "wc", "diff", "-u", "cmp", "jq", "-r", ".", ".a[]", "printf", "%s", "%.3f", "%05d", "openssl", "rand", "-hex",
  "dgst", "-sha256", "enc", "-aes-256-cbc", "-K", "00", "-iv", "/dev/urandom", "/dev/zero", "/dev/null", "/dev/stdin", "plaintext.txt", "''", "\"\"",
];

const SERVICES: Record<string, string[]> = {
  kms: ["create-key", "describe-key", "encrypt", "decrypt", "generate-data-key", "list-keys", "list-aliases", "create-alias", "schedule-key-deletion", "get-key-policy", "sign", "verify", "re-encrypt", "create-grant", "nope"],
  secretsmanager: ["create-secret", "get-secret-value", "put-secret-value", "list-secrets", "describe-secret", "rotate-secret", "delete-secret", "batch-get-secret-value", "tag-resource"],
  ssm: ["put-parameter", "get-parameter", "get-parameters", "get-parameters-by-path", "describe-parameters", "delete-parameter", "label-parameter-version", "get-parameter-history"],
  sts: ["get-caller-identity", "assume-role"],
};
const OPTIONS = [
  "--key-id", "--plaintext", "--ciphertext-blob", "--name", "--names", "--value", "--type", "--secret-id", "--secret-string", "--path", "--recursive",
  "--with-decryption", "--overwrite", "--key-spec", "--number-of-bytes", "--encryption-context", "--grantee-principal", "--operations", "--tags",
  "--rotation-rules", "--description", "--query", "--output", "--region", "--max-items", "--starting-token", "--no-paginate", "--cli-input-json",
  "--generate-cli-skeleton", "--debug", "--no-cli-pager", "--", "-", "--help",
];
const VALUES = [
  "alias/app", "alias/nope", "1234abcd-12ab-34cd-56ef-1234567890ab", "fileb://plaintext.txt", "file://plaintext.txt", "file:///dev/stdin", "SGVsbG8=", "Hello, KMS!",
  "/app/db/password", "/app", "prod/db", "String", "SecureString", "StringList", "AES_256", "AES_128", "32", "0", "-1", "1025", "json", "text", "table", "yaml",
  "us-east-1", "eu-west-1", "mars-1", "purpose=test", "Key=env,Value=prod", '{"Key":"a"}', "[", "{", "{}", "AutomaticallyAfterDays=30", "Encrypt", "Decrypt",
  "arn:aws:iam::123456789012:role/app", "$KEY", "\"$(cat plaintext.txt)\"", "''", "input", "output",
];
const QUERY_TOKENS = [
  "KeyMetadata", "Keys", "SecretList", "Parameters", "Parameter", "Name", "Value", "KeyId", "Arn", "[]", "[0]", "[-1]", "[1:]", "[::-1]", "[*]", ".*", ".", "|", "||", "&&",
  "!", "@", "&", "(", ")", "{", "}", "[", "]", ",", ":", "`1`", "`\"x\"`", "`[1, 2.0]`", "`{\"a\": null}`", "'text'", "\"Name\"", "==", "!=", "<", ">=", "[?", "?",
  "length(", "max_by(", "min_by(", "sort_by(", "sort(", "reverse(", "to_string(", "to_number(", "contains(", "join(", "keys(", "values(", "merge(", "type(", "avg(", "sum(",
  "not_null(", "map(", "abs(", "ceil(", "starts_with(", "😀", "é", " ", "-1", "0", "=", "#",
];

const quoted = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

const shellLine = fc.oneof(
  fc.array(fc.constantFrom(...SHELL_TOKENS), { maxLength: 20 }).map((tokens) => tokens.join(" ")),
  fc.array(fc.constantFrom(...SHELL_TOKENS), { maxLength: 20 }).map((tokens) => tokens.join("")),
  fc.string({ maxLength: 60 }),
);

const awsLine = fc
  .tuple(
    fc.constantFrom(...Object.keys(SERVICES)),
    fc.nat(20),
    fc.array(fc.tuple(fc.constantFrom(...OPTIONS), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 }))), { maxLength: 6 }),
    fc.constantFrom("", " | jq -r '.[]?'", " | base64 -d", " > out.json", " 2>&1 | head -c 80", " || echo failed $?", " && echo ok", "", ""),
    fc.constantFrom("", "KEY=$(", "set -o pipefail; ", "( set -e; ", "if ! ", "time "),
  )
  .map(([service, pick, options, tail, head]) => {
    const operations = SERVICES[service]!;
    const words = ["aws", service, operations[pick % operations.length]!, ...options.flatMap(([option, value]) => [option, value.startsWith("$") || value.startsWith('"') ? value : quoted(value)])];
    const command = words.join(" ");
    if (head === "KEY=$(") return `KEY=$(${command}); echo "[$KEY]"`;
    if (head === "( set -e; ") return `( set -e; ${command}; echo after ); echo $?`;
    if (head === "if ! ") return `if ! ${command}${tail}; then echo no; fi`;
    return `${head}${command}${tail}`;
  });

/** Mostly well-formed JMESPath (so that evaluation, not only the parser, is exercised), sometimes token soup. */
const FIELDS = ["KeyMetadata", "Keys", "SecretList", "Parameters", "Name", "Value", "KeyId", "KeyArn", "ARN", "Type", "Version", "Enabled", "Tags", "missing", "\"Name\""];
const FUNCTIONS = ["length", "max_by", "min_by", "sort_by", "sort", "reverse", "to_string", "to_number", "contains", "join", "keys", "values", "merge", "type", "avg", "sum", "not_null", "map", "abs", "ceil", "floor", "starts_with", "to_array", "max", "min", "nope"];
const LITERALS = ["`1`", "`2.5`", "`\"x\"`", "`[1, \"a\"]`", "`{\"a\": null}`", "'text'", "'😀é'", "`null`", "`true`", "`-0.0`", "''"];
const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...FIELDS, ...LITERALS, "@", "*", "[]"),
    fc.tuple(tie("expression"), fc.constantFrom(...FIELDS, "*")).map(([left, field]) => `${left}.${field}`),
    fc.tuple(tie("expression"), fc.constantFrom("[0]", "[-1]", "[]", "[*]", "[1:]", "[::-1]", "[:2:0]", "[5]")).map(([left, index]) => `${left}${index}`),
    fc.tuple(tie("expression"), tie("expression"), fc.constantFrom("==", "!=", "<", ">=", "&&", "||", "|")).map(([left, right, op]) => `${left} ${op} ${right}`),
    fc.tuple(tie("expression"), tie("expression"), fc.constantFrom("==", "<", "!=")).map(([left, right, op]) => `${left}[?${right} ${op} ${LITERALS[0]}]`),
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(fc.oneof(tie("expression"), tie("expression").map((inner) => `&${inner}`)), { maxLength: 3 })).map(([name, args]) => `${name}(${args.join(", ")})`),
    fc.tuple(tie("expression"), tie("expression")).map(([a, b]) => `{a: ${a}, "b c": ${b}}`),
    fc.tuple(tie("expression"), tie("expression")).map(([a, b]) => `[${a}, ${b}]`),
    tie("expression").map((inner) => `!${inner}`),
    tie("expression").map((inner) => `(${inner})`),
  ),
}));
const querySoup = fc.array(fc.constantFrom(...QUERY_TOKENS), { minLength: 1, maxLength: 14 }).map((tokens) => tokens.join(""));

const queryLine = fc
  .tuple(
    fc.constantFrom("aws kms list-keys", "aws secretsmanager list-secrets", "aws ssm get-parameters-by-path --path / --recursive", "aws kms describe-key --key-id alias/app", "aws sts get-caller-identity"),
    fc.oneof({ arbitrary: expression, weight: 4 }, { arbitrary: querySoup, weight: 1 }),
    fc.constantFrom("json", "text", "table", "yaml"),
  )
  .map(([command, query, output]) => `${command} --query ${quoted(query)} --output ${output}`);

/** A session holding something for the lines to act on: a key with an alias, a secret, parameters. */
function freshSession(): SandboxSession {
  const session = newSession({ realCli: true });
  session.runSync(
    [
      "KEY=$(aws kms create-key --query KeyMetadata.KeyId --output text)",
      "aws kms create-alias --alias-name alias/app --target-key-id $KEY",
      "aws secretsmanager create-secret --name prod/db --secret-string '{\"user\":\"admin\"}' > /dev/null",
      "aws ssm put-parameter --name /app/db/password --value s3cret --type SecureString > /dev/null",
      "aws ssm put-parameter --name /app/url --value https://example.com --type String > /dev/null",
    ].join("\n"),
  );
  return session;
}

describe("100,000 generated lines through the terminal", () => {
  let session = freshSession();
  let ran = 0;
  let slowest = { line: "", ms: 0 };

  function runLine(line: string): void {
    if (++ran % LINES_PER_SESSION === 0) session = freshSession();
    // The parser answers every text, complete or not, with a status and never throws.
    expect(["ok", "error"]).toContain(parse(line, { final: true }).status);
    const started = performance.now();
    const result = session.runSync(line);
    const elapsed = performance.now() - started;
    if (elapsed > slowest.ms) slowest = { line, ms: elapsed };
    expect(result.exitCode).toBeGreaterThanOrEqual(0);
    expect(result.exitCode).toBeLessThanOrEqual(255);
    expect(result.stderr).not.toMatch(/internal error|failed unexpectedly/);
    expect(elapsed, line).toBeLessThan(LINE_CAP_MS);
  }

  it(`${LINES.shell.toLocaleString("en")} shell lines`, () => {
    fc.assert(fc.property(shellLine, runLine), { numRuns: LINES.shell, seed: SEED });
  }, 600_000);

  it(`${LINES.aws.toLocaleString("en")} aws command lines, with pipes, substitutions, set -e and pipefail`, () => {
    fc.assert(fc.property(awsLine, runLine), { numRuns: LINES.aws, seed: SEED + 1 });
  }, 600_000);

  it(`${LINES.query.toLocaleString("en")} --query expressions over real responses`, () => {
    fc.assert(fc.property(queryLine, runLine), { numRuns: LINES.query, seed: SEED + 2 });
  }, 600_000);

  it("ran them all", () => {
    expect(ran).toBe(LINES.shell + LINES.aws + LINES.query);
    expect(ran).toBe(100_000);
    console.log(`slowest of ${ran.toLocaleString("en")} lines: ${slowest.ms.toFixed(1)} ms: ${slowest.line.slice(0, 120)}`);
  });
});
