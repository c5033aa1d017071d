import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commandRegistry } from "@/lib/sandbox/shell";
import { parse } from "@/lib/sandbox/shell/parser";
import { newSession } from "./helpers";

/**
 * Any input at all gets an answer: the parser returns a result (never
 * throws), and running it yields an exit status and text within a bounded
 * time (the sandbox's loop, output and nesting limits).
 */

const TOKENS = [
  "echo", "x", "$x", "${x", "}", "${x:-y}", "$(", ")", "`", "'", '"', "\\", "\n", " ", ";", ";;", "&", "&&", "||", "|", "|&",
  "<", ">", ">>", "2>&1", "<<", "<<-", "EOF", "<<<", "(", "((", "))", "$((", "1+", "/0", "{", "}", "{1..3}", "*", "?", "[", "]",
  "if", "then", "elif", "else", "fi", "for", "in", "do", "done", "while", "until", "case", "esac", "function", "f()", "!", "[[", "]]",
  "true", "false", "break", "continue", "return", "exit", "local", "export", "x=1", "read", "eval", "source", "set", "-e", "-u",
  "cat", "ls", "rm", "-rf", "mkdir", "-p", "cd", "/", "..", "seq", "5", "grep", "-E", "sort", "uniq", "cut", "-d:", "-f1", "tr",
  "base64", "-d", "xxd", "jq", ".", ".a[]", "printf", "%s", "%d", "head", "tail", "wc", "clock", "advance", "1d", "aws", "kms",
  "history", "help", "#", "~", "$?", "$#", "$@", "$'\\x41'", "plaintext.txt", "/dev/null", "f",
];

const shellish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((tokens) => tokens.join(""));
const shellishSpaced = fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((tokens) => tokens.join(" "));
const anyInput = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 40 }), shellish, shellishSpaced);

const TIME_CAP_MS = 5_000;

const COMMANDS = [...commandRegistry().keys()].filter((name) => name !== "aws");
const ARGUMENTS = ["-", "--", "-n", "-c", "-e", "-r", "-f", "-d", "-l", "-a", "-1", "-5", "+2", "-w", "0", "3", "-x", "--help", "--decode", "-k2", "-t,", "a-z", "[:upper:]",
  ".", "..", "/", "~", "plaintext.txt", "nope", "d", "d/x", "-p", "%s", "%d", "%q", "'", "x=1", "1d", "advance", "@1", "+%F", "-s", "-u", "-i", "-o", "-v", ".[]", "keys", "\\n"];
const commandLine = fc.tuple(fc.constantFrom(...COMMANDS), fc.array(fc.constantFrom(...ARGUMENTS), { maxLength: 6 }), fc.boolean()).map(([name, args, piped]) => `${piped ? "printf 'b\\na\\n' | " : ""}${name} ${args.map((arg) => `'${arg.replace(/'/g, "")}'`).join(" ")}`);

describe("fuzzing the shell", () => {
  it("the parser answers every input without throwing", () => {
    fc.assert(
      fc.property(anyInput, fc.boolean(), (text, final) => {
        const result = parse(text, { final });
        expect(["ok", "incomplete", "error"]).toContain(result.status);
        if (final) expect(result.status).not.toBe("incomplete");
        if (result.status === "error") expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 5000 },
    );
  });

  it("running any input gives an exit status and text, quickly", () => {
    const session = newSession();
    fc.assert(
      fc.property(anyInput, (text) => {
        const started = performance.now();
        const result = session.runSync(text);
        expect(Number.isInteger(result.exitCode)).toBe(true);
        expect(result.exitCode).toBeGreaterThanOrEqual(0);
        expect(result.exitCode).toBeLessThanOrEqual(255);
        expect(typeof result.stdout).toBe("string");
        expect(typeof result.stderr).toBe("string");
        expect(result.stderr).not.toContain("internal error");
        expect(performance.now() - started).toBeLessThan(TIME_CAP_MS);
      }),
      { numRuns: 2000 },
    );
  });

  it("every command answers any arguments with a status, never an internal error", () => {
    const session = newSession();
    session.runSync("mkdir d; touch d/x");
    fc.assert(
      fc.property(commandLine, (text) => {
        const result = session.runSync(text);
        expect(result.exitCode).toBeGreaterThanOrEqual(0);
        expect(result.exitCode).toBeLessThanOrEqual(255);
        expect(result.stderr).not.toContain("internal error");
        // Keep the fixture files for the next command.
        session.runSync("cd; mkdir -p d; touch d/x; [ -f plaintext.txt ] || echo 'Hello, KMS!' > plaintext.txt");
      }),
      { numRuns: 2000 },
    );
  });

  it("a syntax error is always reported with status 2", () => {
    const session = newSession();
    fc.assert(
      fc.property(anyInput, (text) => {
        if (parse(text, { final: true }).status !== "error") return;
        const result = session.runSync(text);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toMatch(/^bash: /);
      }),
      { numRuns: 2000 },
    );
  });

  it("completion answers any line and cursor", () => {
    const session = newSession();
    fc.assert(
      fc.property(anyInput, fc.nat(100), (text, cursor) => {
        const completion = session.complete(text, cursor);
        if (completion) {
          expect(completion.start).toBeLessThanOrEqual(completion.end);
          expect(completion.candidates.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
