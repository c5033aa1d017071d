import { describe, expect, it } from "vitest";
import { completeAwsCli } from "@/lib/sandbox/cli";

describe("tab completion", () => {
  it("completes services, then the simulated commands of a service", () => {
    expect(completeAwsCli([], "")).toEqual(["kms", "secretsmanager", "ssm", "sts", "ec2", "lambda", "cloudformation", "cloudtrail", "help"]);
    expect(completeAwsCli([], "s")).toEqual(["secretsmanager", "ssm", "sts"]);
    expect(completeAwsCli(["kms"], "list-")).toEqual(["list-aliases", "list-grants", "list-key-policies", "list-key-rotations", "list-keys", "list-resource-tags", "list-retirable-grants"]);
    expect(completeAwsCli(["kms"], "create-g")).toEqual(["create-grant"]);
    expect(completeAwsCli(["kms"], "replicate")).toEqual(["replicate-key"]);
    expect(completeAwsCli(["kms"], "derive")).toEqual([]);
    expect(completeAwsCli(["ec2"], "run")).toEqual(["run-instances"]);
    expect(completeAwsCli(["ec2"], "create-v")).toEqual([]);
    expect(completeAwsCli(["s3api"], "")).toEqual([]);
  });

  it("completes the options of a command that are not used yet, and global options", () => {
    const options = completeAwsCli(["kms", "encrypt", "--key-id", "k"], "--");
    expect(options).toContain("--plaintext");
    expect(options).toContain("--encryption-context");
    expect(options).toContain("--output");
    expect(options).not.toContain("--key-id");
    expect(completeAwsCli(["ssm", "get-parameter"], "--with")).toEqual(["--with-decryption"]);
    expect(completeAwsCli(["ssm", "get-parameter", "--with-decryption"], "--no-w")).toEqual([]);
    expect(completeAwsCli(["kms", "list-keys", "--output", "json"], "--ou")).toEqual([]);
  });

  it("completes the valid values of the option just typed", () => {
    expect(completeAwsCli(["kms", "create-key", "--key-spec"], "ECC_N")).toEqual(["ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_NIST_EDWARDS25519"].filter((value) => completeAwsCli(["kms", "create-key", "--key-spec"], "").includes(value)));
    expect(completeAwsCli(["ssm", "put-parameter", "--type"], "")).toEqual(["String", "StringList", "SecureString"]);
    expect(completeAwsCli(["kms", "list-keys", "--output"], "t")).toEqual(["text", "table"]);
    expect(completeAwsCli(["--region"], "us-east")).toEqual(["us-east-1", "us-east-2"]);
    expect(completeAwsCli(["kms", "encrypt", "--plaintext"], "")).toEqual(["fileb://", "file://"]);
  });
});
