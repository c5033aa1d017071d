import { describe, expect, it } from "vitest";
import { ARN_PREFIX, expectError, get, put, sandbox, ssm } from "./helpers";

/**
 * Parameter names (API reference, PutParameter "Naming Constraints";
 * AWS-CLI.md 4.1; real AWS messages quoted in GitHub issues).
 */

const INVALID_NAME =
  'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';

describe("parameter names", () => {
  it("accept letters, digits, _ . - and / for hierarchies, and are case-sensitive", () => {
    const box = sandbox();
    put(box, "/Dev/DBServer/MySQL/db-string_13.v2", "a");
    put(box, "/dev/dbserver/mysql/db-string_13.v2", "b");
    put(box, "plain-name", "c");
    expect(get(box, "/Dev/DBServer/MySQL/db-string_13.v2").Value).toBe("a");
    expect(get(box, "/dev/dbserver/mysql/db-string_13.v2").Value).toBe("b");
    expect(get(box, "plain-name").Value).toBe("c");
  });

  it("have ARNs without the leading slash: arn:aws:ssm:<region>:<account>:parameter/<name>", () => {
    const box = sandbox();
    put(box, "/app/db/host", "h");
    put(box, "flat", "f");
    expect(get(box, "/app/db/host").ARN).toBe(`${ARN_PREFIX}app/db/host`);
    expect(get(box, "flat").ARN).toBe(`${ARN_PREFIX}flat`);
  });

  it("lose leading and trailing spaces", () => {
    const box = sandbox();
    put(box, "  /app/trimmed  ", "v");
    expect(get(box, "/app/trimmed").Name).toBe("/app/trimmed");
    expect(get(box, " /app/trimmed ").Value).toBe("v");
  });

  it.each([
    ["an inner space", "/app/my param"],
    ["a character outside a-zA-Z0-9_.-/", "/myPrefix/xmpt/support@gmail.com"],
    ["braces", "{test}-test"],
    ["a hierarchy without a leading slash", "xxx/yyy"],
    ["an empty level", "/app//x"],
    ["a trailing slash", "/app/"],
  ])("are refused with AWS's one ValidationException text for %s", (_case, name) => {
    const box = sandbox();
    expectError(() => put(box, name, "v"), "ValidationException", INVALID_NAME);
  });

  it("refuse the same malformed names on reads (GetParameter)", () => {
    const box = sandbox();
    expectError(() => get(box, "{test}-test"), "ValidationException", INVALID_NAME);
  });

  it.each(["/aws/test", "awslimitschecker", "/AWS/x", "/awssec/lab01/vpc_id", "Aws-cdk-playground"])(
    "reserve the aws prefix (any case) with AccessDeniedException: %s",
    (name) => {
      const box = sandbox();
      expectError(() => put(box, name, "v"), "AccessDeniedException", `No access to reserved parameter name: ${name.replace(/^\//, "")}.`);
    },
  );

  it("reserve the aws prefix for DeleteParameter too", () => {
    const box = sandbox();
    expectError(() => ssm(box, "DeleteParameter", { Name: "aws-cdk-playground" }), "AccessDeniedException", "No access to reserved parameter name: aws-cdk-playground.");
  });

  it("let reads look under /aws (AWS's public parameters), which the sandbox does not have", () => {
    const box = sandbox();
    expectError(() => get(box, "/aws/service/ami-amazon-linux-latest/x"), "ParameterNotFound", "");
  });

  it.each(["/ssm/x", "ssmconfig", "/SSM/x"])("reserve the ssm prefix with the ValidationException: %s", (name) => {
    const box = sandbox();
    expectError(() => put(box, name, "v"), "ValidationException", INVALID_NAME);
  });

  it("allow 15 levels and refuse 16 with HierarchyLevelLimitExceededException", () => {
    const box = sandbox();
    const levels = (count: number) => "/" + Array.from({ length: count }, (_, index) => `l${index + 1}`).join("/");
    expect(put(box, levels(15), "v")).toEqual({ Version: 1, Tier: "Standard" });
    expectError(() => put(box, levels(16), "v"), "HierarchyLevelLimitExceededException", "A hierarchy can have a maximum of 15 levels");
  });

  it("count 1011 characters with the ARN prefix (45 characters in us-east-1)", () => {
    const box = sandbox();
    const prefix = ARN_PREFIX.length; // arn:aws:ssm:us-east-1:123456789012:parameter/
    expect(prefix).toBe(45);
    const longest = "/" + "n".repeat(1011 - prefix);
    expect(put(box, longest, "v").Version).toBe(1);
    const error = expectError(() => put(box, `${longest}n`, "v"), "ValidationException");
    expect(error.message).toContain("Member must have length less than or equal to 966");
  });

  it("keep /a/b and /a/b/c apart: a parameter and a child of the same name coexist", () => {
    const box = sandbox();
    put(box, "/a/b", "leaf");
    put(box, "/a/b/c", "child");
    expect(get(box, "/a/b").Value).toBe("leaf");
    expect(get(box, "/a/b/c").Value).toBe("child");
  });

  it("refuse more than 2048 characters in the model's words", () => {
    const box = sandbox();
    expectError(() => put(box, "/" + "x".repeat(2048), "v"), "ValidationException", /at 'name' failed to satisfy constraint: Member must have length less than or equal to 2048$/);
  });
});
