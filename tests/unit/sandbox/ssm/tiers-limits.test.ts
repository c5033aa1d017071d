import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/sandbox/core/time";
import { expectError, get, put, sandbox, ssm } from "./helpers";

const STANDARD_TOO_LARGE =
  "Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html";
const DOWNGRADE =
  "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter. Be aware that standard parameters have a value limit of 4096 characters.";

const policy = (text: object) => JSON.stringify([text]);
const expiration = (iso: string) => ({ Type: "Expiration", Version: "1.0", Attributes: { Timestamp: iso } });

describe("tiers", () => {
  it("hold 4096 characters in Standard and refuse 4097 with AWS's text", () => {
    const box = sandbox();
    expect(put(box, "/app/max", "x".repeat(4096)).Tier).toBe("Standard");
    expectError(() => put(box, "/app/over", "x".repeat(4097)), "ValidationException", STANDARD_TOO_LARGE);
    expectError(() => put(box, "/app/over", "x".repeat(4097), { Tier: "Standard" }), "ValidationException", STANDARD_TOO_LARGE);
  });

  it("hold 8192 characters in Advanced and refuse 8193", () => {
    const box = sandbox();
    expect(put(box, "/app/big", "x".repeat(8192), { Tier: "Advanced" })).toEqual({ Version: 1, Tier: "Advanced" });
    expectError(
      () => put(box, "/app/bigger", "x".repeat(8193), { Tier: "Advanced" }),
      "ValidationException",
      "The specified parameter value is too large. Advanced-tier parameters support a maximum parameter value of 8192 characters.",
    );
  });

  it("let a standard parameter move up to Advanced", () => {
    const box = sandbox();
    put(box, "/app/x", "small");
    expect(put(box, "/app/x", "x".repeat(5000), { Tier: "Advanced", Overwrite: true })).toEqual({ Version: 2, Tier: "Advanced" });
  });

  it("never let an advanced parameter go back to Standard, also when Tier is left out", () => {
    const box = sandbox();
    put(box, "/app/x", "v", { Tier: "Advanced" });
    expectError(() => put(box, "/app/x", "w", { Tier: "Standard", Overwrite: true }), "ValidationException", DOWNGRADE);
    // Without Tier the account's default tier (Standard) applies.
    expectError(() => put(box, "/app/x", "w", { Overwrite: true }), "ValidationException", DOWNGRADE);
    expect(put(box, "/app/x", "w", { Tier: "Advanced", Overwrite: true }).Version).toBe(2);
  });

  it("resolve Intelligent-Tiering to Standard unless the request needs Advanced", () => {
    const box = sandbox();
    expect(put(box, "/app/small", "v", { Tier: "Intelligent-Tiering" }).Tier).toBe("Standard");
    expect(put(box, "/app/large", "x".repeat(5000), { Tier: "Intelligent-Tiering" }).Tier).toBe("Advanced");
    expect(put(box, "/app/policy", "v", { Tier: "Intelligent-Tiering", Policies: policy(expiration("2027-01-01T00:00:00.000Z")) }).Tier).toBe("Advanced");
    // An advanced parameter stays advanced.
    expect(put(box, "/app/large", "short now", { Tier: "Intelligent-Tiering", Overwrite: true }).Tier).toBe("Advanced");
  });

  it("refuse an unknown tier with the model's enum message, its values in reverse model order (see ssm/requests.ts)", () => {
    const box = sandbox();
    expectError(
      () => put(box, "/app/x", "v", { Tier: "Premium" }),
      "ValidationException",
      "1 validation error detected: Value 'Premium' at 'tier' failed to satisfy constraint: Member must satisfy enum value set: [Intelligent-Tiering, Advanced, Standard]",
    );
  });
});

