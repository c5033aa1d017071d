import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSandbox, databaseLogin } from "@/lib/sandbox";
import { CHAPTER_27_APP_DB_PASSWORD, CHAPTER_27_KEY_ID } from "@/lib/sandbox/scenarios";

/** Named starting states. chapter-27 holds what the chapter's commands assume, so each runs verbatim, in order. */

const SEED_COMMANDS = readFileSync(new URL("../../fixtures/seed-aws-commands.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"));

function chapter27() {
  return createSandbox({ scenario: "chapter-27", seed: 27, now: "2026-03-01T12:00:00Z" });
}

describe("the empty scenario", () => {
  it("has the default accounts and nothing else", () => {
    const session = createSandbox({ scenario: "empty", seed: 1 });
    expect(session.runSync("aws kms list-keys --output text").stdout).toBe("");
    expect(session.runSync("aws ssm describe-parameters --output text").stdout).toBe("");
    expect(session.runSync("ls -A").stdout).toBe("");
    expect(session.runSync("aws sts get-caller-identity --query Arn --output text").stdout).toBe("arn:aws:iam::123456789012:user/admin\n");
  });
});

describe("the chapter-27 scenario", () => {
  it("is account 123456789012 in us-east-1, as the admin user", () => {
    const session = chapter27();
    expect(session.runSync("aws sts get-caller-identity --query '[Account, Arn]' --output text").stdout).toBe("123456789012\tarn:aws:iam::123456789012:user/admin\n");
    expect(session.engine.region).toBe("us-east-1");
  });

  it("has the symmetric key 1234abcd-12ab-34cd-56ef-1234567890ab, enabled, without an alias", () => {
    const session = chapter27();
    const key = JSON.parse(session.runSync(`aws kms describe-key --key-id ${CHAPTER_27_KEY_ID}`).stdout).KeyMetadata;
    expect(key).toMatchObject({
      KeyId: CHAPTER_27_KEY_ID,
      Arn: `arn:aws:kms:us-east-1:123456789012:key/${CHAPTER_27_KEY_ID}`,
      Description: "Key for the chapter 27 exercises",
      KeySpec: "SYMMETRIC_DEFAULT",
      KeyUsage: "ENCRYPT_DECRYPT",
      KeyState: "Enabled",
    });
    expect(session.runSync(`aws kms list-aliases --key-id ${CHAPTER_27_KEY_ID} --query Aliases --output json`).stdout).toBe("[]\n");
  });

  it("has the SecureString /app/db/password that the EC2 user-data example reads", () => {
    const session = chapter27();
    expect(session.runSync("aws ssm get-parameter --name /app/db/password --query Parameter.Type --output text").stdout).toBe("SecureString\n");
    session.runSync('DB_PASS=$(aws ssm get-parameter --name "/app/db/password" --with-decryption --query Parameter.Value --output text)');
    expect(session.runSync("echo $DB_PASS").stdout).toBe(`${CHAPTER_27_APP_DB_PASSWORD}\n`);
  });

  it("has plaintext.txt in the home directory", () => {
    expect(chapter27().runSync("cat ~/plaintext.txt").stdout).toBe("Hello, KMS!\n");
  });

  it("has MyRotationFunction for the database mydb, whose admin password is MyPassword123", () => {
    const session = chapter27();
    expect(databaseLogin(session.engine, "mydb", "admin", "MyPassword123")).toBe(true);
    expect(session.engine.peek().accounts["123456789012"]?.regions["us-east-1"]?.lambda.functions["MyRotationFunction"]).toMatchObject({ strategy: "single-user", database: "mydb" });
  });

  it("runs every aws command of the chapter verbatim, in order, as AWS would", () => {
    const session = chapter27();
    const results = SEED_COMMANDS.map((command) => ({ command, ...session.runSync(command) }));
    const status = (fragment: string) => results.find((result) => result.command.includes(fragment))?.exitCode;
    // Everything succeeds but two Parameter Store calls, because schedule-key-deletion put alias/my-key's key
    // in PendingDeletion before they run: AWS refuses the SecureString, so there is nothing to read back.
    const failures = results.filter((result) => result.exitCode !== 0).map((result) => result.command);
    expect(failures).toEqual([
      'aws ssm put-parameter --name "/my-app/prod/database/password" --value "MySecurePassword123" --type SecureString --key-id alias/my-key --description "Database password"',
      'aws ssm get-parameter --name "/my-app/prod/database/password" --with-decryption',
    ]);
    expect(results.find((result) => result.command.includes("--type SecureString"))?.stderr).toContain("KMSInvalidStateException");
    expect(status("get-parameter --name \"/my-app/prod/database/password\"")).toBe(254);
    for (const result of results) expect(result.stderr === "" || result.exitCode !== 0).toBe(true);

    // The encrypt | base64 --decode > encrypted.txt and decrypt round trip.
    expect(session.runSync("cat decrypted.txt").stdout).toBe("Hello, KMS!\n");
    expect(session.fs.stat("encrypted.txt")?.size).toBeGreaterThan(12);
    // The key is pending deletion with rotation enabled; alias/my-key points at it. While it is pending deletion
    // its rotation status is false (API reference, GetKeyRotationStatus); cancelling the deletion restores it.
    expect(session.runSync(`aws kms describe-key --key-id alias/my-key --query 'KeyMetadata.[KeyId,KeyState]' --output text`).stdout).toBe(`${CHAPTER_27_KEY_ID}\tPendingDeletion\n`);
    expect(session.runSync(`aws kms get-key-rotation-status --key-id ${CHAPTER_27_KEY_ID} --query KeyRotationEnabled`).stdout).toBe("false\n");
    // The rotation really changed the database password: the last value no longer logs in, the new current one does.
    const secret = JSON.parse(JSON.parse(session.runSync('aws secretsmanager get-secret-value --secret-id "prod/database/credentials"').stdout).SecretString);
    expect(secret.username).toBe("admin");
    expect(secret.password).not.toBe("NewPassword456");
    expect(databaseLogin(session.engine, "mydb", "admin", secret.password)).toBe(true);
    expect(databaseLogin(session.engine, "mydb", "admin", "MyPassword123")).toBe(false);
    // The secret was restored after delete-secret; the host parameter was overwritten then deleted.
    expect(session.runSync('aws secretsmanager describe-secret --secret-id "prod/database/credentials" --query DeletedDate --output text').stdout).toBe("None\n");
    expect(session.runSync('aws ssm get-parameter --name "/my-app/prod/database/host"').exitCode).toBe(254);
    // The last command read the EC2 example's parameter into DB_PASS.
    expect(session.runSync("echo $DB_PASS").stdout).toBe(`${CHAPTER_27_APP_DB_PASSWORD}\n`);
  });
});

describe("the broken-app scenario", () => {
  it("starts with the four faults of the troubleshooting lab, each failing as AWS fails", () => {
    const session = createSandbox({ scenario: "broken-app", seed: 3, now: "2026-03-01T12:00:00Z" });
    const state = (command: string) => session.runSync(command).stdout.trim();
    expect(state("aws kms describe-key --key-id alias/app-key --query KeyMetadata.KeyState --output text")).toBe("Disabled");
    expect(state("aws kms describe-key --key-id alias/secrets-key --query KeyMetadata.KeyState --output text")).toBe("PendingDeletion");
    expect(state("aws secretsmanager describe-secret --secret-id prod/api-key --query 'DeletedDate != null'")).toBe("true");
    expect(state("aws ssm get-parameter --name /app/prod/db/password --query Parameter.Type --output text")).toBe("String");
    const app = session.runSync("bash app.sh");
    expect(app.exitCode).toBe(1);
    expect(app.stderr).toMatch(/^\nAn error occurred \(DisabledException\) when calling the Encrypt operation: arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]{36} is disabled\.\n$/);
  });
});
