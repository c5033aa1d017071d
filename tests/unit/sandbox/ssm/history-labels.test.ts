import { describe, expect, it } from "vitest";
import type { Sandbox } from "@/lib/sandbox/index";
import { START_SECONDS, expectError, put, sandbox, ssm } from "./helpers";

function threeVersions(box: Sandbox): void {
  put(box, "/app/x", "one", { Description: "first" });
  box.advanceClock(1000);
  put(box, "/app/x", "two", { Overwrite: true });
  box.advanceClock(1000);
  put(box, "/app/x", "three", { Overwrite: true });
}

const history = (box: Sandbox, input: Record<string, unknown> = {}) => ssm(box, "GetParameterHistory", { Name: "/app/x", ...input } as never);
const labelsByVersion = (box: Sandbox) => (history(box).Parameters as Record<string, unknown>[]).map((version) => [version.Version, version.Labels]);

describe("GetParameterHistory", () => {
  it("lists every version oldest first, with values and labels", () => {
    const box = sandbox();
    threeVersions(box);
    const parameters = history(box).Parameters as Record<string, unknown>[];
    expect(parameters.map((version) => [version.Version, version.Value, version.LastModifiedDate])).toEqual([
      [1, "one", START_SECONDS],
      [2, "two", START_SECONDS + 1],
      [3, "three", START_SECONDS + 2],
    ]);
    expect(parameters[0]).toEqual({
      Name: "/app/x",
      Type: "String",
      LastModifiedDate: START_SECONDS,
      LastModifiedUser: "arn:aws:iam::123456789012:user/admin",
      Description: "first",
      Value: "one",
      Version: 1,
      Labels: [],
      Tier: "Standard",
      Policies: [],
      DataType: "text",
    });
  });

  it("pages with MaxResults (1-50) and NextToken", () => {
    const box = sandbox();
    threeVersions(box);
    const first = history(box, { MaxResults: 2 });
    expect((first.Parameters as Record<string, unknown>[]).map((version) => version.Version)).toEqual([1, 2]);
    const second = history(box, { MaxResults: 2, NextToken: first.NextToken });
    expect((second.Parameters as Record<string, unknown>[]).map((version) => version.Version)).toEqual([3]);
    expect(second).not.toHaveProperty("NextToken");
    expectError(() => history(box, { MaxResults: 51 }), "ValidationException", /Member must have value less than or equal to 50$/);
  });

  it("answers ParameterNotFound with an empty message", () => {
    const box = sandbox();
    expectError(() => history(box), "ParameterNotFound", "");
  });

  it("takes the parameter's ARN", () => {
    const box = sandbox();
    threeVersions(box);
    expect((ssm(box, "GetParameterHistory", { Name: "arn:aws:ssm:us-east-1:123456789012:parameter/app/x" }).Parameters as unknown[]).length).toBe(3);
  });
});

