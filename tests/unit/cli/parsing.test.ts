import { describe, expect, it } from "vitest";
import { recordingCli } from "./helpers";

/** How command lines become requests: the AWS CLI v2's rules (AWS-CLI.md §1). */
describe("aws <service> <command> [options]", () => {
  it("maps kebab-case commands and options to the model's names", () => {
    const cli = recordingCli();
    expect(cli.sent("ssm", "get-parameters-by-path", "--path", "/app")).toEqual({ Path: "/app" });
    expect(cli.calls.at(-1)).toMatchObject({ service: "ssm", operation: "GetParametersByPath" });
    expect(cli.sent("secretsmanager", "rotate-secret", "--secret-id", "s", "--rotation-lambda-arn", "arn:x")).toMatchObject({ SecretId: "s", RotationLambdaARN: "arn:x" });
  });

  it("takes options anywhere, global ones before the service too, and --opt=value", () => {
    const cli = recordingCli();
    expect(cli.sent("--region", "eu-west-1", "kms", "describe-key", "--key-id=abc")).toEqual({ KeyId: "abc" });
    expect(cli.calls.at(-1)!.region).toBe("eu-west-1");
  });

  it("accepts a unique prefix of an option, as argparse does", () => {
    expect(recordingCli().sent("kms", "describe-key", "--key", "abc")).toEqual({ KeyId: "abc" });
  });

  it("reads the Region from --region, then AWS_REGION, then AWS_DEFAULT_REGION, then the engine's default", () => {
    const env = recordingCli(undefined, { env: { AWS_REGION: "eu-west-2", AWS_DEFAULT_REGION: "eu-west-3" } });
    env.sent("kms", "list-keys", "--no-paginate");
    expect(env.calls.at(-1)!.region).toBe("eu-west-2");
    const fallback = recordingCli(undefined, { env: { AWS_DEFAULT_REGION: "eu-west-3" } });
    fallback.sent("kms", "list-keys", "--no-paginate");
    expect(fallback.calls.at(-1)!.region).toBe("eu-west-3");
    const none = recordingCli(undefined, { env: {} });
    none.sent("kms", "list-keys", "--no-paginate");
    expect(none.calls.at(-1)!.region).toBe("us-east-1");
  });
});

describe("blob parameters", () => {
  it("sends a literal that is already base64 as it is", () => {
    expect(recordingCli().sent("kms", "encrypt", "--key-id", "k", "--plaintext", "SGVsbG8=")).toMatchObject({ Plaintext: "SGVsbG8=" });
  });

  it("refuses a literal that is not base64 (exit 255), unless --cli-binary-format raw-in-base64-out", () => {
    const cli = recordingCli();
    expect(cli.aws("kms", "encrypt", "--key-id", "k", "--plaintext", "Hello world")).toMatchObject({ exitCode: 255, stderr: '\nInvalid base64: "Hello world"\n' });
    expect(cli.calls).toHaveLength(0);
    expect(cli.sent("kms", "encrypt", "--key-id", "k", "--plaintext", "Hello", "--cli-binary-format", "raw-in-base64-out")).toMatchObject({ Plaintext: "SGVsbG8=" });
  });

  it("sends a fileb:// file's raw bytes, and a file:// file's text base64-decoded (the v2 pitfall)", () => {
    const cli = recordingCli();
    cli.fs.writeFile("plain.txt", new TextEncoder().encode("Hello, KMS!\n"));
    expect(cli.sent("kms", "encrypt", "--key-id", "k", "--plaintext", "fileb://plain.txt")).toMatchObject({ Plaintext: "SGVsbG8sIEtNUyEK" });
    expect(cli.sent("kms", "encrypt", "--key-id", "k", "--plaintext", "file://plain.txt")).toMatchObject({ Plaintext: "HelloKMS" });
  });

  it("reads binary files byte for byte", () => {
    const cli = recordingCli();
    cli.fs.writeFile("/home/learner/blob.bin", new Uint8Array([0, 255, 128, 10]));
    expect(cli.sent("kms", "decrypt", "--ciphertext-blob", "fileb://~/blob.bin")).toMatchObject({ CiphertextBlob: "AP+ACg==" });
  });
});

