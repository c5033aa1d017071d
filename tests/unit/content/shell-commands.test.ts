import { describe, expect, it } from "vitest";
import { awsCommandLines } from "@/lib/content/shell-commands";

describe("finding aws commands in shell blocks", () => {
  it("joins backslash continuations into one logical command", () => {
    const code = ["# Create key", "aws kms create-key \\", '    --description "My encryption key" \\', "    --origin AWS_KMS"].join("\n");
    expect(awsCommandLines(code)).toEqual(['aws kms create-key --description "My encryption key" --origin AWS_KMS']);
  });

  it("finds commands inside $(...) and after a prompt, and ignores comments and other programs", () => {
    const code = ["#!/bin/bash", 'DB_PASS=$(aws ssm get-parameter \\', '    --name "/app/db/password" \\', "    --query Parameter.Value --output text)", "$ aws kms list-keys", "echo done", "# aws kms in a comment"].join("\n");
    expect(awsCommandLines(code)).toEqual([
      'DB_PASS=$(aws ssm get-parameter --name "/app/db/password" --query Parameter.Value --output text)',
      "aws kms list-keys",
    ]);
  });

  it("keeps pipelines whole", () => {
    expect(awsCommandLines("aws kms encrypt --key-id alias/k --plaintext fileb://p --output text --query CiphertextBlob | base64 --decode > e")).toHaveLength(1);
  });
});
