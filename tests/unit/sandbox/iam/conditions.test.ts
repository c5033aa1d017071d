import { describe, expect, it } from "vitest";
import { evaluateCondition, evaluateConditions } from "@/lib/sandbox/iam/conditions";
import type { Context } from "@/lib/sandbox/iam/match";
import type { ConditionValue } from "@/lib/sandbox/iam/model";

const holds = (operator: string, key: string, value: ConditionValue, context: Context) => evaluateCondition(operator, key, value, context, undefined).holds;

describe("string operators", () => {
  const ctx = { "kms:ViaService": "ssm.us-east-1.amazonaws.com" };

  it("StringEquals compares exactly, and several values are OR'd", () => {
    expect(holds("StringEquals", "kms:ViaService", "ssm.us-east-1.amazonaws.com", ctx)).toBe(true);
    expect(holds("StringEquals", "kms:ViaService", "SSM.us-east-1.amazonaws.com", ctx)).toBe(false);
    expect(holds("StringEquals", "kms:ViaService", ["secretsmanager.us-east-1.amazonaws.com", "ssm.us-east-1.amazonaws.com"], ctx)).toBe(true);
  });

  it("StringNotEquals holds only when the value is none of those listed", () => {
    expect(holds("StringNotEquals", "kms:ViaService", "secretsmanager.us-east-1.amazonaws.com", ctx)).toBe(true);
    expect(holds("StringNotEquals", "kms:ViaService", ["secretsmanager.us-east-1.amazonaws.com", "ssm.us-east-1.amazonaws.com"], ctx)).toBe(false);
  });

  it("StringEqualsIgnoreCase and StringNotEqualsIgnoreCase ignore case", () => {
    expect(holds("StringEqualsIgnoreCase", "kms:ViaService", "SSM.US-EAST-1.AMAZONAWS.COM", ctx)).toBe(true);
    expect(holds("StringNotEqualsIgnoreCase", "kms:ViaService", "SSM.US-EAST-1.AMAZONAWS.COM", ctx)).toBe(false);
  });

  it("StringLike and StringNotLike use * and ? wildcards", () => {
    expect(holds("StringLike", "kms:ViaService", "ssm.*.amazonaws.com", ctx)).toBe(true);
    expect(holds("StringLike", "kms:ViaService", "ssm.us-east-?.amazonaws.com", ctx)).toBe(true);
    expect(holds("StringNotLike", "kms:ViaService", "ssm.*", ctx)).toBe(false);
    expect(holds("StringNotLike", "kms:ViaService", "secretsmanager.*", ctx)).toBe(true);
  });

  it("treats condition key names case-insensitively", () => {
    expect(holds("StringEquals", "KMS:viaservice", "ssm.us-east-1.amazonaws.com", ctx)).toBe(true);
  });
});

