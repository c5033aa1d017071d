import { describe, expect, it } from "vitest";
import type { Sandbox } from "@/lib/sandbox/index";
import { ARN_PREFIX, START_SECONDS, expectError, put, sandbox, ssm } from "./helpers";

function fixture(box: Sandbox): void {
  put(box, "/app/url", "u", { Description: "site" });
  put(box, "/app/db/host", "h", { Tags: [{ Key: "team", Value: "data" }] });
  put(box, "/app/db/port", "5432", { AllowedPattern: "^\\d+$", Tags: [{ Key: "team", Value: "platform" }] });
  put(box, "/app/hosts", "a,b", { Type: "StringList" });
  put(box, "/web/big", "x".repeat(5000), { Tier: "Advanced" });
  put(box, "/web/ami", "ami-12345678", { DataType: "aws:ec2:image" });
  put(box, "flat", "f");
}

const describeNames = (box: Sandbox, input: Record<string, unknown> = {}) =>
  (ssm(box, "DescribeParameters", { MaxResults: 50, ...input } as never).Parameters as Record<string, unknown>[]).map((parameter) => parameter.Name);

describe("DescribeParameters", () => {
  it("lists metadata in name order, without values", () => {
    const box = sandbox();
    fixture(box);
    const result = ssm(box, "DescribeParameters", { MaxResults: 50 });
    const parameters = result.Parameters as Record<string, unknown>[];
    expect(parameters.map((parameter) => parameter.Name)).toEqual(["/app/db/host", "/app/db/port", "/app/hosts", "/app/url", "/web/ami", "/web/big", "flat"]);
    expect(parameters.find((parameter) => parameter.Name === "/app/db/port")).toEqual({
      Name: "/app/db/port",
      ARN: `${ARN_PREFIX}app/db/port`,
      Type: "String",
      LastModifiedDate: START_SECONDS,
      LastModifiedUser: "arn:aws:iam::123456789012:user/admin",
      AllowedPattern: "^\\d+$",
      Version: 1,
      Tier: "Standard",
      Policies: [],
      DataType: "text",
    });
    for (const parameter of parameters) expect(parameter).not.toHaveProperty("Value");
  });

  it("pages with MaxResults (1-50, default 10) and NextToken", () => {
    const box = sandbox();
    for (let index = 0; index < 25; index++) put(box, `/p/${String(index).padStart(2, "0")}`, "v");
    const first = ssm(box, "DescribeParameters", {});
    expect((first.Parameters as unknown[]).length).toBe(10);
    const second = ssm(box, "DescribeParameters", { NextToken: first.NextToken, MaxResults: 50 });
    expect((second.Parameters as unknown[]).length).toBe(15);
    expect(second).not.toHaveProperty("NextToken");
    expectError(() => ssm(box, "DescribeParameters", { MaxResults: 51 }), "ValidationException", /Member must have value less than or equal to 50$/);
    expectError(() => ssm(box, "DescribeParameters", { NextToken: first.NextToken && "x" + String(first.NextToken) }), "InvalidNextToken");
  });

  it("filters by Name with Equals, BeginsWith and Contains, with or without the leading slash", () => {
    const box = sandbox();
    fixture(box);
    const name = (Option: string, Values: string[]) => describeNames(box, { ParameterFilters: [{ Key: "Name", Option, Values }] });
    expect(name("Equals", ["/app/url"])).toEqual(["/app/url"]);
    expect(name("Equals", ["app/url"])).toEqual(["/app/url"]);
    expect(name("BeginsWith", ["/app/db"])).toEqual(["/app/db/host", "/app/db/port"]);
    expect(name("Contains", ["host"])).toEqual(["/app/db/host", "/app/hosts"]);
    expect(name("Equals", ["/flat"])).toEqual(["flat"]);
  });

  it("filters by Path one level (the default) or recursively", () => {
    const box = sandbox();
    fixture(box);
    const path = (Values: string[], Option?: string) => describeNames(box, { ParameterFilters: [{ Key: "Path", Values, ...(Option ? { Option } : {}) }] });
    expect(path(["/app"])).toEqual(["/app/hosts", "/app/url"]);
    expect(path(["/app"], "Recursive")).toEqual(["/app/db/host", "/app/db/port", "/app/hosts", "/app/url"]);
    expect(path(["/"])).toEqual(["flat"]);
    expectError(() => path(["/app"], "Equals"), "InvalidFilterOption", "The following filter option is not valid: Equals. Valid options include: [Recursive, OneLevel].");
    expectError(
      () => path(["/aws/service"]),
      "ValidationException",
      'Filters for common parameters can\'t be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.',
    );
    expectError(() => path(["app"]), "ValidationException", /^The parameter doesn't meet the parameter name requirements/);
  });

  it("filters by Type, KeyId, Tier, DataType and tag:<key>", () => {
    const box = sandbox();
    fixture(box);
    const filter = (Key: string, Values?: string[], Option?: string) =>
      describeNames(box, { ParameterFilters: [{ Key, ...(Values ? { Values } : {}), ...(Option ? { Option } : {}) }] });
    expect(filter("Type", ["StringList"])).toEqual(["/app/hosts"]);
    expect(filter("Tier", ["Advanced"])).toEqual(["/web/big"]);
    expect(filter("Tier", ["Intelligent-Tiering"])).toEqual([]);
    expect(filter("DataType", ["aws:ec2:image"])).toEqual(["/web/ami"]);
    expect(filter("KeyId", ["alias/aws/ssm"])).toEqual([]);
    expect(filter("tag:team", ["data"])).toEqual(["/app/db/host"]);
    expect(filter("tag:team", ["plat"], "BeginsWith")).toEqual(["/app/db/port"]);
    expect(filter("tag:team")).toEqual(["/app/db/host", "/app/db/port"]);
    expectError(() => filter("Tier", ["Premium"]), "InvalidFilterValue", "The following filter value is not valid: Premium. Valid values include: [Standard, Advanced, Intelligent-Tiering].");
  });

  it("combines filters (all must match)", () => {
    const box = sandbox();
    fixture(box);
    expect(describeNames(box, { ParameterFilters: [{ Key: "Path", Option: "Recursive", Values: ["/app"] }, { Key: "tag:team", Values: ["platform"] }] })).toEqual(["/app/db/port"]);
  });

  it("refuses Label, which only GetParametersByPath takes", () => {
    const box = sandbox();
    expectError(
      () => ssm(box, "DescribeParameters", { ParameterFilters: [{ Key: "Label", Values: ["prod"] }] }),
      "InvalidFilterKey",
      "The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].",
    );
  });

  it("takes the deprecated Filters (Name by prefix, Type, KeyId), but not with ParameterFilters", () => {
    const box = sandbox();
    fixture(box);
    expect(describeNames(box, { Filters: [{ Key: "Name", Values: ["/app/db"] }] })).toEqual(["/app/db/host", "/app/db/port"]);
    expect(describeNames(box, { Filters: [{ Key: "Type", Values: ["StringList"] }] })).toEqual(["/app/hosts"]);
    expectError(
      () => ssm(box, "DescribeParameters", { Filters: [{ Key: "Type", Values: ["String"] }], ParameterFilters: [{ Key: "Type", Values: ["String"] }] }),
      "ValidationException",
      "You can use either Filters or ParameterFilters in a single request.",
    );
    expectError(
      () => ssm(box, "DescribeParameters", { Filters: [{ Key: "Tier", Values: ["Standard"] }] }),
      "ValidationException",
      "1 validation error detected: Value 'Tier' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [KeyId, Type, Name]",
    );
  });

  it("lists no shared parameters (none are shared with the sandbox's accounts)", () => {
    const box = sandbox();
    fixture(box);
    expect(ssm(box, "DescribeParameters", { Shared: true })).toEqual({ Parameters: [] });
  });
});
