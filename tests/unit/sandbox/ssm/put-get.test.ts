import { describe, expect, it } from "vitest";
import { ARN_PREFIX, START_SECONDS, expectError, get, put, sandbox, ssm } from "./helpers";

describe("PutParameter", () => {
  it("creates version 1 in the standard tier and answers Version and Tier", () => {
    const box = sandbox();
    expect(ssm(box, "PutParameter", { Name: "/app/url", Value: "https://example.com", Type: "String" })).toEqual({ Version: 1, Tier: "Standard" });
  });

  it("stores String and StringList values as given", () => {
    const box = sandbox();
    put(box, "/app/hosts", "a.example.com,b.example.com", { Type: "StringList" });
    expect(get(box, "/app/hosts")).toEqual({
      Name: "/app/hosts",
      Type: "StringList",
      Value: "a.example.com,b.example.com",
      Version: 1,
      LastModifiedDate: START_SECONDS,
      ARN: `${ARN_PREFIX}app/hosts`,
      DataType: "text",
    });
  });

  it("refuses an existing name without Overwrite (ParameterAlreadyExists) and changes nothing", () => {
    const box = sandbox();
    put(box, "/app/x", "one");
    expectError(
      () => put(box, "/app/x", "two"),
      "ParameterAlreadyExists",
      "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.",
    );
    expect(get(box, "/app/x")).toMatchObject({ Value: "one", Version: 1 });
  });

  it("adds a version with Overwrite, keeping the Type when it is left out", () => {
    const box = sandbox();
    put(box, "/app/x", "one", { Type: "StringList" });
    expect(ssm(box, "PutParameter", { Name: "/app/x", Value: "two", Overwrite: true })).toEqual({ Version: 2, Tier: "Standard" });
    expect(get(box, "/app/x")).toMatchObject({ Value: "two", Version: 2, Type: "StringList" });
  });

  it("creates with Overwrite when the name is new", () => {
    const box = sandbox();
    expect(put(box, "/app/new", "v", { Overwrite: true })).toEqual({ Version: 1, Tier: "Standard" });
  });

  it("needs a Type to create a parameter", () => {
    const box = sandbox();
    expectError(() => ssm(box, "PutParameter", { Name: "/app/x", Value: "v" }), "ValidationException", "A parameter type is required when you create a parameter.");
  });

  it("refuses an unknown Type with the model's enum message", () => {
    const box = sandbox();
    expectError(
      () => put(box, "/app/x", "v", { Type: "Foo" }),
      "ValidationException",
      "1 validation error detected: Value 'Foo' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]",
    );
  });

  it("refuses Tags together with Overwrite", () => {
    const box = sandbox();
    expectError(
      () => put(box, "/app/x", "v", { Overwrite: true, Tags: [{ Key: "team", Value: "web" }] }),
      "ValidationException",
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    );
  });

  it("refuses an empty value and a value over 32768 characters without showing the (sensitive) value", () => {
    const box = sandbox();
    expectError(() => put(box, "/app/x", ""), "ValidationException", "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1");
    expectError(
      () => put(box, "/app/x", "v".repeat(32769), { Tier: "Advanced" }),
      "ValidationException",
      "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length less than or equal to 32768",
    );
  });

  it("refuses a missing Value as a null member", () => {
    const box = sandbox();
    expectError(() => ssm(box, "PutParameter", { Name: "/app/x", Type: "String" }), "ValidationException", "1 validation error detected: Value null at 'value' failed to satisfy constraint: Member must not be null");
  });

  it("refuses to change the type of an existing parameter (HierarchyTypeMismatchException)", () => {
    const box = sandbox();
    put(box, "/app/x", "v");
    expectError(() => put(box, "/app/x", "w", { Type: "StringList", Overwrite: true }), "HierarchyTypeMismatchException");
    expect(get(box, "/app/x").Version).toBe(1);
  });

  it("checks the value against AllowedPattern, which later versions keep", () => {
    const box = sandbox();
    put(box, "/app/port", "8080", { AllowedPattern: "^\\d+$" });
    expectError(() => put(box, "/app/port", "eighty", { Overwrite: true }), "ParameterPatternMismatchException");
    expect(put(box, "/app/port", "81", { Overwrite: true }).Version).toBe(2);
    expectError(() => put(box, "/app/bad", "v", { AllowedPattern: "([" }), "InvalidAllowedPatternException");
  });

  it("answers a pattern with nested repetition against a long value at once (a JavaScript RegExp took seconds)", () => {
    const box = sandbox();
    const value = `${"a".repeat(100)}!`;
    expectError(() => put(box, "/app/redos", value, { AllowedPattern: "^(a+)+$" }), "ParameterPatternMismatchException");
    expect(put(box, "/app/ok", "a".repeat(100), { AllowedPattern: "^(a+)+$" }).Version).toBe(1);
  });

  it("keeps Description and shows it in DescribeParameters", () => {
    const box = sandbox();
    put(box, "/app/x", "v", { Description: "the x" });
    put(box, "/app/x", "w", { Overwrite: true });
    const [meta] = ssm(box, "DescribeParameters", {}).Parameters as Record<string, unknown>[];
    expect(meta).toMatchObject({ Name: "/app/x", Description: "the x", Version: 2 });
  });

  it("accepts the three data types and refuses others", () => {
    const box = sandbox();
    put(box, "/app/ami", "ami-12345678", { DataType: "aws:ec2:image" });
    expect(get(box, "/app/ami").DataType).toBe("aws:ec2:image");
    expectError(() => put(box, "/app/x", "v", { DataType: "Text" }), "ValidationException", "The following data type is not supported: Text (Data type names are all lowercase.)");
  });

  it("stamps the simulated time and the caller", () => {
    const box = sandbox();
    box.advanceClock(90_000);
    put(box, "/app/x", "v");
    expect(get(box, "/app/x").LastModifiedDate).toBe(START_SECONDS + 90);
    const [meta] = ssm(box, "DescribeParameters", {}).Parameters as Record<string, unknown>[];
    expect(meta?.LastModifiedUser).toBe("arn:aws:iam::123456789012:user/admin");
  });
});

