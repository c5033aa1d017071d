import { describe, expect, it } from "vitest";
import { createKey, expectAwsError, newSandbox } from "./helpers";

describe("TagResource, UntagResource and ListResourceTags", () => {
  it("adds, replaces, lists and removes tags", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expect(
      sandbox.call("kms", "TagResource", {
        KeyId: keyId,
        Tags: [
          { TagKey: "team", TagValue: "payments" },
          { TagKey: "env", TagValue: "dev" },
        ],
      }),
    ).toEqual({});
    sandbox.call("kms", "TagResource", { KeyId: keyId, Tags: [{ TagKey: "env", TagValue: "prod" }] });
    expect(sandbox.call("kms", "ListResourceTags", { KeyId: keyId })).toEqual({
      Tags: [
        { TagKey: "team", TagValue: "payments" },
        { TagKey: "env", TagValue: "prod" },
      ],
      Truncated: false,
    });
    expect(sandbox.call("kms", "UntagResource", { KeyId: keyId, TagKeys: ["team", "absent"] })).toEqual({});
    expect(sandbox.call("kms", "ListResourceTags", { KeyId: keyId }).Tags).toEqual([{ TagKey: "env", TagValue: "prod" }]);
  });

  it("paginates", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "TagResource", { KeyId: keyId, Tags: ["a", "b", "c"].map((key) => ({ TagKey: key, TagValue: "" })) });
    const first = sandbox.call("kms", "ListResourceTags", { KeyId: keyId, Limit: 2 });
    expect(first).toMatchObject({ Truncated: true });
    expect(sandbox.call("kms", "ListResourceTags", { KeyId: keyId, Marker: first.NextMarker as string })).toEqual({ Tags: [{ TagKey: "c", TagValue: "" }], Truncated: false });
  });

  it("checks tag keys and values with the model's constraints", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(
      () => sandbox.call("kms", "TagResource", { KeyId: keyId, Tags: [{ TagKey: "", TagValue: "v" }] }),
      "ValidationException",
      "1 validation error detected: Value '' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expectAwsError(() => sandbox.call("kms", "TagResource", { KeyId: keyId, Tags: [{ TagKey: "k" }] }), "ValidationException", /at 'tags.1.member.tagValue' failed to satisfy constraint: Member must not be null/);
  });

  it("refuses the reserved aws: prefix and more than 50 tags with TagException", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(() => sandbox.call("kms", "TagResource", { KeyId: keyId, Tags: [{ TagKey: "aws:created", TagValue: "x" }] }), "TagException");
    const many = Array.from({ length: 51 }, (_, index) => ({ TagKey: `k${index}`, TagValue: "v" }));
    expectAwsError(() => sandbox.call("kms", "TagResource", { KeyId: keyId, Tags: many }), "TagException");
    expect(sandbox.call("kms", "ListResourceTags", { KeyId: keyId }).Tags).toEqual([]);
  });

  it("accepts only a key id or key ARN", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId });
    expectAwsError(() => sandbox.call("kms", "ListResourceTags", { KeyId: "alias/app" }), "NotFoundException", "Invalid keyId 'alias/app'");
    expect(sandbox.call("kms", "ListResourceTags", { KeyId: arn }).Tags).toEqual([]);
  });
});
