import { describe, expect, it } from "vitest";
import { expectError, get, put, sandbox, ssm } from "./helpers";

describe("DeleteParameter", () => {
  it("deletes every version and answers an empty body", () => {
    const box = sandbox();
    put(box, "/app/x", "one");
    put(box, "/app/x", "two", { Overwrite: true });
    expect(ssm(box, "DeleteParameter", { Name: "/app/x" })).toEqual({});
    expectError(() => get(box, "/app/x"), "ParameterNotFound", "");
    expectError(() => ssm(box, "GetParameterHistory", { Name: "/app/x" }), "ParameterNotFound", "");
  });

  it("answers ParameterNotFound with an empty message", () => {
    const box = sandbox();
    expectError(() => ssm(box, "DeleteParameter", { Name: "/nope" }), "ParameterNotFound", "");
  });

  it("lets the name be created again, starting at version 1 without the old tags", () => {
    const box = sandbox();
    put(box, "/app/x", "one", { Tags: [{ Key: "a", Value: "b" }] });
    put(box, "/app/x", "two", { Overwrite: true });
    ssm(box, "DeleteParameter", { Name: "/app/x" });
    expect(put(box, "/app/x", "again").Version).toBe(1);
    expect(ssm(box, "ListTagsForResource", { ResourceType: "Parameter", ResourceId: "/app/x" })).toEqual({ TagList: [] });
  });
});

describe("DeleteParameters", () => {
  it("deletes the names it finds and lists the others as invalid", () => {
    const box = sandbox();
    put(box, "/app/a", "a");
    put(box, "/app/b", "b");
    expect(ssm(box, "DeleteParameters", { Names: ["/app/a", "/app/missing", "/app/b"] })).toEqual({ DeletedParameters: ["/app/a", "/app/b"], InvalidParameters: ["/app/missing"] });
    expect(ssm(box, "DescribeParameters", {})).toEqual({ Parameters: [] });
  });

  it("takes 1 to 10 names", () => {
    const box = sandbox();
    expectError(() => ssm(box, "DeleteParameters", { Names: Array.from({ length: 11 }, (_, index) => `/p${index}`) }), "ValidationException", /at 'names' failed to satisfy constraint: Member must have length less than or equal to 10$/);
  });
});

describe("tags", () => {
  const list = (box: ReturnType<typeof sandbox>, id = "/app/x") => ssm(box, "ListTagsForResource", { ResourceType: "Parameter", ResourceId: id }).TagList;

  it("are set at creation, added, overwritten by key and removed", () => {
    const box = sandbox();
    put(box, "/app/x", "v", { Tags: [{ Key: "team", Value: "web" }] });
    expect(list(box)).toEqual([{ Key: "team", Value: "web" }]);
    expect(ssm(box, "AddTagsToResource", { ResourceType: "Parameter", ResourceId: "/app/x", Tags: [{ Key: "env", Value: "prod" }, { Key: "team", Value: "data" }] })).toEqual({});
    expect(list(box)).toEqual([{ Key: "team", Value: "data" }, { Key: "env", Value: "prod" }]);
    expect(ssm(box, "RemoveTagsFromResource", { ResourceType: "Parameter", ResourceId: "/app/x", TagKeys: ["team", "absent"] })).toEqual({});
    expect(list(box)).toEqual([{ Key: "env", Value: "prod" }]);
  });

  it("stay when a new version is written", () => {
    const box = sandbox();
    put(box, "/app/x", "v", { Tags: [{ Key: "team", Value: "web" }] });
    put(box, "/app/x", "w", { Overwrite: true });
    expect(list(box)).toEqual([{ Key: "team", Value: "web" }]);
  });

  it("are limited to 50 per parameter (TooManyTagsError)", () => {
    const box = sandbox();
    put(box, "/app/x", "v", { Tags: Array.from({ length: 50 }, (_, index) => ({ Key: `k${index}`, Value: "v" })) });
    expectError(() => ssm(box, "AddTagsToResource", { ResourceType: "Parameter", ResourceId: "/app/x", Tags: [{ Key: "one-more", Value: "v" }] }), "TooManyTagsError");
    expectError(() => put(box, "/app/y", "v", { Tags: Array.from({ length: 51 }, (_, index) => ({ Key: `k${index}`, Value: "v" })) }), "TooManyTagsError");
  });

  it("answer InvalidResourceId for a missing parameter or another resource type", () => {
    const box = sandbox();
    expectError(() => list(box, "/nope"), "InvalidResourceId");
    expectError(() => ssm(box, "ListTagsForResource", { ResourceType: "Document", ResourceId: "my-doc" }), "InvalidResourceId");
    expectError(() => ssm(box, "AddTagsToResource", { ResourceType: "ManagedInstance", ResourceId: "mi-1a2b3c4d5e6f", Tags: [{ Key: "a", Value: "b" }] }), "InvalidResourceId");
  });

  it("refuse an unknown resource type and malformed tags in the model's words", () => {
    const box = sandbox();
    put(box, "/app/x", "v");
    expectError(
      () => ssm(box, "ListTagsForResource", { ResourceType: "Bucket", ResourceId: "/app/x" }),
      "ValidationException",
      "1 validation error detected: Value 'Bucket' at 'resourceType' failed to satisfy constraint: Member must satisfy enum value set: [Association, Automation, OpsMetadata, OpsItem, PatchBaseline, Parameter, MaintenanceWindow, ManagedInstance, Document]",
    );
    expectError(() => ssm(box, "AddTagsToResource", { ResourceType: "Parameter", ResourceId: "/app/x", Tags: [{ Key: "", Value: "v" }] }), "ValidationException", /at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1/);
    expectError(() => ssm(box, "AddTagsToResource", { ResourceType: "Parameter", ResourceId: "/app/x", Tags: [{ Key: "a", Value: "x".repeat(257) }] }), "ValidationException", /at 'tags.1.member.value'/);
  });
});