describe("GetParameter", () => {
  it("answers ParameterNotFound with an empty message", () => {
    const box = sandbox();
    expectError(() => get(box, "/nope"), "ParameterNotFound", "");
  });

  it("reads a version with name:version and says so in Selector", () => {
    const box = sandbox();
    put(box, "/app/x", "one");
    put(box, "/app/x", "two", { Overwrite: true });
    expect(get(box, "/app/x:1")).toMatchObject({ Name: "/app/x", Value: "one", Version: 1, Selector: ":1" });
    expect(get(box, "/app/x")).not.toHaveProperty("Selector");
  });

  it("answers ParameterVersionNotFound for a version that does not exist", () => {
    const box = sandbox();
    put(box, "/app/x", "one");
    expectError(() => get(box, "/app/x:9"), "ParameterVersionNotFound", "Systems Manager could not find version 9 of /app/x. Verify the version and try again.");
  });

  it("reads a labelled version with name:label", () => {
    const box = sandbox();
    put(box, "/app/x", "one");
    put(box, "/app/x", "two", { Overwrite: true });
    ssm(box, "LabelParameterVersion", { Name: "/app/x", ParameterVersion: 1, Labels: ["prod"] });
    expect(get(box, "/app/x:prod")).toMatchObject({ Value: "one", Version: 1, Selector: ":prod" });
    expectError(() => get(box, "/app/x:staging"), "ParameterNotFound");
  });

  it("takes the parameter's ARN as its name, with or without a selector", () => {
    const box = sandbox();
    put(box, "/app/x", "one");
    put(box, "flat", "f");
    expect(get(box, `${ARN_PREFIX}app/x`).Value).toBe("one");
    expect(get(box, `${ARN_PREFIX}app/x:1`).Selector).toBe(":1");
    expect(get(box, `${ARN_PREFIX}flat`).Name).toBe("flat");
    // Another account's parameter: not shared with this one, so IAM refuses it.
    expectError(() => get(box, "arn:aws:ssm:us-east-1:999999999999:parameter/app/x"), "AccessDeniedException", /on this resource because the resource does not exist in this Region/);
    expectError(() => get(box, "arn:aws:ssm:eu-west-1:123456789012:parameter/app/x"), "ParameterNotFound");
  });

  it("ignores WithDecryption for String parameters", () => {
    const box = sandbox();
    put(box, "/app/x", "plain");
    expect(get(box, "/app/x", { WithDecryption: true }).Value).toBe("plain");
  });
});

describe("GetParameters", () => {
  it("returns the parameters it finds and lists the other names in InvalidParameters", () => {
    const box = sandbox();
    put(box, "/app/a", "A");
    put(box, "/app/b", "B");
    put(box, "/app/b", "B2", { Overwrite: true });
    const result = ssm(box, "GetParameters", { Names: ["/app/a", "/app/b:1", "/app/missing", "/app/b:7"] });
    expect((result.Parameters as Record<string, unknown>[]).map((p) => [p.Name, p.Value, p.Selector])).toEqual([
      ["/app/a", "A", undefined],
      ["/app/b", "B", ":1"],
    ]);
    expect(result.InvalidParameters).toEqual(["/app/missing", "/app/b:7"]);
  });

  it("answers empty lists rather than an error when nothing is found", () => {
    const box = sandbox();
    expect(ssm(box, "GetParameters", { Names: ["/x"] })).toEqual({ Parameters: [], InvalidParameters: ["/x"] });
  });

  it("takes 1 to 10 names", () => {
    const box = sandbox();
    const names = Array.from({ length: 11 }, (_, index) => `/p${index}`);
    expectError(
      () => ssm(box, "GetParameters", { Names: names }),
      "ValidationException",
      `1 validation error detected: Value '[${names.join(", ")}]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10`,
    );
    expectError(() => ssm(box, "GetParameters", { Names: [] }), "ValidationException", /Member must have length greater than or equal to 1$/);
  });
});