describe("parameter policies", () => {
  it("need the advanced tier", () => {
    const box = sandbox();
    expectError(() => put(box, "/app/x", "v", { Policies: policy(expiration("2027-01-01T00:00:00.000Z")) }), "ValidationException", "You can't assign parameter policies to a standard-parameter tier.");
  });

  it("are shown by DescribeParameters and GetParameterHistory", () => {
    const box = sandbox();
    const expiry = expiration("2027-01-01T00:00:00.000Z");
    put(box, "/app/x", "v", { Tier: "Advanced", Policies: policy(expiry) });
    const [meta] = ssm(box, "DescribeParameters", {}).Parameters as Record<string, unknown>[];
    expect(meta?.Policies).toEqual([{ PolicyText: JSON.stringify(expiry), PolicyType: "Expiration", PolicyStatus: "Pending" }]);
    const [history] = ssm(box, "GetParameterHistory", { Name: "/app/x" }).Parameters as Record<string, unknown>[];
    expect(history?.Policies).toEqual(meta?.Policies);
  });

  it("refuse unknown types, duplicates and bad attributes", () => {
    const box = sandbox();
    const advanced = (policies: unknown) => put(box, "/app/x", "v", { Tier: "Advanced", Policies: JSON.stringify(policies) });
    expectError(() => advanced([{ Type: "Rotation", Version: "1.0", Attributes: {} }]), "InvalidPolicyTypeException");
    expectError(() => advanced([expiration("2027-01-01T00:00:00Z"), expiration("2028-01-01T00:00:00Z")]), "IncompatiblePolicyException");
    expectError(() => advanced([expiration("someday")]), "InvalidPolicyAttributeException");
    expectError(() => put(box, "/app/x", "v", { Tier: "Advanced", Policies: "not json" }), "InvalidPolicyAttributeException");
    expect(advanced([{ Type: "NoChangeNotification", Version: "1.0", Attributes: { After: "20", Unit: "Days" } }]).Version).toBe(1);
  });

  it("delete the parameter when its Expiration time passes on the simulated clock", () => {
    const box = sandbox();
    put(box, "/app/temp", "v", { Tier: "Advanced", Policies: policy(expiration("2026-01-03T00:00:00.000Z")) });
    box.advanceClock(DAY);
    expect(get(box, "/app/temp").Value).toBe("v");
    box.advanceClock(DAY);
    expectError(() => get(box, "/app/temp"), "ParameterNotFound");
    expect(box.trail({ eventSource: "ssm.amazonaws.com", eventName: "DeleteParameter" }).at(-1)?.userIdentity.type).toBe("AWSService");
  });

  it("stay when a later version sends new policies without Expiration", () => {
    const box = sandbox();
    put(box, "/app/temp", "v", { Tier: "Advanced", Policies: policy(expiration("2026-01-02T00:00:00.000Z")) });
    put(box, "/app/temp", "w", { Tier: "Advanced", Overwrite: true, Policies: "[]" });
    box.advanceClock(2 * DAY);
    expect(get(box, "/app/temp").Value).toBe("w");
  });
});

describe("history limit", () => {
  it("keeps the 100 most recent versions, dropping the oldest", () => {
    const box = sandbox();
    for (let version = 1; version <= 101; version++) put(box, "/app/x", `v${version}`, { Overwrite: true });
    const history = ssm(box, "GetParameterHistory", { Name: "/app/x", MaxResults: 50 });
    expect((history.Parameters as Record<string, unknown>[])[0]?.Version).toBe(2);
    expectError(() => get(box, "/app/x:1"), "ParameterVersionNotFound");
    expect(get(box, "/app/x").Version).toBe(101);
  });

  it("refuses the 101st version while the oldest carries a label", () => {
    const box = sandbox();
    for (let version = 1; version <= 100; version++) put(box, "/app/x", `v${version}`, { Overwrite: true });
    ssm(box, "LabelParameterVersion", { Name: "/app/x", ParameterVersion: 1, Labels: ["golden"] });
    expectError(
      () => put(box, "/app/x", "v101", { Overwrite: true }),
      "ParameterMaxVersionLimitExceeded",
      "You attempted to create a new version of /app/x by calling the PutParameter API with the overwrite flag. Version 1, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.",
    );
    ssm(box, "LabelParameterVersion", { Name: "/app/x", ParameterVersion: 50, Labels: ["golden"] });
    expect(put(box, "/app/x", "v101", { Overwrite: true }).Version).toBe(101);
  });
});

describe("parameter count limits", () => {
  it("allow 10,000 standard parameters per account and Region, then ParameterLimitExceeded", () => {
    const box = sandbox();
    for (let index = 0; index < 10_000; index++) put(box, `/p/${index}`, "v");
    expectError(
      () => put(box, "/p/one-more", "v"),
      "ParameterLimitExceeded",
      "You have reached the maximum number of standard parameters for this AWS account and Region (10000). To add more parameters, either delete existing parameters or upgrade to the advanced-parameter tier (charges apply).",
    );
    // Intelligent-Tiering goes to the advanced tier instead; a deletion makes room again.
    expect(put(box, "/p/intelligent", "v", { Tier: "Intelligent-Tiering" }).Tier).toBe("Advanced");
    ssm(box, "DeleteParameter", { Name: "/p/0" });
    expect(put(box, "/p/one-more", "v").Tier).toBe("Standard");
  });
});