describe("LabelParameterVersion", () => {
  it("labels the latest version by default and answers ParameterVersion and InvalidLabels", () => {
    const box = sandbox();
    threeVersions(box);
    expect(ssm(box, "LabelParameterVersion", { Name: "/app/x", Labels: ["prod"] })).toEqual({ InvalidLabels: [], ParameterVersion: 3 });
    expect(labelsByVersion(box)).toEqual([[1, []], [2, []], [3, ["prod"]]]);
  });

  it("moves a label from one version to another", () => {
    const box = sandbox();
    threeVersions(box);
    ssm(box, "LabelParameterVersion", { Name: "/app/x", ParameterVersion: 1, Labels: ["prod", "stable"] });
    ssm(box, "LabelParameterVersion", { Name: "/app/x", ParameterVersion: 2, Labels: ["prod"] });
    expect(labelsByVersion(box)).toEqual([[1, ["stable"]], [2, ["prod"]], [3, []]]);
  });

  it("returns invalid labels in InvalidLabels instead of failing, and applies the valid ones", () => {
    const box = sandbox();
    threeVersions(box);
    const result = ssm(box, "LabelParameterVersion", { Name: "/app/x", ParameterVersion: 1, Labels: ["ok_label-1.0", "1st", "awsprod", "SSM-x", "bad label", "bad/label"] });
    expect(result).toEqual({ InvalidLabels: ["1st", "awsprod", "SSM-x", "bad label", "bad/label"], ParameterVersion: 1 });
    expect(labelsByVersion(box)[0]).toEqual([1, ["ok_label-1.0"]]);
  });

  it("refuses labels over 100 characters and more than 10 labels in a request in the model's words", () => {
    const box = sandbox();
    threeVersions(box);
    expectError(() => ssm(box, "LabelParameterVersion", { Name: "/app/x", Labels: ["l".repeat(101)] }), "ValidationException", /Member must have length less than or equal to 100$/);
    const eleven = Array.from({ length: 11 }, (_, index) => `l${index}`);
    expectError(() => ssm(box, "LabelParameterVersion", { Name: "/app/x", Labels: eleven }), "ValidationException", /at 'labels' failed to satisfy constraint: Member must have length less than or equal to 10$/);
  });

  it("allows 10 labels on a version and refuses the 11th", () => {
    const box = sandbox();
    threeVersions(box);
    ssm(box, "LabelParameterVersion", { Name: "/app/x", Labels: Array.from({ length: 10 }, (_, index) => `l${index}`) });
    expectError(
      () => ssm(box, "LabelParameterVersion", { Name: "/app/x", Labels: ["eleventh"] }),
      "ParameterVersionLabelLimitExceeded",
      "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.",
    );
    // Re-applying labels the version already has adds nothing, so it is fine.
    expect(ssm(box, "LabelParameterVersion", { Name: "/app/x", Labels: ["l0"] }).ParameterVersion).toBe(3);
  });

  it("answers ParameterNotFound (empty message) and ParameterVersionNotFound", () => {
    const box = sandbox();
    expectError(() => ssm(box, "LabelParameterVersion", { Name: "/nope", Labels: ["a"] }), "ParameterNotFound", "");
    threeVersions(box);
    expectError(() => ssm(box, "LabelParameterVersion", { Name: "/app/x", ParameterVersion: 7, Labels: ["a"] }), "ParameterVersionNotFound", "Systems Manager could not find version 7 of /app/x. Verify the version and try again.");
  });
});

describe("UnlabelParameterVersion", () => {
  it("removes labels from a version and lists the ones it did not carry as invalid", () => {
    const box = sandbox();
    threeVersions(box);
    ssm(box, "LabelParameterVersion", { Name: "/app/x", ParameterVersion: 2, Labels: ["prod", "stable"] });
    expect(ssm(box, "UnlabelParameterVersion", { Name: "/app/x", ParameterVersion: 2, Labels: ["prod", "nope"] })).toEqual({ RemovedLabels: ["prod"], InvalidLabels: ["nope"] });
    expect(labelsByVersion(box)[1]).toEqual([2, ["stable"]]);
  });

  it("needs ParameterVersion, and answers ParameterNotFound and ParameterVersionNotFound", () => {
    const box = sandbox();
    expectError(() => ssm(box, "UnlabelParameterVersion", { Name: "/app/x", Labels: ["a"] }), "ValidationException", /Value null at 'parameterVersion' failed to satisfy constraint: Member must not be null/);
    expectError(() => ssm(box, "UnlabelParameterVersion", { Name: "/app/x", ParameterVersion: 1, Labels: ["a"] }), "ParameterNotFound");
    threeVersions(box);
    expectError(() => ssm(box, "UnlabelParameterVersion", { Name: "/app/x", ParameterVersion: 9, Labels: ["a"] }), "ParameterVersionNotFound");
  });

  it("takes any version number, as the model sets PSParameterVersion no minimum: 0 is a version not found", () => {
    const box = sandbox();
    threeVersions(box);
    expectError(() => ssm(box, "LabelParameterVersion", { Name: "/app/x", ParameterVersion: 0, Labels: ["a"] }), "ParameterVersionNotFound", "Systems Manager could not find version 0 of /app/x. Verify the version and try again.");
    expectError(() => ssm(box, "UnlabelParameterVersion", { Name: "/app/x", ParameterVersion: 0, Labels: ["a"] }), "ParameterVersionNotFound");
  });
});
