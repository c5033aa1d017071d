import { describe, expect, it } from "vitest";
import { expectError, record, sandbox, sm, stagesOf, token } from "./helpers";

function withVersions() {
  const box = sandbox();
  sm(box, "CreateSecret", { Name: "app", SecretString: "v1", ClientRequestToken: token(1) });
  sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v2", ClientRequestToken: token(2) });
  sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v3", ClientRequestToken: token(3), VersionStages: ["AWSPENDING"] });
  // token(1): AWSPREVIOUS, token(2): AWSCURRENT, token(3): AWSPENDING (a rotation left unfinished).
  return box;
}

describe("UpdateSecretVersionStage", () => {
  it("moves AWSCURRENT when RemoveFromVersionId names its version; AWSPREVIOUS follows automatically", () => {
    const box = withVersions();
    expect(stagesOf(box, "app")).toEqual({ [token(1)]: ["AWSPREVIOUS"], [token(2)]: ["AWSCURRENT"], [token(3)]: ["AWSPENDING"] });
    const out = sm(box, "UpdateSecretVersionStage", { SecretId: "app", VersionStage: "AWSCURRENT", MoveToVersionId: token(3), RemoveFromVersionId: token(2) });
    expect(Object.keys(out)).toEqual(["ARN", "Name"]);
    expect(stagesOf(box, "app")).toEqual({ [token(2)]: ["AWSPREVIOUS"], [token(3)]: ["AWSPENDING", "AWSCURRENT"] });
    expect(sm(box, "GetSecretValue", { SecretId: "app" })["SecretString"]).toBe("v3");
  });

  it("refuses to move a label attached elsewhere without RemoveFromVersionId", () => {
    const box = withVersions();
    expectError(
      () => sm(box, "UpdateSecretVersionStage", { SecretId: "app", VersionStage: "AWSCURRENT", MoveToVersionId: token(3) }),
      "InvalidParameterException",
      `The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version ${token(2)}, so you must explicitly reference that version in RemoveFromVersionId.`,
    );
    expectError(() => sm(box, "UpdateSecretVersionStage", { SecretId: "app", VersionStage: "AWSPENDING", MoveToVersionId: token(1) }), "InvalidParameterException", /Staging label AWSPENDING is currently attached to version/);
  });

  it("refuses a RemoveFromVersionId that does not carry the label", () => {
    const box = withVersions();
    expectError(
      () => sm(box, "UpdateSecretVersionStage", { SecretId: "app", VersionStage: "AWSCURRENT", MoveToVersionId: token(3), RemoveFromVersionId: token(1) }),
      "InvalidParameterException",
      /if you specify RemoveFromVersionId, it must be set to the version that currently has the staging label AWSCURRENT/,
    );
    expect(stagesOf(box, "app")[token(2)]).toEqual(["AWSCURRENT"]);
  });

  it("refuses versions that do not exist", () => {
    const box = withVersions();
    expectError(() => sm(box, "UpdateSecretVersionStage", { SecretId: "app", VersionStage: "blue", MoveToVersionId: token(9) }), "InvalidParameterException");
  });

  it("adds a custom label to a version, and removes a label (a version left without labels is deprecated)", () => {
    const box = withVersions();
    sm(box, "UpdateSecretVersionStage", { SecretId: "app", VersionStage: "blue", MoveToVersionId: token(1) });
    expect(stagesOf(box, "app")[token(1)]).toEqual(["AWSPREVIOUS", "blue"]);
    sm(box, "UpdateSecretVersionStage", { SecretId: "app", VersionStage: "AWSPENDING", RemoveFromVersionId: token(3) });
    expect(stagesOf(box, "app")[token(3)]).toBeUndefined();
    expect(sm(box, "GetSecretValue", { SecretId: "app", VersionId: token(3) })["VersionStages"]).toEqual([]);
  });

  it("allows at most 20 labels on a version", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v1", ClientRequestToken: token(1) });
    for (let index = 0; index < 19; index++) sm(box, "UpdateSecretVersionStage", { SecretId: "app", VersionStage: `l${index}`, MoveToVersionId: token(1) });
    expectError(() => sm(box, "UpdateSecretVersionStage", { SecretId: "app", VersionStage: "one-too-many", MoveToVersionId: token(1) }), "LimitExceededException");
  });
});

describe("deprecated versions", () => {
  it("keeps at most 100 versions: the oldest deprecated ones are removed first", () => {
    const box = sandbox();
    sm(box, "CreateSecret", { Name: "app", SecretString: "v0", ClientRequestToken: token(0) });
    for (let n = 1; n <= 101; n++) sm(box, "PutSecretValue", { SecretId: "app", SecretString: `v${n}`, ClientRequestToken: token(n) });
    const versions = record(box, "app").versions;
    expect(versions).toHaveLength(100);
    expect(versions.map((version) => version.versionId)).not.toContain(token(0));
    expect(versions.map((version) => version.versionId)).not.toContain(token(1));
    expect(stagesOf(box, "app")).toEqual({ [token(100)]: ["AWSPREVIOUS"], [token(101)]: ["AWSCURRENT"] });
  });
});

describe("abandoning a rotation in progress", () => {
  it("a new AWSCURRENT value removes AWSPENDING from the unfinished version and records RotationAbandoned", () => {
    const box = withVersions();
    expect(record(box, "app").rotation.state).toBe("incomplete");
    sm(box, "PutSecretValue", { SecretId: "app", SecretString: "v4", ClientRequestToken: token(4) });
    expect(stagesOf(box, "app")).toEqual({ [token(2)]: ["AWSPREVIOUS"], [token(4)]: ["AWSCURRENT"] });
    expect(record(box, "app").rotation.state).toBe("idle");
    const abandoned = box.trail({ eventName: "RotationAbandoned" });
    expect(abandoned).toHaveLength(1);
    expect(abandoned[0]?.userIdentity).toMatchObject({ type: "AWSService", invokedBy: "secretsmanager.amazonaws.com" });
    expect(abandoned[0]?.additionalEventData).toEqual({ SecretId: record(box, "app").arn });
  });
});
