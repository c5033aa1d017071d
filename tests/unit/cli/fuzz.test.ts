import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completeAwsCli } from "@/lib/sandbox/cli";
import { cli } from "./helpers";

const EXIT_CODES = [0, 252, 253, 254, 255];

/** Words a learner (or a cat on the keyboard) might type after "aws". */
const word = fc.oneof(
  fc.constantFrom("kms", "ssm", "secretsmanager", "sts", "s3", "help", "list-keys", "encrypt", "decrypt", "create-key", "get-parameter", "put-parameter", "create-secret", "rotate-secret", "get-caller-identity"),
  fc.constantFrom("--key-id", "--plaintext", "--name", "--value", "--type", "--names", "--tags", "--rotation-rules", "--encryption-context", "--query", "--output", "--region", "--no-paginate", "--max-items", "--starting-token", "--cli-input-json", "--generate-cli-skeleton", "--with-decryption", "--no-recursive", "--", "-", "--no"),
  fc.constantFrom("json", "text", "table", "yaml", "yaml-stream", "xml", "file://x", "fileb://x", "SGVsbG8=", "Hello world", "Key=a,Value=b", "{", "[", "{}", "[]", '{"a": 1}', "Keys[", "Keys[0].KeyId", "a=b,c", "0", "-5", "abc", "input", "output"),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);

describe("the CLI never throws and never hangs", () => {
  it("gives an exit code and, on failure, a message for any argv", () => {
    const sandbox = cli();
    sandbox.fs.writeFile("x", new TextEncoder().encode("Key=a\n"));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), (argv) => {
        const started = performance.now();
        const result = sandbox.aws(...argv);
        expect(EXIT_CODES).toContain(result.exitCode);
        if (result.exitCode !== 0) expect(result.stderr.length).toBeGreaterThan(0);
        expect(result.stderr).not.toContain("failed unexpectedly");
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 1500 },
    );
  });

  it("parses any value of structured options without throwing", () => {
    const sandbox = cli();
    fc.assert(
      fc.property(fc.constantFrom("--rotation-rules", "--tags", "--encryption-context", "--parameter-filters", "--names", "--plaintext", "--query", "--cli-input-json"), fc.string({ maxLength: 40 }), (option, value) => {
        const argv =
          option === "--rotation-rules" || option === "--tags"
            ? ["secretsmanager", option === "--tags" ? "tag-resource" : "rotate-secret", "--secret-id", "s", option, value]
            : option === "--encryption-context" || option === "--plaintext"
              ? ["kms", "encrypt", "--key-id", "alias/none", "--plaintext", "SGk=", option, value]
              : option === "--parameter-filters"
                ? ["ssm", "describe-parameters", option, value]
                : option === "--names"
                  ? ["ssm", "get-parameters", option, value]
                  : ["kms", "describe-key", "--key-id", "k", option, value];
        const result = sandbox.aws(...argv);
        expect(EXIT_CODES).toContain(result.exitCode);
        expect(result.stderr).not.toContain("failed unexpectedly");
      }),
      { numRuns: 1500 },
    );
  });

  it("completes words that are also Object.prototype members", () => {
    for (const word of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect(Array.isArray(completeAwsCli([word], ""))).toBe(true);
      expect(Array.isArray(completeAwsCli(["kms", word], ""))).toBe(true);
      expect(Array.isArray(completeAwsCli(["kms", "encrypt", word], ""))).toBe(true);
    }
  });

  it("completes any input without throwing", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.string({ maxLength: 6 }), (argv, partial) => {
        expect(Array.isArray(completeAwsCli(argv, partial))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
