import { describe, expect, it } from "vitest";
import type { Sandbox } from "@/lib/sandbox/index";
import { expectError, put, sandbox, ssm } from "./helpers";

const INVALID_PATH =
  'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can\'t be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.';

function tree(box: Sandbox): void {
  put(box, "/app/url", "u");
  put(box, "/app/db/host", "h");
  put(box, "/app/db/port", "5432");
  put(box, "/app/db/replica/host", "r");
  put(box, "/app-other/x", "o");
  put(box, "/app.x/y", "dot");
  put(box, "/web/url", "w");
  put(box, "flat", "f");
}

const names = (result: Record<string, unknown>) => (result.Parameters as Record<string, unknown>[]).map((parameter) => parameter.Name);

function byPath(box: Sandbox, input: Record<string, unknown>): Record<string, unknown> {
  return ssm(box, "GetParametersByPath", input as never);
}

describe("GetParametersByPath", () => {
  it("returns one level below the path by default, in name order", () => {
    const box = sandbox();
    tree(box);
    expect(names(byPath(box, { Path: "/app" }))).toEqual(["/app/url"]);
    expect(names(byPath(box, { Path: "/app/db" }))).toEqual(["/app/db/host", "/app/db/port"]);
    expect(names(byPath(box, { Path: "/app/db/" }))).toEqual(["/app/db/host", "/app/db/port"]);
  });

  it("returns every level with Recursive, and nothing outside the path", () => {
    const box = sandbox();
    tree(box);
    expect(names(byPath(box, { Path: "/app", Recursive: true }))).toEqual(["/app/db/host", "/app/db/port", "/app/db/replica/host", "/app/url"]);
  });

  it("treats / as the root, where names without a leading slash also live", () => {
    const box = sandbox();
    tree(box);
    put(box, "/rooted", "r");
    expect(names(byPath(box, { Path: "/" }))).toEqual(["/rooted", "flat"]);
  });

  it("returns the full parameter with its ARN", () => {
    const box = sandbox();
    tree(box);
    const [parameter] = byPath(box, { Path: "/web" }).Parameters as Record<string, unknown>[];
    expect(parameter).toEqual({
      Name: "/web/url",
      Type: "String",
      Value: "w",
      Version: 1,
      LastModifiedDate: expect.any(Number),
      ARN: "arn:aws:ssm:us-east-1:123456789012:parameter/web/url",
      DataType: "text",
    });
  });

  it("answers an empty list for a path with nothing under it (including a parameter's own name)", () => {
    const box = sandbox();
    tree(box);
    expect(byPath(box, { Path: "/nothing" })).toEqual({ Parameters: [] });
    expect(byPath(box, { Path: "/app/url" })).toEqual({ Parameters: [] });
  });

  it("pages with MaxResults (1-10, default 10) and NextToken, without gaps or repeats", () => {
    const box = sandbox();
    for (let index = 0; index < 23; index++) put(box, `/many/p${String(index).padStart(2, "0")}`, "v");
    const first = byPath(box, { Path: "/many" });
    expect(names(first)).toHaveLength(10);
    const seen: unknown[] = [];
    let token: unknown;
    do {
      const page = byPath(box, { Path: "/many", MaxResults: 4, ...(token ? { NextToken: token } : {}) });
      seen.push(...names(page));
      token = page.NextToken;
    } while (token);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, index) => `/many/p${String(index).padStart(2, "0")}`));
    expectError(() => byPath(box, { Path: "/many", MaxResults: 11 }), "ValidationException", /Member must have value less than or equal to 10$/);
    expectError(() => byPath(box, { Path: "/many", MaxResults: 0 }), "ValidationException", /Member must have value greater than or equal to 1$/);
  });

  it("gives no NextToken when the last page is exactly full", () => {
    const box = sandbox();
    for (let index = 0; index < 4; index++) put(box, `/four/p${index}`, "v");
    expect(byPath(box, { Path: "/four", MaxResults: 4 })).not.toHaveProperty("NextToken");
  });

  it("refuses a token it did not issue", () => {
    const box = sandbox();
    tree(box);
    expectError(() => byPath(box, { Path: "/app", NextToken: "garbage" }), "InvalidNextToken", "The specified token isn't valid.");
  });

  it("filters by Type and KeyId with Equals or BeginsWith", () => {
    const box = sandbox();
    tree(box);
    put(box, "/app/list", "a,b", { Type: "StringList" });
    const filter = (Key: string, Values: string[], Option?: string) => names(byPath(box, { Path: "/app", Recursive: true, ParameterFilters: [{ Key, Values, ...(Option ? { Option } : {}) }] }));
    expect(filter("Type", ["StringList"])).toEqual(["/app/list"]);
    expect(filter("Type", ["String"], "BeginsWith")).toHaveLength(5);
    expect(filter("KeyId", ["alias/aws/ssm"])).toEqual([]);
  });

  it("filters by Label and returns the labelled version", () => {
    const box = sandbox();
    put(box, "/app/a", "a1");
    put(box, "/app/a", "a2", { Overwrite: true });
    put(box, "/app/b", "b1");
    ssm(box, "LabelParameterVersion", { Name: "/app/a", ParameterVersion: 1, Labels: ["prod"] });
    const result = byPath(box, { Path: "/app", ParameterFilters: [{ Key: "Label", Values: ["prod"] }] });
    expect((result.Parameters as Record<string, unknown>[]).map((p) => [p.Name, p.Value, p.Version])).toEqual([["/app/a", "a1", 1]]);
    expectError(() => byPath(box, { Path: "/app", ParameterFilters: [{ Key: "Label", Option: "BeginsWith", Values: ["p"] }] }), "InvalidFilterOption", "The following filter option is not valid: BeginsWith. Valid options include: [Equals].");
  });

  it("refuses the filter keys DescribeParameters takes but it does not", () => {
    const box = sandbox();
    for (const key of ["Name", "Path", "Tier", "DataType", "tag:team"]) {
      expectError(
        () => byPath(box, { Path: "/app", ParameterFilters: [{ Key: key, Values: ["x"] }] }),
        "InvalidFilterKey",
        `The following filter key is not valid: ${key}. Valid filter keys include: [Type, KeyId].`,
      );
    }
  });

  it("refuses an unknown filter key in the model's words", () => {
    const box = sandbox();
    expectError(
      () => byPath(box, { Path: "/app", ParameterFilters: [{ Key: "Colour", Values: ["x"] }] }),
      "ValidationException",
      "1 validation error detected: Value 'Colour' at 'parameterFilters.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType",
    );
  });

  it("refuses bad filter options, values and duplicates", () => {
    const box = sandbox();
    const call = (filters: unknown[]) => () => byPath(box, { Path: "/app", ParameterFilters: filters });
    expectError(call([{ Key: "Type", Option: "Contains", Values: ["String"] }]), "InvalidFilterOption", "The following filter option is not valid: Contains. Valid options include: [BeginsWith, Equals].");
    expectError(call([{ Key: "Type", Values: ["Secret"] }]), "InvalidFilterValue", "The following filter value is not valid: Secret. Valid values include: [String, StringList, SecureString].");
    expectError(call([{ Key: "Type" }]), "InvalidFilterValue", "The following filter values are missing : null for filter key Type.");
    expectError(call([{ Key: "Type", Values: ["String"] }, { Key: "Type", Values: ["StringList"] }]), "InvalidFilterKey", "The following filter is duplicated in the request: Type. A request can contain only one occurrence of a specific filter.");
  });

  it.each(["app", "/app//db", "/app/db name", "/ssm/x"])("refuses the malformed path %s", (path) => {
    const box = sandbox();
    expectError(() => byPath(box, { Path: path }), "ValidationException", INVALID_PATH);
  });

  it("accepts paths under /aws (public parameters), finding none in the sandbox", () => {
    const box = sandbox();
    expect(byPath(box, { Path: "/aws/service/global-infrastructure" })).toEqual({ Parameters: [] });
  });

  it("pages through 1,000 parameters among 3,000 quickly (a sorted index, not a scan per call)", () => {
    const box = sandbox();
    for (let index = 0; index < 1000; index++) put(box, `/bench/${index % 10}/p${index}`, "v");
    for (let index = 0; index < 2000; index++) put(box, `/other/p${index}`, "v");
    const run = () => {
      let count = 0;
      let token: unknown;
      do {
        const page = byPath(box, { Path: "/bench", Recursive: true, ...(token ? { NextToken: token } : {}) });
        count += (page.Parameters as unknown[]).length;
        token = page.NextToken;
      } while (token);
      return count;
    };
    expect(run()).toBe(1000);
    const started = performance.now();
    const calls = 20;
    for (let index = 0; index < calls; index++) run();
    // 100 pages of 10 per run; generous bound so the check is not flaky on a busy machine.
    expect((performance.now() - started) / calls).toBeLessThan(50);
  });
});