describe("structures, lists and maps", () => {
  it("parses shorthand for a structure, with numbers converted by the model", () => {
    expect(recordingCli().sent("secretsmanager", "rotate-secret", "--secret-id", "s", "--rotation-rules", "AutomaticallyAfterDays=30")).toMatchObject({ RotationRules: { AutomaticallyAfterDays: 30 } });
  });

  it("parses shorthand for a list of structures, one value each", () => {
    expect(recordingCli().sent("secretsmanager", "tag-resource", "--secret-id", "s", "--tags", "Key=a,Value=b", "Key=c,Value=d")).toEqual({
      SecretId: "s",
      Tags: [
        { Key: "a", Value: "b" },
        { Key: "c", Value: "d" },
      ],
    });
  });

  it("parses shorthand for a map", () => {
    expect(recordingCli().sent("kms", "encrypt", "--key-id", "k", "--plaintext", "SGk=", "--encryption-context", "purpose=test,team=a")).toMatchObject({
      EncryptionContext: { purpose: "test", team: "a" },
    });
  });

  it("takes a single shorthand value where the model wants a list (Values=/app/)", () => {
    expect(recordingCli().sent("ssm", "describe-parameters", "--parameter-filters", "Key=Name,Option=BeginsWith,Values=/app/", "--no-paginate")).toMatchObject({
      ParameterFilters: [{ Key: "Name", Option: "BeginsWith", Values: ["/app/"] }],
    });
  });

  it("takes JSON for structures, lists and maps", () => {
    const cli = recordingCli();
    expect(cli.sent("secretsmanager", "rotate-secret", "--secret-id", "s", "--rotation-rules", '{"ScheduleExpression": "rate(10 days)"}')).toMatchObject({ RotationRules: { ScheduleExpression: "rate(10 days)" } });
    expect(cli.sent("ssm", "get-parameters", "--names", '["a", "b"]')).toEqual({ Names: ["a", "b"] });
    expect(cli.sent("kms", "encrypt", "--key-id", "k", "--plaintext", "SGk=", "--encryption-context", '{"a": "1"}')).toMatchObject({ EncryptionContext: { a: "1" } });
  });

  it("takes several values for a list option", () => {
    expect(recordingCli().sent("ssm", "get-parameters", "--names", "a", "b", "c")).toEqual({ Names: ["a", "b", "c"] });
  });

  it("reads any parameter from file://", () => {
    const cli = recordingCli();
    cli.fs.writeFile("policy.json", new TextEncoder().encode('{"Version":"2012-10-17"}\n'));
    expect(cli.sent("kms", "put-key-policy", "--key-id", "k", "--policy", "file://policy.json")).toMatchObject({ Policy: '{"Version":"2012-10-17"}\n' });
  });
});

describe("booleans and numbers", () => {
  it("has a --x / --no-x pair for each boolean", () => {
    const cli = recordingCli();
    expect(cli.sent("ssm", "get-parameters-by-path", "--path", "/", "--recursive", "--no-paginate")).toMatchObject({ Recursive: true });
    expect(cli.sent("ssm", "get-parameters-by-path", "--path", "/", "--no-recursive", "--no-paginate")).toMatchObject({ Recursive: false });
    expect(cli.sent("ssm", "get-parameters-by-path", "--path", "/", "--no-paginate")).not.toHaveProperty("Recursive");
  });

  it("treats a value after a boolean flag as an unknown option", () => {
    expect(recordingCli().aws("ssm", "get-parameter", "--name", "/x", "--with-decryption", "true")).toMatchObject({ exitCode: 252, stderr: expect.stringContaining("Unknown options: true") });
  });

  it("sends integers as numbers and rejects text (exit 255)", () => {
    const cli = recordingCli();
    expect(cli.sent("kms", "schedule-key-deletion", "--key-id", "k", "--pending-window-in-days", "7")).toMatchObject({ PendingWindowInDays: 7 });
    expect(cli.aws("kms", "schedule-key-deletion", "--key-id", "k", "--pending-window-in-days", "abc")).toMatchObject({ exitCode: 255, stderr: "\ninvalid literal for int() with base 10: 'abc'\n" });
  });
});

describe("idempotency tokens", () => {
  it("fills ClientRequestToken from the engine's seeded randomness when none is given", () => {
    const cli = recordingCli();
    expect(cli.sent("secretsmanager", "create-secret", "--name", "n", "--secret-string", "v")).toMatchObject({ ClientRequestToken: "00000000-0000-4000-8000-000000000001" });
    expect(cli.sent("secretsmanager", "put-secret-value", "--secret-id", "n", "--secret-string", "v", "--client-request-token", "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE")).toMatchObject({
      ClientRequestToken: "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE",
    });
    expect(cli.sent("kms", "describe-key", "--key-id", "k")).not.toHaveProperty("ClientRequestToken");
  });
});

