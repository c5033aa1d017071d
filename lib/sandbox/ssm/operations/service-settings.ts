import { inputs } from "../../contracts/ssm";
import { AwsServiceError } from "../../core/errors";
import { defineOperation, type OperationContext } from "../../core/operation";

/**
 * The two account-level Parameter Store settings the chapter teaches:
 * higher throughput, and the default tier. They are per account and Region
 * and answer GetServiceSetting / UpdateServiceSetting / ResetServiceSetting.
 *
 * NOTE: the engine stores and reports them but does not act on them itself: the
 * local endpoint reads high-throughput-enabled when it applies request quotas
 * (lib/endpoint/request-quotas.ts), and PutParameter without Tier stays Standard.
 * NOTE: unverified messages: the ServiceSettingNotFound and invalid-value texts.
 */

const SETTINGS = {
  "/ssm/parameter-store/high-throughput-enabled": { defaultValue: "false", values: ["true", "false"] },
  "/ssm/parameter-store/default-parameter-tier": { defaultValue: "Standard", values: ["Standard", "Advanced", "Intelligent-Tiering"] },
} as const;

type SettingId = keyof typeof SETTINGS;

/** SettingId may be the path or the full ARN `arn:aws:ssm:<region>:<account>:servicesetting/ssm/...`. */
function settingOf(ctx: OperationContext, settingId: string): SettingId {
  const path = settingId.startsWith("arn:") ? settingId.slice(settingId.indexOf(":servicesetting") + ":servicesetting".length) : settingId;
  if (settingId.startsWith("arn:") && !settingId.startsWith(`arn:aws:ssm:${ctx.region}:${ctx.accountId}:servicesetting/`)) throw notFound();
  if (!(path in SETTINGS)) throw notFound();
  return path as SettingId;
}

function notFound(): AwsServiceError {
  return new AwsServiceError("ServiceSettingNotFound", "The specified service setting wasn't found. Verify the SettingId and try again.");
}

function view(ctx: OperationContext, id: SettingId) {
  // A read must not change the state (snapshots would differ after a GetServiceSetting).
  const stored = ctx.regionState().ssm.serviceSettings?.[id];
  return {
    SettingId: id,
    SettingValue: stored?.value ?? SETTINGS[id].defaultValue,
    LastModifiedDate: (stored?.modifiedAt ?? 0) / 1000,
    LastModifiedUser: stored?.modifiedBy ?? "System",
    ARN: `arn:aws:ssm:${ctx.region}:${ctx.accountId}:servicesetting${id}`,
    Status: stored ? "Customized" : "Default",
  };
}

export const getServiceSetting = defineOperation({
  name: "GetServiceSetting",
  input: inputs.GetServiceSetting,
  readOnly: true,
  handler(ctx, input) {
    const id = settingOf(ctx, input.SettingId);
    const arn = `arn:aws:ssm:${ctx.region}:${ctx.accountId}:servicesetting${id}`;
    ctx.authorize({ action: "ssm:GetServiceSetting", resource: arn, resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
    return { ServiceSetting: view(ctx, id) };
  },
});

export const updateServiceSetting = defineOperation({
  name: "UpdateServiceSetting",
  input: inputs.UpdateServiceSetting,
  readOnly: false,
  handler(ctx, input) {
    const id = settingOf(ctx, input.SettingId);
    const arn = `arn:aws:ssm:${ctx.region}:${ctx.accountId}:servicesetting${id}`;
    ctx.authorize({ action: "ssm:UpdateServiceSetting", resource: arn, resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
    const allowed: readonly string[] = SETTINGS[id].values;
    if (!allowed.includes(input.SettingValue)) {
      throw new AwsServiceError("ValidationException", `The value ${input.SettingValue} isn't valid for ${id}. Valid values: ${allowed.join(", ")}.`);
    }
    ctx.touches(arn, "AWS::SSM::ServiceSetting");
    (ctx.regionState().ssm.serviceSettings ??= {})[id] = { value: input.SettingValue, modifiedAt: ctx.now, modifiedBy: ctx.caller.arn };
    return {};
  },
});

export const resetServiceSetting = defineOperation({
  name: "ResetServiceSetting",
  input: inputs.ResetServiceSetting,
  readOnly: false,
  handler(ctx, input) {
    const id = settingOf(ctx, input.SettingId);
    const arn = `arn:aws:ssm:${ctx.region}:${ctx.accountId}:servicesetting${id}`;
    ctx.authorize({ action: "ssm:ResetServiceSetting", resource: arn, resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
    delete ctx.regionState().ssm.serviceSettings?.[id];
    return { ServiceSetting: view(ctx, id) };
  },
});
