import { describe, expect, it } from "vitest";
import { SandboxUsageError } from "@/lib/sandbox/core/errors";
import { ssmStateSchema } from "@/lib/sandbox/ssm/state";
import { ACCOUNT, REGION, get, put, sandbox, ssm } from "./helpers";

describe("Parameter Store state", () => {
  it("survives snapshot and restore, and path queries keep working on the restored state", () => {
    const box = sandbox();
    put(box, "/app/a", "a");
    ssm(box, "PutParameter", { Name: "/app/s", Value: "secret", Type: "SecureString" });
    const saved = JSON.parse(JSON.stringify(box.snapshot()));
    put(box, "/app/b", "b");
    box.restore(saved);
    expect((ssm(box, "GetParametersByPath", { Path: "/app" }).Parameters as Record<string, unknown>[]).map((p) => p.Name)).toEqual(["/app/a", "/app/s"]);
    expect(get(box, "/app/s", { WithDecryption: true }).Value).toBe("secret");
    put(box, "/app/c", "c");
    expect((ssm(box, "GetParametersByPath", { Path: "/app" }).Parameters as Record<string, unknown>[]).map((p) => p.Name)).toEqual(["/app/a", "/app/c", "/app/s"]);
  });

  it("is rejected by restore when damaged, leaving the current state untouched", () => {
    const box = sandbox();
    put(box, "/app/a", "a");
    const damaged = JSON.parse(JSON.stringify(box.snapshot()));
    damaged.accounts[ACCOUNT].regions[REGION].ssm.parameters["/app/a"].history = [];
    expect(() => box.restore(damaged)).toThrow(SandboxUsageError);
    expect(get(box, "/app/a").Value).toBe("a");
  });

  it("has a schema that refuses a record filed under another name, a SecureString without its key, and unknown members", () => {
    const version = { version: 1, type: "String", value: "v", tier: "Standard", dataType: "text", lastModifiedDate: 0, lastModifiedUser: "arn:aws:iam::123456789012:user/admin", labels: [] };
    const record = { name: "/a", tier: "Standard", history: [version], tags: [] };
    expect(ssmStateSchema.safeParse({ parameters: { "/a": record } }).success).toBe(true);
    expect(ssmStateSchema.safeParse({ parameters: { "/b": record } }).success).toBe(false);
    expect(ssmStateSchema.safeParse({ parameters: { "/a": { ...record, history: [{ ...version, type: "SecureString" }] } } }).success).toBe(false);
    expect(ssmStateSchema.safeParse({ parameters: { "/a": { ...record, extra: 1 } } }).success).toBe(false);
    expect(ssmStateSchema.safeParse({ parameters: { "/a": { ...record, tier: "Advanced" } } }).success).toBe(false);
  });

  it("is per account and Region", () => {
    const box = sandbox();
    put(box, "/app/a", "a");
    expect(box.call("ssm", "GetParametersByPath", { Path: "/app" }, { region: "eu-west-1" })).toEqual({ Parameters: [] });
    box.actAs({ accountId: "999999999999", kind: "user", name: "admin" });
    expect(ssm(box, "GetParametersByPath", { Path: "/app" })).toEqual({ Parameters: [] });
  });
});

describe("the trail", () => {
  it("records every call without parameter values, and failures with their error code", () => {
    const box = sandbox();
    put(box, "/app/a", "plain value");
    get(box, "/app/a");
    ssm(box, "GetParameters", { Names: ["/app/a"] });
    try {
      put(box, "/app/a", "again");
    } catch {
      // ParameterAlreadyExists
    }
    const events = box.trail({ eventSource: "ssm.amazonaws.com" });
    expect(events.map((event) => [event.eventName, event.readOnly, event.errorCode])).toEqual([
      ["PutParameter", false, undefined],
      ["GetParameter", true, undefined],
      ["GetParameters", true, undefined],
      ["PutParameter", false, "ParameterAlreadyExists"],
    ]);
    expect(JSON.stringify(events)).not.toContain("plain value");
    expect(events[0]?.responseElements).toEqual({ Version: 1, Tier: "Standard" });
  });
});