describe("--cli-input-json and --generate-cli-skeleton", () => {
  it("reads parameters from JSON or a file; the command line wins", () => {
    const cli = recordingCli();
    expect(cli.sent("kms", "describe-key", "--cli-input-json", '{"KeyId": "a"}')).toEqual({ KeyId: "a" });
    cli.fs.writeFile("input.json", new TextEncoder().encode('{"KeyId": "from-file", "GrantTokens": ["g"]}'));
    expect(cli.sent("kms", "describe-key", "--cli-input-json", "file://input.json", "--key-id", "from-cli")).toEqual({ KeyId: "from-cli", GrantTokens: ["g"] });
  });

  it("prints an input skeleton without calling the service", () => {
    const cli = recordingCli();
    const result = cli.aws("ssm", "get-parameter", "--generate-cli-skeleton");
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ Name: "", WithDecryption: true });
    expect(cli.calls).toHaveLength(0);
  });
});

describe("pagination", () => {
  it("follows NextToken and merges the pages, without the paging members", () => {
    const pages = [{ Parameters: [{ Name: "/a" }], NextToken: "t1" }, { Parameters: [{ Name: "/b" }] }];
    const cli = recordingCli(() => pages.shift() ?? {});
    const result = cli.aws("ssm", "get-parameters-by-path", "--path", "/");
    expect(JSON.parse(result.stdout)).toEqual({ Parameters: [{ Name: "/a" }, { Name: "/b" }] });
    expect(cli.calls.map((call) => call.input)).toEqual([{ Path: "/" }, { Path: "/", NextToken: "t1" }]);
  });

  it("shows the raw page with --no-paginate", () => {
    const cli = recordingCli(() => ({ Parameters: [], NextToken: "t1" }));
    expect(JSON.parse(cli.aws("ssm", "get-parameters-by-path", "--path", "/", "--no-paginate").stdout)).toEqual({ Parameters: [], NextToken: "t1" });
  });
});

describe("global options the sandbox accepts", () => {
  it("accepts --endpoint-url, --profile, --no-verify-ssl, --no-cli-pager, --color and the timeouts without changing the call", () => {
    const cli = recordingCli();
    expect(
      cli.sent("kms", "describe-key", "--key-id", "k", "--endpoint-url", "http://localhost:4566", "--profile", "dev", "--no-verify-ssl", "--no-cli-pager", "--color", "off", "--cli-read-timeout", "5", "--cli-connect-timeout", "0", "--no-sign-request", "--ca-bundle", "x.pem"),
    ).toEqual({ KeyId: "k" });
  });

  it("prints the request and response on stderr with --debug", () => {
    const result = recordingCli(() => ({ KeyMetadata: { KeyId: "k" } })).aws("kms", "describe-key", "--key-id", "k", "--debug");
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('sandbox debug: kms.DescribeKey request {"KeyId": "k"}');
  });

  it("prints a version line with --version, and help when 'help' ends a command", () => {
    const cli = recordingCli();
    expect(cli.aws("--version")).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^aws-cli\/2\..*\n$/) });
    expect(cli.aws("kms", "list-keys", "--limit", "5", "help")).toMatchObject({ exitCode: 0, stdout: expect.stringContaining("LIST-KEYS") });
    expect(cli.calls).toHaveLength(0);
  });

  it("prints a YAML input skeleton marking required members and valid values", () => {
    const result = recordingCli().aws("kms", "encrypt", "--generate-cli-skeleton", "yaml-input");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("KeyId: '' # [REQUIRED]\nPlaintext: !!binary '' # [REQUIRED]\nEncryptionContext:\n  KeyName: ''\nGrantTokens:\n- ''\n");
    expect(result.stdout).toContain("EncryptionAlgorithm: SYMMETRIC_DEFAULT # Valid values are: SYMMETRIC_DEFAULT,");
  });

  it("reads --cli-input-yaml", () => {
    expect(recordingCli().sent("kms", "describe-key", "--cli-input-yaml", "KeyId: abc\nGrantTokens:\n- g\n")).toEqual({ KeyId: "abc", GrantTokens: ["g"] });
  });
});
