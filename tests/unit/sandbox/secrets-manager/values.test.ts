import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/sandbox/core/time";
import { expectError, record, sandbox, sm, stagesOf, token, versionWith } from "./helpers";

describe("GetSecretValue", () => {
  function threeVersions() {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1", ClientRequestToken: token(1) });
    sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v2", ClientRequestToken: token(2) });
    sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v3", ClientRequestToken: token(3) });
    return box;
  }

  it("returns AWSCURRENT by default, or the version named by VersionStage or VersionId", () => {
    const box = threeVersions();
    expect(sm(box, "GetSecretValue", { SecretId: "app" })["SecretString"]).toBe("v3");
    expect(sm(box, "GetSecretValue", { SecretId: "app", VersionStage: "AWSPREVIOUS" })["SecretString"]).toBe("v2");
    expect(sm(box, "GetSecretValue", { SecretId: "app", VersionId: token(1) })).toMatchObject({ SecretString: "v1", VersionId: token(1) });
  });

  it("a deprecated version (no labels) is still readable by VersionId, with no stages", () => {
    const box = threeVersions();
    expect(sm(box, "GetSecretValue", { SecretId: "app", VersionId: token(1) })["VersionStages"]).toEqual([]);
  });

  it("with both VersionId and VersionStage, they must name the same version", () => {
    const box = threeVersions();
    expect(sm(box, "GetSecretValue", { SecretId: "app", VersionId: token(3), VersionStage: "AWSCURRENT" })["SecretString"]).toBe("v3");
    expectError(
      () => sm(box, "GetSecretValue", { SecretId: "app", VersionId: token(2), VersionStage: "AWSCURRENT" }),
      "InvalidRequestException",
      "You provided a VersionStage that is not associated to the provided VersionId.",
    );
  });

  it("names the label or version it could not find", () => {
    const box = threeVersions();
    expectError(() => sm(box, "GetSecretValue", { SecretId: "app", VersionStage: "AWSPENDING" }), "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: AWSPENDING");
    expectError(() => sm(box, "GetSecretValue", { SecretId: "app", VersionId: token(9) }), "ResourceNotFoundException", `Secrets Manager can't find the specified secret value for VersionId: ${token(9)}`);
    expectError(() => sm(box, "GetSecretValue", { SecretId: "missing" }), "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
  });

  it("records LastAccessedDate as the day of the read", () => {
    const box = threeVersions();
    box.advanceClock(DAY + 5 * 3_600_000);
    sm(box, "GetSecretValue", { SecretId: "app" });
    expect(sm(box, "DescribeSecret", { SecretId: "app" })["LastAccessedDate"]).toBe(Date.parse("2026-01-02T00:00:00Z") / 1000);
  });

  it("keeps the value off the trail", () => {
    const box = threeVersions();
    sm(box, "GetSecretValue", { SecretId: "app" });
    expect(box.trail({ eventName: "GetSecretValue" })[0]?.responseElements).not.toHaveProperty("SecretString");
  });
});

describe("PutSecretValue", () => {
  it("adds a version that takes AWSCURRENT; AWSPREVIOUS moves to the version AWSCURRENT left", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1", ClientRequestToken: token(1) });
    const out = sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v2", ClientRequestToken: token(2) });
    expect(out).toEqual({ ARN: record(box, "app").arn, Name: "app", VersionId: token(2), VersionStages: ["AWSCURRENT"] });
    expect(stagesOf(box, "app")).toEqual({ [token(1)]: ["AWSPREVIOUS"], [token(2)]: ["AWSCURRENT"] });
    sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v3", ClientRequestToken: token(3) });
    expect(stagesOf(box, "app")).toEqual({ [token(2)]: ["AWSPREVIOUS"], [token(3)]: ["AWSCURRENT"] });
  });

  it("with VersionStages, attaches those labels only: AWSCURRENT stays where it is", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1", ClientRequestToken: token(1) });
    sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v2", ClientRequestToken: token(2), VersionStages: ["AWSPENDING", "blue"] });
    expect(stagesOf(box, "app")).toEqual({ [token(1)]: ["AWSCURRENT"], [token(2)]: ["AWSPENDING", "blue"] });
    // A label is on one version only: putting "blue" on a new version takes it off the old one.
    sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v3", ClientRequestToken: token(3), VersionStages: ["blue"] });
    expect(stagesOf(box, "app")).toEqual({ [token(1)]: ["AWSCURRENT"], [token(2)]: ["AWSPENDING"], [token(3)]: ["blue"] });
  });

  it("is idempotent for the same token and value, and refuses the token with another value", () => {
    const box = sandbox();
    const arn = String(sm(box, "CreateSecret", { Name: "app", SecretString: "v1" })["ARN"]);
    sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v2", ClientRequestToken: token(2) });
    const again = sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v2", ClientRequestToken: token(2) });
    expect(again["VersionStages"]).toEqual(["AWSCURRENT"]);
    expect(record(box, "app").versions).toHaveLength(2);
    expectError(
      () => sm(box, "PutSecretValue", { SecretId: "app", SecretString: "other", ClientRequestToken: token(2) }),
      "ResourceExistsException",
      `You can't use ClientRequestToken ${token(2)} because that value is already in use for a version of secret ${arn}.`,
    );
  });

  it("needs exactly one of SecretString and SecretBinary", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1" });
    expectError(() => sm(box, "PutSecretValue", { SecretId: "app" }), "InvalidRequestException", "You must provide either SecretString or SecretBinary.");
    expectError(() => sm(box, "PutSecretValue", { SecretId: "app", SecretString: "a", SecretBinary: "YQ==" }), "InvalidParameterException");
  });

  it("allows at most 20 VersionStages", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1" });
    const stages = Array.from({ length: 21 }, (_, index) => `label-${index}`);
    expectError(() => sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v2", VersionStages: stages }), "ValidationException", /'versionStages' failed to satisfy constraint: Member must have length less than or equal to 20/);
  });
});

