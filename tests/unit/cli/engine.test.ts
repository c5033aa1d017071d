import { describe, expect, it } from "vitest";
import { createEngine } from "@/lib/sandbox";
import { cli } from "./helpers";

function base64Decode(text: string): Uint8Array {
  return Uint8Array.from(atob(text.trim()), (char) => char.charCodeAt(0));
}

/** The aws command over the real engine: the chapter's flows end to end. */
describe("aws over the sandbox engine", () => {
  it("encrypts a file and decrypts it back (encrypt | base64 --decode > encrypted.txt; decrypt fileb://)", () => {
    const sandbox = cli();
    sandbox.fs.writeFile("plaintext.txt", new TextEncoder().encode("Hello, KMS!\n"));
    const keyId = JSON.parse(sandbox.aws("kms", "create-key", "--description", "demo").stdout).KeyMetadata.KeyId as string;
    const encrypted = sandbox.aws("kms", "encrypt", "--key-id", keyId, "--plaintext", "fileb://plaintext.txt", "--query", "CiphertextBlob", "--output", "text");
    expect(encrypted.exitCode).toBe(0);
    expect(encrypted.stdout).toMatch(/^[A-Za-z0-9+/=]+\n$/);
    sandbox.fs.writeFile("encrypted.txt", base64Decode(encrypted.stdout));
    const decrypted = sandbox.aws("kms", "decrypt", "--ciphertext-blob", "fileb://encrypted.txt", "--query", "Plaintext", "--output", "text");
    expect(decrypted.exitCode).toBe(0);
    expect(new TextDecoder().decode(base64Decode(decrypted.stdout))).toBe("Hello, KMS!\n");
  });

  it("runs the key lifecycle: alias, rotation, scheduled deletion and its cancellation", () => {
    const sandbox = cli();
    const keyId = JSON.parse(sandbox.aws("kms", "create-key").stdout).KeyMetadata.KeyId as string;
    expect(sandbox.aws("kms", "create-alias", "--alias-name", "alias/demo", "--target-key-id", keyId)).toMatchObject({ exitCode: 0, stdout: "" });
    expect(sandbox.aws("kms", "list-aliases", "--key-id", keyId, "--query", "Aliases[].AliasName", "--output", "text").stdout).toBe("alias/demo\n");
    expect(sandbox.aws("kms", "enable-key-rotation", "--key-id", keyId).exitCode).toBe(0);
    expect(sandbox.aws("kms", "get-key-rotation-status", "--key-id", keyId, "--query", "KeyRotationEnabled", "--output", "text").stdout).toBe("True\n");
    const scheduled = JSON.parse(sandbox.aws("kms", "schedule-key-deletion", "--key-id", keyId, "--pending-window-in-days", "7").stdout);
    expect(scheduled).toMatchObject({ KeyState: "PendingDeletion", PendingWindowInDays: 7 });
    expect(scheduled.DeletionDate).toBe("2026-01-08T00:00:00+00:00");
    expect(sandbox.aws("kms", "cancel-key-deletion", "--key-id", keyId).exitCode).toBe(0);
    expect(sandbox.aws("kms", "describe-key", "--key-id", "alias/demo", "--query", "KeyMetadata.KeyState", "--output", "text").stdout).toBe("Disabled\n");
  });

  it("stores and reads a secret and a SecureString parameter", () => {
    const sandbox = cli();
    expect(sandbox.aws("secretsmanager", "create-secret", "--name", "MyTestSecret", "--secret-string", '{"password":"EXAMPLE"}').exitCode).toBe(0);
    expect(sandbox.aws("secretsmanager", "get-secret-value", "--secret-id", "MyTestSecret", "--query", "SecretString", "--output", "text").stdout).toBe('{"password":"EXAMPLE"}\n');
    expect(sandbox.aws("secretsmanager", "create-secret", "--name", "MyTestSecret", "--secret-string", "again")).toMatchObject({
      exitCode: 254,
      stderr: "\nAn error occurred (ResourceExistsException) when calling the CreateSecret operation: The operation failed because the secret MyTestSecret already exists.\n",
    });
    expect(sandbox.aws("ssm", "put-parameter", "--name", "/app/db/password", "--value", "s3cret", "--type", "SecureString").stdout).toBe('{\n    "Version": 1,\n    "Tier": "Standard"\n}\n');
    expect(sandbox.aws("ssm", "get-parameter", "--name", "/app/db/password", "--with-decryption", "--query", "Parameter.Value", "--output", "text").stdout).toBe("s3cret\n");
    expect(sandbox.aws("ssm", "get-parameter", "--name", "/app/db/password", "--query", "Parameter.Value", "--output", "text").stdout).not.toBe("s3cret\n");
  });

  it("pages through the engine's listings (--page-size, --max-items, --starting-token)", () => {
    const sandbox = cli();
    for (const name of ["/p/a", "/p/b", "/p/c"]) sandbox.aws("ssm", "put-parameter", "--name", name, "--value", "v", "--type", "String");
    const all = JSON.parse(sandbox.aws("ssm", "get-parameters-by-path", "--path", "/p", "--page-size", "1", "--query", "Parameters[].Name").stdout);
    expect(all).toEqual(["/p/a", "/p/b", "/p/c"]);
    const first = JSON.parse(sandbox.aws("ssm", "get-parameters-by-path", "--path", "/p", "--max-items", "2").stdout);
    expect(first.Parameters.map((parameter: { Name: string }) => parameter.Name)).toEqual(["/p/a", "/p/b"]);
    const rest = JSON.parse(sandbox.aws("ssm", "get-parameters-by-path", "--path", "/p", "--starting-token", first.NextToken).stdout);
    expect(rest.Parameters.map((parameter: { Name: string }) => parameter.Name)).toEqual(["/p/c"]);
  });

  it("says who the caller is", () => {
    expect(JSON.parse(cli().aws("sts", "get-caller-identity").stdout)).toMatchObject({ Account: "123456789012", Arn: "arn:aws:iam::123456789012:user/admin" });
  });

  it("works with any engine instance it is given, in its Region", () => {
    const engine = createEngine({ seed: 99, now: "2030-06-01T12:00:00.250Z", region: "eu-west-1" });
    const sandbox = cli({ engine, env: {} });
    const created = JSON.parse(sandbox.aws("kms", "create-key").stdout).KeyMetadata;
    expect(created.Arn).toMatch(/^arn:aws:kms:eu-west-1:/);
    expect(created.CreationDate).toBe("2030-06-01T12:00:00.250000+00:00");
    expect(engine.call("kms", "ListKeys", {}, { region: "eu-west-1" }).Keys).toHaveLength(1);
  });
});
