import { describe, expect, it } from "vitest";
import { USAGE } from "@/lib/sandbox/cli/argparse";
import { cli } from "./helpers";

const BANNER = `\nusage: ${USAGE}`;

/**
 * Each situation of AWS-CLI.md §1.4, against the sandbox engine: the exit
 * code and the exact stderr of the real CLI v2 (the recorded test checks the
 * same texts byte for byte against the real CLI).
 */
describe("exit codes and client-side messages", () => {
  const sandbox = cli();
  const keyId = JSON.parse(sandbox.aws("kms", "create-key").stdout).KeyMetadata.KeyId as string;

  it("252: unknown option (and a value given to a boolean flag)", () => {
    expect(sandbox.aws("kms", "list-keys", "--bogus")).toMatchObject({ exitCode: 252, stdout: "", stderr: `${BANNER}\nUnknown options: --bogus\n\n` });
    expect(sandbox.aws("kms", "enable-key-rotation", "--key-id", keyId, "--rotation-periodx", "180").stderr).toBe(`${BANNER}\nUnknown options: --rotation-periodx, 180\n\n`);
  });

  it("252: missing required option", () => {
    expect(sandbox.aws("kms", "describe-key")).toMatchObject({ exitCode: 252, stderr: `${BANNER}\naws: error: the following arguments are required: --key-id\n\n` });
  });

  it("252: option without its value", () => {
    expect(sandbox.aws("kms", "schedule-key-deletion", "--key-id", keyId, "--pending-window-in-days").stderr).toBe(`${BANNER}\naws: error: argument --pending-window-in-days: expected one argument\n\n`);
  });

  it("252: a typo in an operation or a service, with suggestions", () => {
    const operation = sandbox.aws("kms", "creat-key");
    expect(operation.exitCode).toBe(252);
    expect(operation.stderr).toContain("aws: error: argument operation: Invalid choice, valid choices are:\n\ncancel-key-deletion");
    expect(operation.stderr.endsWith("\n\nInvalid choice: 'creat-key', maybe you meant:\n\n  * create-key\n\n")).toBe(true);
    const service = sandbox.aws("kmss", "list-keys");
    expect(service.stderr).toContain("aws: error: argument command: Invalid choice, valid choices are:");
    expect(service.stderr.endsWith("Invalid choice: 'kmss', maybe you meant:\n\n  * kms\n\n")).toBe(true);
  });

  it("252: --output xml", () => {
    const result = sandbox.aws("kms", "list-keys", "--output", "xml");
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toBe(
      `${BANNER}\naws: error: argument --output: Invalid choice, valid choices are:\n\n${"json".padEnd(40)} | ${"text".padEnd(40)}\n${"table".padEnd(40)} | ${"yaml".padEnd(40)}\n${"yaml-stream".padEnd(40)}\n\n`,
    );
  });

  it("252: client-side validation of min values and lengths, and of structure members", () => {
    expect(sandbox.aws("kms", "schedule-key-deletion", "--key-id", keyId, "--pending-window-in-days", "0").stderr).toBe(
      "\nParameter validation failed:\nInvalid value for parameter PendingWindowInDays, value: 0, valid min value: 1\n",
    );
    expect(sandbox.aws("kms", "describe-key", "--key-id", "").stderr).toBe("\nParameter validation failed:\nInvalid length for parameter KeyId, value: 0, valid min length: 1\n");
    expect(sandbox.aws("kms", "tag-resource", "--key-id", keyId, "--tags", "Key=a,Value=b")).toMatchObject({
      exitCode: 252,
      stderr:
        '\nParameter validation failed:\nMissing required parameter in Tags[0]: "TagKey"\nMissing required parameter in Tags[0]: "TagValue"\nUnknown parameter in Tags[0]: "Key", must be one of: TagKey, TagValue\nUnknown parameter in Tags[0]: "Value", must be one of: TagKey, TagValue\n',
    });
  });

  it("252: a missing file:// or fileb:// file", () => {
    expect(sandbox.aws("kms", "encrypt", "--key-id", keyId, "--plaintext", "fileb://nofile.txt")).toMatchObject({
      exitCode: 252,
      stderr: "\nError parsing parameter '--plaintext': Unable to load paramfile fileb://nofile.txt: [Errno 2] No such file or directory: 'nofile.txt'\n",
    });
  });

  it("252: bad shorthand or JSON", () => {
    expect(sandbox.aws("secretsmanager", "rotate-secret", "--secret-id", "s", "--rotation-rules", "AutomaticallyAfterDays").stderr).toBe(
      "\nError parsing parameter '--rotation-rules': Expected: '=', received: 'EOF' for input:\nAutomaticallyAfterDays\n                      ^\n",
    );
    expect(sandbox.aws("secretsmanager", "rotate-secret", "--secret-id", "s", "--rotation-rules", "{bad json").stderr).toBe(
      "\nError parsing parameter '--rotation-rules': Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)\nJSON received: {bad json\n",
    );
  });

  it("255: a non-integer for an integer option, and a blob that is not base64", () => {
    expect(sandbox.aws("kms", "schedule-key-deletion", "--key-id", keyId, "--pending-window-in-days", "abc")).toMatchObject({ exitCode: 255, stderr: "\ninvalid literal for int() with base 10: 'abc'\n" });
    expect(sandbox.aws("secretsmanager", "rotate-secret", "--secret-id", "s", "--rotation-rules", "AutomaticallyAfterDays=abc").exitCode).toBe(255);
    expect(sandbox.aws("kms", "encrypt", "--key-id", keyId, "--plaintext", "Hello world")).toMatchObject({ exitCode: 255, stderr: '\nInvalid base64: "Hello world"\n' });
  });

  it("254: service errors, an empty message keeping the trailing space", () => {
    expect(sandbox.aws("kms", "schedule-key-deletion", "--key-id", keyId, "--pending-window-in-days", "3")).toMatchObject({ exitCode: 254, stdout: "" });
    expect(sandbox.aws("ssm", "get-parameter", "--name", "/nope")).toMatchObject({ exitCode: 254, stderr: "\nAn error occurred (ParameterNotFound) when calling the GetParameter operation: \n" });
  });

  it("255: a Region that does not exist (the endpoint's host cannot be reached)", () => {
    expect(sandbox.aws("kms", "list-keys", "--region", "moon-1")).toMatchObject({ exitCode: 255, stderr: '\nCould not connect to the endpoint URL: "https://kms.moon-1.amazonaws.com/"\n' });
  });

  it("252: a bad --query", () => {
    expect(sandbox.aws("kms", "list-keys", "--query", "Keys[")).toMatchObject({
      exitCode: 252,
      stderr: '\nBad value for --query Keys[: Invalid jmespath expression: Incomplete expression:\n"Keys["\n      ^\n',
    });
  });

  it("255: commands the real CLI has but the sandbox does not simulate say so, and never pretend", () => {
    const operation = sandbox.aws("kms", "derive-shared-secret", "--key-id", keyId, "--key-agreement-algorithm", "ECDH", "--public-key", "AAAA");
    expect(operation.exitCode).toBe(255);
    expect(operation.stderr).toContain("DeriveSharedSecret (aws kms derive-shared-secret) is part of the real AWS CLI, but the sandbox does not simulate it.");
    const service = sandbox.aws("s3", "ls");
    expect(service.exitCode).toBe(255);
    expect(service.stderr).toContain("aws s3: this is a command of the real AWS CLI, but the sandbox does not simulate it.");
    expect(sandbox.aws("ssm", "send-command").stderr).toContain("does not simulate it");
  });

  it("0 with nothing printed for an empty response", () => {
    expect(sandbox.aws("kms", "disable-key", "--key-id", keyId)).toMatchObject({ exitCode: 0, stdout: "", stderr: "" });
  });
});
