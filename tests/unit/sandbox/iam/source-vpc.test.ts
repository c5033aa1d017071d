import { describe, expect, it } from "vitest";
import { createEngine } from "@/lib/sandbox";
import { failure } from "../shared";

/**
 * aws:SourceVpc / aws:SourceVpce: the sandbox has no VPC endpoints, so its
 * requests come "from the internet" and never carry these keys. IAM's rule
 * for a missing key (IAM user guide, "Condition operators": a condition on a
 * key that is not present is false, but true for negated operators such as
 * StringNotEquals and for ...IfExists)
 * decides what policies that use them do.
 */
describe("aws:SourceVpc and aws:SourceVpce", () => {
  it("a Deny unless the request comes through the VPC endpoint blocks every sandbox request; IfExists does not", () => {
    const engine = createEngine({ seed: 5, now: "2026-01-01T00:00:00Z" });
    engine.call("ssm", "PutParameter", { Name: "/app/x", Value: "v", Type: "String" });
    const allowAll = { Effect: "Allow", Action: "ssm:*", Resource: "*" };
    engine.putUser("123456789012", "through-endpoint", {
      Policy: { Version: "2012-10-17", Statement: [allowAll, { Effect: "Deny", Action: "ssm:*", Resource: "*", Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } } }] },
    });
    engine.putUser("123456789012", "if-exists", {
      Policy: { Version: "2012-10-17", Statement: [allowAll, { Effect: "Deny", Action: "ssm:*", Resource: "*", Condition: { StringNotEqualsIfExists: { "aws:SourceVpc": "vpc-111bbb22" } } }] },
    });
    engine.putUser("123456789012", "allow-only-vpc", {
      Policy: { Version: "2012-10-17", Statement: [{ ...allowAll, Condition: { StringEquals: { "aws:SourceVpc": "vpc-111bbb22" } } }] },
    });
    const as = (name: string) => ({ as: { accountId: "123456789012", kind: "user" as const, name } });
    // StringNotEquals on a missing key: AWS treats the absent key as not equal, so the Deny applies.
    expect(failure(() => engine.call("ssm", "GetParameter", { Name: "/app/x" }, as("through-endpoint"))).code).toBe("AccessDeniedException");
    // ...IfExists on a missing key: the condition is true, the Deny applies too.
    expect(failure(() => engine.call("ssm", "GetParameter", { Name: "/app/x" }, as("if-exists"))).code).toBe("AccessDeniedException");
    // StringEquals on a missing key is false: the Allow does not apply.
    expect(failure(() => engine.call("ssm", "GetParameter", { Name: "/app/x" }, as("allow-only-vpc"))).code).toBe("AccessDeniedException");
  });
});