describe("ARN operators", () => {
  const ctx = { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/AppServer" };
  it("ArnEquals and ArnLike accept wildcards per component; the Not forms negate", () => {
    expect(holds("ArnEquals", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/AppServer", ctx)).toBe(true);
    expect(holds("ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:role/App*", ctx)).toBe(true);
    expect(holds("ArnNotEquals", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/Other", ctx)).toBe(true);
    expect(holds("ArnNotLike", "aws:PrincipalArn", "arn:aws:iam::*:role/App*", ctx)).toBe(false);
  });
});

describe("numeric operators", () => {
  const ctx = { "secretsmanager:RecoveryWindowInDays": 7 };
  it.each([
    ["NumericEquals", "7", true],
    ["NumericEquals", "30", false],
    ["NumericNotEquals", "30", true],
    ["NumericLessThan", "7", false],
    ["NumericLessThan", "8", true],
    ["NumericLessThanEquals", "7", true],
    ["NumericGreaterThan", "6", true],
    ["NumericGreaterThan", "7", false],
    ["NumericGreaterThanEquals", "7", true],
  ] as const)("%s %s against 7 is %s", (operator, value, expected) => {
    expect(holds(operator, "secretsmanager:RecoveryWindowInDays", value, ctx)).toBe(expected);
  });

  it("never matches a value that is not a number", () => {
    expect(holds("NumericLessThan", "secretsmanager:RecoveryWindowInDays", "seven", ctx)).toBe(false);
  });
});

describe("date, Bool, IP and binary operators", () => {
  it("Date operators compare ISO 8601 times and epoch seconds", () => {
    const ctx = { "aws:CurrentTime": "2026-01-15T12:00:00Z" };
    expect(holds("DateLessThan", "aws:CurrentTime", "2026-02-01T00:00:00Z", ctx)).toBe(true);
    expect(holds("DateGreaterThan", "aws:CurrentTime", "2026-02-01T00:00:00Z", ctx)).toBe(false);
    expect(holds("DateGreaterThanEquals", "aws:CurrentTime", String(Date.parse("2026-01-15T12:00:00Z") / 1000), ctx)).toBe(true);
  });

  it("Bool compares true/false whether the request holds a boolean or its text", () => {
    expect(holds("Bool", "aws:SecureTransport", "true", { "aws:SecureTransport": true })).toBe(true);
    expect(holds("Bool", "aws:SecureTransport", "false", { "aws:SecureTransport": "true" })).toBe(false);
    expect(holds("Bool", "kms:GrantIsForAWSResource", true, { "kms:GrantIsForAWSResource": "TRUE" })).toBe(true);
  });

  it("IpAddress tests CIDR membership and NotIpAddress negates it", () => {
    const ctx = { "aws:SourceIp": "203.0.113.42" };
    expect(holds("IpAddress", "aws:SourceIp", "203.0.113.0/24", ctx)).toBe(true);
    expect(holds("IpAddress", "aws:SourceIp", "198.51.100.0/24", ctx)).toBe(false);
    expect(holds("NotIpAddress", "aws:SourceIp", "198.51.100.0/24", ctx)).toBe(true);
  });
});

describe("a key missing from the request", () => {
  const none = {};
  it("makes positive operators false", () => {
    expect(holds("StringEquals", "kms:ViaService", "ssm.us-east-1.amazonaws.com", none)).toBe(false);
    expect(holds("NumericLessThan", "x:n", "5", none)).toBe(false);
    expect(holds("Bool", "aws:SecureTransport", "false", none)).toBe(false);
  });

  it("makes negated operators true", () => {
    expect(holds("StringNotEquals", "kms:ViaService", "ssm.us-east-1.amazonaws.com", none)).toBe(true);
    expect(holds("ArnNotLike", "aws:SourceArn", "arn:aws:*", none)).toBe(true);
  });

  it("makes ...IfExists operators true, while a present key is still tested", () => {
    expect(holds("StringEqualsIfExists", "kms:ViaService", "ssm.us-east-1.amazonaws.com", none)).toBe(true);
    expect(holds("StringEqualsIfExists", "kms:ViaService", "ssm.us-east-1.amazonaws.com", { "kms:ViaService": "ec2.us-east-1.amazonaws.com" })).toBe(false);
  });

  it("is what Null tests: true means absent, false means present", () => {
    expect(holds("Null", "kms:ViaService", "true", none)).toBe(true);
    expect(holds("Null", "kms:ViaService", "false", none)).toBe(false);
    expect(holds("Null", "kms:ViaService", "false", { "kms:ViaService": "ssm.us-east-1.amazonaws.com" })).toBe(true);
  });

  it("is reported in the trace as (missing)", () => {
    const outcome = evaluateCondition("StringEquals", "kms:ViaService", "ssm.us-east-1.amazonaws.com", none, undefined);
    expect(outcome.detail).toBe("condition StringEquals kms:ViaService: expected ssm.us-east-1.amazonaws.com, got (missing)");
  });
});

describe("multivalued keys: ForAnyValue and ForAllValues", () => {
  const tags = { "aws:TagKeys": ["Project", "Owner"] };

  it("ForAnyValue holds when at least one request value matches", () => {
    expect(holds("ForAnyValue:StringEquals", "aws:TagKeys", ["Owner", "CostCenter"], tags)).toBe(true);
    expect(holds("ForAnyValue:StringEquals", "aws:TagKeys", ["CostCenter"], tags)).toBe(false);
  });

  it("ForAllValues holds when every request value matches one of the policy values", () => {
    expect(holds("ForAllValues:StringEquals", "aws:TagKeys", ["Project", "Owner", "CostCenter"], tags)).toBe(true);
    expect(holds("ForAllValues:StringEquals", "aws:TagKeys", ["Project"], tags)).toBe(false);
  });

  it("ForAllValues holds vacuously for an absent key; ForAnyValue does not", () => {
    expect(holds("ForAllValues:StringEquals", "aws:TagKeys", ["Project"], {})).toBe(true);
    expect(holds("ForAnyValue:StringEquals", "aws:TagKeys", ["Project"], {})).toBe(false);
  });

  it("combines with negated operators value by value", () => {
    expect(holds("ForAnyValue:StringNotEquals", "aws:TagKeys", ["Project"], tags)).toBe(true);
    expect(holds("ForAllValues:StringNotEquals", "aws:TagKeys", ["Project"], tags)).toBe(false);
    expect(holds("ForAllValues:StringNotLike", "aws:TagKeys", ["Secret*"], tags)).toBe(true);
  });

  it("combines with IfExists", () => {
    expect(holds("ForAnyValue:StringEqualsIfExists", "aws:TagKeys", ["Project"], {})).toBe(true);
  });
});

describe("a whole Condition block", () => {
  it("ANDs several keys and several operators, and reports the first that fails", () => {
    const block = {
      StringEquals: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com", "kms:CallerAccount": "111122223333" },
      Bool: { "aws:SecureTransport": "true" },
    };
    const context = { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com", "kms:CallerAccount": "111122223333", "aws:SecureTransport": true };
    expect(evaluateConditions(block, context, undefined).holds).toBe(true);
    const failed = evaluateConditions(block, { ...context, "kms:CallerAccount": "444455556666" }, undefined);
    expect(failed.holds).toBe(false);
    expect(failed.details).toEqual(["condition StringEquals kms:CallerAccount: expected 111122223333, got 444455556666"]);
  });

  it("marks an unknown operator, which makes the statement not apply", () => {
    const result = evaluateConditions({ StringEqualz: { "kms:ViaService": "x" } }, { "kms:ViaService": "x" }, undefined);
    expect(result.holds).toBe(false);
    expect(result.unknownOperator).toBe(true);
    expect(result.details[0]).toContain("unknown condition operator StringEqualz");
  });

  it("resolves policy variables in condition values when asked to", () => {
    const context = { "aws:username": "alice", "secretsmanager:Name": "alice/token" };
    expect(evaluateConditions({ StringLike: { "secretsmanager:Name": "${aws:username}/*" } }, context, context).holds).toBe(true);
    expect(evaluateConditions({ StringLike: { "secretsmanager:Name": "${aws:username}/*" } }, context, undefined).holds).toBe(false);
  });
});