describe("UpdateSecret", () => {
  it("with a value, creates a new AWSCURRENT version and returns its VersionId", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1", ClientRequestToken: token(1) });
    const out = sm(box, "UpdateSecret", { SecretId: "app", SecretString: "v2", ClientRequestToken: token(2) });
    expect(out["VersionId"]).toBe(token(2));
    expect(stagesOf(box, "app")).toEqual({ [token(1)]: ["AWSPREVIOUS"], [token(2)]: ["AWSCURRENT"] });
  });

  it("without a value, changes metadata only and returns no VersionId", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1", Description: "old" });
    box.advanceClock(60_000);
    const out = sm(box, "UpdateSecret", { SecretId: "app", Description: "new" });
    expect(out["VersionId"]).toBeUndefined();
    const described = sm(box, "DescribeSecret", { SecretId: "app" });
    expect(described["Description"]).toBe("new");
    expect(described["LastChangedDate"]).toBe(described["CreatedDate"] as number + 60);
    expect(record(box, "app").versions).toHaveLength(1);
  });

  it("refuses both value members", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1" });
    expectError(() => sm(box, "UpdateSecret", { SecretId: "app", SecretString: "a", SecretBinary: "YQ==" }), "InvalidParameterException");
  });
});

describe("BatchGetSecretValue", () => {
  function two() {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app/one", SecretString: "1" });
    sm(box, "CreateSecret", { Name: "app/two", SecretString: "2" });
    sm(box, "CreateSecret", { Name: "other", SecretString: "3" });
    return box;
  }

  it("reads a list of secrets; missing ones go into Errors without failing the call", () => {
    const box = two();
    const out = sm(box, "BatchGetSecretValue", { SecretIdList: ["app/one", "nope", "app/two"] });
    expect((out["SecretValues"] as { Name: string; SecretString: string }[]).map((value) => [value.Name, value.SecretString])).toEqual([
      ["app/one", "1"],
      ["app/two", "2"],
    ]);
    expect(out["Errors"]).toEqual([{ SecretId: "nope", ErrorCode: "ResourceNotFoundException", Message: "Secrets Manager can't find the specified secret." }]);
  });

  it("reads the secrets a filter selects, a page at a time", () => {
    const box = two();
    const first = sm(box, "BatchGetSecretValue", { Filters: [{ Key: "name", Values: ["app/"] }], MaxResults: 1 });
    expect((first["SecretValues"] as unknown[]).length).toBe(1);
    const second = sm(box, "BatchGetSecretValue", { Filters: [{ Key: "name", Values: ["app/"] }], MaxResults: 1, NextToken: first["NextToken"] });
    expect((second["SecretValues"] as unknown[]).length).toBe(1);
    expect(second["NextToken"]).toBeUndefined();
  });

  it("takes SecretIdList or Filters, not both, and MaxResults only with Filters", () => {
    const box = two();
    expectError(() => sm(box, "BatchGetSecretValue", { SecretIdList: ["app/one"], Filters: [{ Key: "name", Values: ["a"] }] }), "InvalidParameterException", "Either 'SecretIdList' or 'Filters' must be provided, but not both.");
    expectError(() => sm(box, "BatchGetSecretValue", { SecretIdList: ["app/one"], MaxResults: 5 }), "InvalidParameterException", "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.");
  });

  it("keeps the values off the trail", () => {
    const box = two();
    sm(box, "BatchGetSecretValue", { SecretIdList: ["app/one"] });
    expect(JSON.stringify(box.trail({ eventName: "BatchGetSecretValue" }))).not.toContain('"SecretString"');
  });
});

describe("ListSecretVersionIds", () => {
  it("lists labelled versions newest first, deprecated ones only with IncludeDeprecated", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1", ClientRequestToken: token(1) });
    sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v2", ClientRequestToken: token(2) });
    sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v3", ClientRequestToken: token(3) });
    const out = sm(box, "ListSecretVersionIds", { SecretId: "app" });
    expect(Object.keys(out)).toEqual(["Versions", "ARN", "Name"]);
    expect((out["Versions"] as { VersionId: string }[]).map((version) => version.VersionId)).toEqual([token(3), token(2)]);
    expect((out["Versions"] as object[])[0]).toEqual({ VersionId: token(3), VersionStages: ["AWSCURRENT"], CreatedDate: expect.any(Number), KmsKeyIds: ["DEFAULT"] });
    const all = sm(box, "ListSecretVersionIds", { SecretId: "app", IncludeDeprecated: true });
    expect((all["Versions"] as { VersionId: string; VersionStages?: string[] }[]).map((version) => [version.VersionId, version.VersionStages])).toEqual([
      [token(3), ["AWSCURRENT"]],
      [token(2), ["AWSPREVIOUS"]],
      [token(1), undefined],
    ]);
  });

  it("pages with MaxResults and NextToken", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1" });
    sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v2" });
    const first = sm(box, "ListSecretVersionIds", { SecretId: "app", MaxResults: 1 });
    expect(first["NextToken"]).toEqual(expect.any(String));
    const second = sm(box, "ListSecretVersionIds", { SecretId: "app", MaxResults: 1, NextToken: first["NextToken"] });
    expect(second["NextToken"]).toBeUndefined();
    expect(versionWith(box, "app", "AWSPREVIOUS")).toBe((second["Versions"] as { VersionId: string }[])[0]?.VersionId);
  });

  it("refuses a NextToken it did not issue", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1" });
    expectError(() => sm(box, "ListSecretVersionIds", { SecretId: "app", NextToken: "bogus" }), "InvalidNextTokenException");
  });
});
