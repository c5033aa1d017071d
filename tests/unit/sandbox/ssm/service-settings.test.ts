import { describe, expect, it } from "vitest";
import { createEngine, isAwsServiceError } from "@/lib/sandbox";

const HIGH_THROUGHPUT = "arn:aws:ssm:us-east-1:123456789012:servicesetting/ssm/parameter-store/high-throughput-enabled";

describe("Parameter Store service settings", () => {
  it("start at their defaults, can be changed by path or ARN, and reset", () => {
    const engine = createEngine({ seed: 1, now: "2026-01-01T00:00:00Z" });
    expect(engine.call("ssm", "GetServiceSetting", { SettingId: "/ssm/parameter-store/high-throughput-enabled" })).toEqual({
      ServiceSetting: { SettingId: "/ssm/parameter-store/high-throughput-enabled", SettingValue: "false", LastModifiedDate: 0, LastModifiedUser: "System", ARN: HIGH_THROUGHPUT, Status: "Default" },
    });
    expect(engine.call("ssm", "UpdateServiceSetting", { SettingId: HIGH_THROUGHPUT, SettingValue: "true" })).toEqual({});
    expect(engine.call("ssm", "GetServiceSetting", { SettingId: HIGH_THROUGHPUT })).toMatchObject({
      ServiceSetting: { SettingValue: "true", Status: "Customized", LastModifiedUser: "arn:aws:iam::123456789012:user/admin", LastModifiedDate: Date.parse("2026-01-01T00:00:00Z") / 1000 },
    });
    expect(engine.call("ssm", "ResetServiceSetting", { SettingId: HIGH_THROUGHPUT })).toMatchObject({ ServiceSetting: { SettingValue: "false", Status: "Default" } });
  });

  it("refuses unknown settings and values", () => {
    const engine = createEngine({ seed: 1 });
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return isAwsServiceError(error) ? error.code : "crash";
      }
      return "ok";
    };
    expect(code(() => engine.call("ssm", "GetServiceSetting", { SettingId: "/ssm/nothing" }))).toBe("ServiceSettingNotFound");
    expect(code(() => engine.call("ssm", "UpdateServiceSetting", { SettingId: "/ssm/parameter-store/default-parameter-tier", SettingValue: "Premium" }))).toBe("ValidationException");
    expect(code(() => engine.call("ssm", "UpdateServiceSetting", { SettingId: "/ssm/parameter-store/default-parameter-tier", SettingValue: "Advanced" }))).toBe("ok");
  });
});
