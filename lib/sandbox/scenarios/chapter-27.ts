import { putKey } from "../kms/world";
import { putRotationFunction } from "../lambda";
import { putDatabase } from "../rds";
import type { Scenario } from "./types";

/**
 * What chapter 27's commands assume, so that each runs verbatim and in
 * order as it would in AWS: account 123456789012 in us-east-1 as the admin
 * user, the key 1234abcd-12ab-34cd-56ef-1234567890ab (no alias yet: the
 * chapter creates alias/my-key), the rotation function MyRotationFunction
 * for the MySQL database mydb whose admin password is the secret's first
 * value, the SecureString /app/db/password that the EC2 user-data example
 * reads, and plaintext.txt to encrypt.
 */

export const CHAPTER_27_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
export const CHAPTER_27_DB_PASSWORD_PARAMETER = "/app/db/password";
/** The value of /app/db/password (the EC2 example reads it into DB_PASS). */
export const CHAPTER_27_APP_DB_PASSWORD = "Sandbox-Db-Passw0rd-27";
export const CHAPTER_27_PLAINTEXT = "Hello, KMS!\n";

export const chapter27Scenario: Scenario = {
  name: "chapter-27",
  description: "The key, rotation function, database, parameter and file that chapter 27's commands expect.",
  build(engine, fs) {
    putKey(engine, { keyId: CHAPTER_27_KEY_ID, description: "Key for the chapter 27 exercises" });
    // The database behind prod/database/credentials: the secret the chapter creates holds admin's password.
    putDatabase(engine, { identifier: "mydb", engine: "mysql", dbname: "mydb", users: { admin: "MyPassword123" }, master: "admin" });
    // The chapter's secret has no host or engine field, so the function is set up for mydb (FunctionRecord.database).
    putRotationFunction(engine, { name: "MyRotationFunction", strategy: "single-user", database: "mydb" });
    engine.call("ssm", "PutParameter", { Name: "/app/db/host", Value: "mydb.sandbox.us-east-1.rds.amazonaws.com", Type: "String", Description: "Database host read by the application" });
    engine.call("ssm", "PutParameter", {
      Name: CHAPTER_27_DB_PASSWORD_PARAMETER,
      Value: CHAPTER_27_APP_DB_PASSWORD,
      Type: "SecureString",
      Description: "Database password read by the EC2 user-data example",
    });
    fs.writeFile(`${fs.home}/plaintext.txt`, new TextEncoder().encode(CHAPTER_27_PLAINTEXT));
  },
};
