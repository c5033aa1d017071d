import type { Scenario } from "./types";

/**
 * An application that stopped working, for the troubleshooting lab: the
 * faults the chapter lists as the common ones, each made the way it happens
 * in an account (someone disabled a key, scheduled another for deletion
 * while a secret still depended on it, deleted a secret; a password was
 * stored as a plain String). ~/app.sh makes the application's calls, so the
 * learner sees each error as the application gets it.
 */
export const BROKEN_APP_DB_PASSWORD = "Broken-App-Passw0rd-7";

const APP_SCRIPT = `# The application's start-up calls, as its code makes them.
echo "1/4 encrypting a record with alias/app-key"
aws kms encrypt --key-id alias/app-key --plaintext fileb://record.txt --query KeyId --output text || exit 1
echo "2/4 reading the database credentials (prod/db-creds)"
aws secretsmanager get-secret-value --secret-id prod/db-creds --query Name --output text || exit 2
echo "3/4 reading the payment provider's API key (prod/api-key)"
aws secretsmanager get-secret-value --secret-id prod/api-key --query Name --output text || exit 3
echo "4/4 reading the database password (/app/prod/db/password)"
test "$(aws ssm get-parameter --name /app/prod/db/password --with-decryption --query Parameter.Type --output text)" = SecureString || { echo "the password is not a SecureString: the security audit refuses to sign off" >&2; exit 4; }
echo "all good: the application starts"
`;

export const brokenAppScenario: Scenario = {
  name: "broken-app",
  description: "An application whose KMS key, secrets and parameter were broken in the ways the chapter lists (the troubleshooting lab).",
  build(engine, fs) {
    const key = (description: string, alias: string) => {
      const { KeyMetadata } = engine.call("kms", "CreateKey", { Description: description }) as { KeyMetadata: { KeyId: string } };
      engine.call("kms", "CreateAlias", { AliasName: alias, TargetKeyId: KeyMetadata.KeyId });
      return KeyMetadata.KeyId;
    };
    const appKey = key("Application data key", "alias/app-key");
    const secretsKey = key("Key for the application's secrets", "alias/secrets-key");
    engine.call("secretsmanager", "CreateSecret", { Name: "prod/db-creds", KmsKeyId: "alias/secrets-key", SecretString: JSON.stringify({ username: "app", password: BROKEN_APP_DB_PASSWORD }) });
    engine.call("secretsmanager", "CreateSecret", { Name: "prod/api-key", SecretString: "pk_live_51SandboxOnly" });
    engine.call("ssm", "PutParameter", { Name: "/app/prod/db/password", Value: BROKEN_APP_DB_PASSWORD, Type: "String", Description: "Database password read by the application" });
    // What went wrong, in the order it happened.
    engine.call("kms", "DisableKey", { KeyId: appKey });
    engine.call("kms", "ScheduleKeyDeletion", { KeyId: secretsKey, PendingWindowInDays: 7 });
    engine.call("secretsmanager", "DeleteSecret", { SecretId: "prod/api-key", RecoveryWindowInDays: 7 });
    fs.writeFile(`${fs.home}/record.txt`, new TextEncoder().encode("order 1001: 3 items\n"));
    fs.writeFile(`${fs.home}/app.sh`, new TextEncoder().encode(APP_SCRIPT));
  },
};
