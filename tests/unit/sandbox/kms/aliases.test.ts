import { describe, expect, it } from "vitest";
import { DAY, HOUR } from "@/lib/sandbox/core/time";
import { ACCOUNT, allow, createKey, describe_, expectAwsError, newSandbox, REGION, START_MS } from "./helpers";

const aliasArn = (name: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:${name}`;

describe("CreateAlias", () => {
  it("creates an alias for a key (key id or key ARN)", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    expect(sandbox.call("kms", "CreateAlias", { AliasName: "alias/one", TargetKeyId: keyId })).toEqual({});
    expect(sandbox.call("kms", "CreateAlias", { AliasName: "alias/two", TargetKeyId: arn })).toEqual({});
    expect(sandbox.call("kms", "ListAliases", { KeyId: keyId }).Aliases).toEqual([
      { AliasName: "alias/one", AliasArn: aliasArn("alias/one"), TargetKeyId: keyId, CreationDate: START_MS / 1000, LastUpdatedDate: START_MS / 1000 },
      { AliasName: "alias/two", AliasArn: aliasArn("alias/two"), TargetKeyId: keyId, CreationDate: START_MS / 1000, LastUpdatedDate: START_MS / 1000 },
    ]);
  });

  it("requires the alias/ prefix", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(
      () => sandbox.call("kms", "CreateAlias", { AliasName: "app", TargetKeyId: keyId }),
      "ValidationException",
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    );
  });

  it("checks the alias name's characters", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(
      () => sandbox.call("kms", "CreateAlias", { AliasName: "alias/my app", TargetKeyId: keyId }),
      "ValidationException",
      "1 validation error detected: Value 'alias/my app' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
    );
  });

  it("refuses names reserved for AWS managed keys", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(() => sandbox.call("kms", "CreateAlias", { AliasName: "alias/aws/mine", TargetKeyId: keyId }), "NotAuthorizedException");
  });

  it("refuses a duplicate name", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId });
    expectAwsError(
      () => sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId }),
      "AlreadyExistsException",
      `An alias with the name ${aliasArn("alias/app")} already exists`,
    );
  });

  it("needs a key id or key ARN as target, not another alias", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId });
    expectAwsError(() => sandbox.call("kms", "CreateAlias", { AliasName: "alias/other", TargetKeyId: "alias/app" }), "NotFoundException", "Invalid keyId 'alias/app'");
  });

  it("refuses a target pending deletion", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId });
    expectAwsError(() => sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId }), "KMSInvalidStateException", `${arn} is pending deletion.`);
  });

  it("needs permission on the alias (IAM) and on the key (key policy)", () => {
    const sandbox = newSandbox();
    const { keyId, arn } = createKey(sandbox);
    sandbox.putUser(ACCOUNT, "keys-only", { Keys: allow("kms:CreateAlias", `arn:aws:kms:${REGION}:${ACCOUNT}:key/*`) });
    sandbox.actAs({ accountId: ACCOUNT, kind: "user", name: "keys-only" });
    expectAwsError(
      () => sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId }),
      "AccessDeniedException",
      `User: arn:aws:iam::${ACCOUNT}:user/keys-only is not authorized to perform: kms:CreateAlias on resource: ${aliasArn("alias/app")} because no identity-based policy allows the kms:CreateAlias action`,
    );
    sandbox.actAs({ accountId: ACCOUNT, kind: "user", name: "admin" });
    sandbox.putUser(ACCOUNT, "both", { Both: allow("kms:CreateAlias") });
    sandbox.actAs({ accountId: ACCOUNT, kind: "user", name: "both" });
    expect(sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: arn })).toEqual({});
  });
});

describe("UpdateAlias", () => {
  it("points the alias at another key of the same type and usage", () => {
    const sandbox = newSandbox();
    const first = createKey(sandbox);
    const second = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: first.keyId });
    sandbox.advanceClock(HOUR);
    expect(sandbox.call("kms", "UpdateAlias", { AliasName: "alias/app", TargetKeyId: second.keyId })).toEqual({});
    expect(describe_(sandbox, "alias/app").KeyId).toBe(second.keyId);
    const [alias] = sandbox.call("kms", "ListAliases", { KeyId: second.keyId }).Aliases as { CreationDate: number; LastUpdatedDate: number }[];
    expect(alias).toMatchObject({ CreationDate: START_MS / 1000, LastUpdatedDate: (START_MS + HOUR) / 1000 });
  });

  it("fails for an alias that does not exist", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    expectAwsError(() => sandbox.call("kms", "UpdateAlias", { AliasName: "alias/none", TargetKeyId: keyId }), "NotFoundException", `Alias ${aliasArn("alias/none")} is not found.`);
  });

  it("refuses a key of another type or usage", () => {
    const sandbox = newSandbox();
    const symmetric = createKey(sandbox);
    const signing = createKey(sandbox, { KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" });
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: symmetric.keyId });
    expectAwsError(() => sandbox.call("kms", "UpdateAlias", { AliasName: "alias/app", TargetKeyId: signing.keyId }), "ValidationException");
  });

  it("fails only if the new target is pending deletion", () => {
    const sandbox = newSandbox();
    const first = createKey(sandbox);
    const second = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: first.keyId });
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: first.keyId });
    expect(sandbox.call("kms", "UpdateAlias", { AliasName: "alias/app", TargetKeyId: second.keyId })).toEqual({});
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: second.keyId });
    const third = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/other", TargetKeyId: third.keyId });
    expectAwsError(() => sandbox.call("kms", "UpdateAlias", { AliasName: "alias/other", TargetKeyId: second.keyId }), "KMSInvalidStateException", `${second.arn} is pending deletion.`);
  });
});

describe("DeleteAlias", () => {
  it("deletes an alias; the key stays", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId });
    expect(sandbox.call("kms", "DeleteAlias", { AliasName: "alias/app" })).toEqual({});
    expectAwsError(() => describe_(sandbox, "alias/app"), "NotFoundException", `Alias ${aliasArn("alias/app")} is not found.`);
    expect(describe_(sandbox, keyId).KeyState).toBe("Enabled");
  });

  it("fails for an alias that does not exist", () => {
    expectAwsError(() => newSandbox().call("kms", "DeleteAlias", { AliasName: "alias/x" }), "NotFoundException", `Alias ${aliasArn("alias/x")} is not found.`);
  });

  it("works while the key is pending deletion", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId });
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId });
    expect(sandbox.call("kms", "DeleteAlias", { AliasName: "alias/app" })).toEqual({});
  });
});

describe("ListAliases", () => {
  it("lists aliases by name, including AWS managed aliases whose keys do not exist yet (without TargetKeyId)", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/zeta", TargetKeyId: keyId });
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/alpha", TargetKeyId: keyId });
    const aliases = sandbox.call("kms", "ListAliases", {}).Aliases as Record<string, unknown>[];
    expect(aliases.map((alias) => alias.AliasName)).toEqual(["alias/alpha", "alias/aws/secretsmanager", "alias/aws/ssm", "alias/zeta"]);
    expect(aliases[1]).toEqual({ AliasName: "alias/aws/secretsmanager", AliasArn: aliasArn("alias/aws/secretsmanager") });
  });

  it("filters by key and paginates", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    for (const name of ["a", "b", "c"]) sandbox.call("kms", "CreateAlias", { AliasName: `alias/${name}`, TargetKeyId: keyId });
    const first = sandbox.call("kms", "ListAliases", { KeyId: keyId, Limit: 2 });
    expect((first.Aliases as unknown[]).length).toBe(2);
    expect(first.Truncated).toBe(true);
    const second = sandbox.call("kms", "ListAliases", { KeyId: keyId, Limit: 2, Marker: first.NextMarker as string });
    expect(second).toMatchObject({ Truncated: false });
    expect((second.Aliases as { AliasName: string }[]).map((alias) => alias.AliasName)).toEqual(["alias/c"]);
  });

  it("fails for an unknown key", () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expectAwsError(
      () => newSandbox().call("kms", "ListAliases", { KeyId: missing }),
      "NotFoundException",
      `Key 'arn:aws:kms:${REGION}:${ACCOUNT}:key/${missing}' does not exist`,
    );
  });

  it("removes the aliases of a deleted key", () => {
    const sandbox = newSandbox();
    const { keyId } = createKey(sandbox);
    sandbox.call("kms", "CreateAlias", { AliasName: "alias/app", TargetKeyId: keyId });
    sandbox.call("kms", "ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 7 });
    sandbox.advanceClock(8 * DAY);
    const names = (sandbox.call("kms", "ListAliases", {}).Aliases as { AliasName: string }[]).map((alias) => alias.AliasName);
    expect(names).toEqual(["alias/aws/secretsmanager", "alias/aws/ssm"]);
  });
});
