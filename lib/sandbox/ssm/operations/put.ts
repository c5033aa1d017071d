import type * as z from "zod";
import { checkAllowedPattern } from "../allowed-pattern";
import { defineOperation, type OperationContext } from "../../core/operation";
import { authorizeParameter, currentVersion } from "../access";
import { DEFAULT_KEY, sealValue } from "../encryption";
import * as errors from "../errors";
import { checkName, parameterArn } from "../names";
import { nextTier } from "../parameter.machine";
import { parsePolicies, type ParsedPolicies } from "../policies";
import type { ParameterPolicy, ParameterRecord, ParameterTag, ParameterType, ParameterVersion, StoredTier } from "../state";
import { putParameterRequest } from "../requests";
import { getRecord, putRecord, tierCounts } from "../store";

/** Limits from the API reference (PutParameter Value and Tier; ParameterMaxVersionLimitExceeded). */
export const STANDARD_VALUE_LIMIT = 4096;
export const ADVANCED_VALUE_LIMIT = 8192;
/** The service's own upper bound on Value, reported in the model's words. */
export const VALUE_HARD_LIMIT = 32768;
export const STANDARD_PARAMETER_LIMIT = 10_000;
export const ADVANCED_PARAMETER_LIMIT = 100_000;
export const HISTORY_LIMIT = 100;
export const TAGS_PER_PARAMETER = 50;

export const DATA_TYPES = ["text", "aws:ec2:image", "aws:ssm:integration"];

/** Due-event kind for Expiration policies. */
export const EXPIRATION_EVENT = "ssm.parameterExpiration";

type PutParameterInput = z.output<typeof putParameterRequest>;

/**
 * The tier a request resolves to (API reference, PutParameter Tier):
 * Standard and Advanced as named; Intelligent-Tiering picks Advanced only when
 * the request needs it (a value over 4 KB, a policy, or 10,000 standard
 * parameters already) or the parameter is already advanced.
 * NOTE: without Tier, AWS applies the account's default-tier setting, which
 * the sandbox fixes at its initial value, Standard.
 */
function resolveTier(ctx: OperationContext, input: PutParameterInput, existing: ParameterRecord | undefined, hasPolicies: boolean): StoredTier {
  if (input.Tier === "Standard" || input.Tier === undefined) return "Standard";
  if (input.Tier === "Advanced") return "Advanced";
  const needsAdvanced =
    existing?.tier === "Advanced" ||
    input.Value.length > STANDARD_VALUE_LIMIT ||
    hasPolicies ||
    (!existing && tierCounts(ctx.regionState().ssm).Standard >= STANDARD_PARAMETER_LIMIT);
  return needsAdvanced ? "Advanced" : "Standard";
}

function mergeTags(tags: readonly ParameterTag[], added: readonly ParameterTag[]): ParameterTag[] {
  const merged = tags.map((tag) => ({ ...tag }));
  for (const { Key, Value } of added) {
    const existing = merged.find((tag) => tag.Key === Key);
    if (existing) existing.Value = Value;
    else merged.push({ Key, Value });
  }
  return merged;
}

export const putParameter = defineOperation({
  name: "PutParameter",
  // Type and Tier enums in AWS's order: see requests.ts. Value (sensitive, no length in the
  // model) is checked in the handler, in AWS's words for a sensitive member.
  input: putParameterRequest,
  readOnly: false,
  // The model marks Value sensitive for every type; CloudTrail does not record it.
  sensitive: { request: ["Value"] },
  handler(ctx, input) {
    const state = ctx.regionState().ssm;
    // Beyond the model's 1-2048 characters: the service's naming rules (names.ts) and Value's lengths.
    const name = checkName(input.Name, "write", ctx.region, ctx.accountId);
    if (input.Value.length === 0) throw errors.valueLength("min");
    if (input.Value.length > VALUE_HARD_LIMIT) throw errors.valueLength("max");
    const overwrite = input.Overwrite === true;
    if (overwrite && (input.Tags?.length ?? 0) > 0) throw errors.tagsWithOverwrite();

    const arn = parameterArn(ctx.region, ctx.accountId, name);
    const existing = getRecord(state, name);
    authorizeParameter(ctx, "ssm:PutParameter", arn, existing);
    const current = existing ? currentVersion(existing) : undefined;

    // Policies sent replace the stored ones; without Policies they stay (API reference, Policies).
    const parsed: ParsedPolicies | undefined = input.Policies === undefined ? undefined : parsePolicies(input.Policies);
    const policies: ParameterPolicy[] = parsed ? parsed.policies : (current?.policies ?? []);

    // The lifecycle decides: create, overwrite, refuse an existing name without Overwrite, refuse a downgrade.
    const requested = resolveTier(ctx, input, existing, policies.length > 0);
    const tier = nextTier(existing?.tier, { type: overwrite ? "parameter.overwrite" : "parameter.create", tier: requested });

    if (!current && input.Type === undefined) throw errors.typeRequiredOnCreate();
    const type: ParameterType = input.Type ?? (current as ParameterVersion).type;
    if (current && type !== current.type) throw errors.hierarchyTypeMismatch();

    // NOTE: AWS validates aws:ec2:image values against the account's AMIs (asynchronously); the sandbox only checks the name of the data type.
    const dataType = input.DataType ?? current?.dataType ?? "text";
    if (!DATA_TYPES.includes(dataType)) throw errors.unsupportedDataType(dataType);

    if (tier === "Standard" && input.Value.length > STANDARD_VALUE_LIMIT) throw errors.standardValueTooLarge();
    if (tier === "Advanced" && input.Value.length > ADVANCED_VALUE_LIMIT) throw errors.advancedValueTooLarge();
    if (tier === "Standard" && policies.length > 0) throw errors.policiesNeedAdvanced();

    // NOTE: a Description or AllowedPattern left out of an overwrite is kept from the previous version.
    const allowedPattern = input.AllowedPattern ?? current?.allowedPattern;
    if (allowedPattern) checkAllowedPattern(allowedPattern, input.Value);
    const description = input.Description ?? current?.description;

    const counts = tierCounts(state);
    if (tier !== existing?.tier) {
      if (tier === "Standard" && counts.Standard >= STANDARD_PARAMETER_LIMIT) throw errors.standardParameterLimit();
      if (tier === "Advanced" && counts.Advanced >= ADVANCED_PARAMETER_LIMIT) throw errors.advancedParameterLimit();
    }
    const oldest = existing?.history[0];
    if (existing && oldest && existing.history.length >= HISTORY_LIMIT && oldest.labels.length > 0) {
      throw errors.maxVersionLimit(name, oldest.version);
    }
    const tags = existing ? existing.tags : mergeTags([], input.Tags ?? []);
    if (tags.length > TAGS_PER_PARAMETER) throw errors.tooManyTags();

    // Encrypt last: a KMS failure (missing or disabled key, no permission) still leaves nothing changed.
    // Without KeyId, AWS uses the aws/ssm key, even when the previous version used another one.
    // NOTE: a KeyId sent with a String or StringList is ignored.
    const keyId = type === "SecureString" ? (input.KeyId ?? DEFAULT_KEY) : undefined;
    const sealed = keyId === undefined ? undefined : sealValue(ctx, input.Value, keyId, arn, tier);

    const version: ParameterVersion = {
      version: (current?.version ?? 0) + 1,
      type,
      value: sealed ? sealed.value : input.Value,
      tier,
      dataType,
      lastModifiedDate: ctx.now,
      lastModifiedUser: ctx.caller.arn,
      labels: [],
    };
    if (keyId !== undefined && sealed) {
      version.keyId = keyId;
      version.encryption = sealed.encryption;
    }
    if (description !== undefined) version.description = description;
    if (allowedPattern) version.allowedPattern = allowedPattern;
    if (policies.length > 0) version.policies = policies.map((policy) => ({ ...policy }));

    const record: ParameterRecord = existing ?? { name, tier, history: [], tags };
    const previousTier = existing?.tier;
    record.tier = tier;
    record.history.push(version);
    if (record.history.length > HISTORY_LIMIT) record.history.shift();
    putRecord(state, record, previousTier);
    ctx.touches(arn, "AWS::SSM::Parameter");

    if (parsed) {
      ctx.cancelScheduled(EXPIRATION_EVENT, arn);
      if (parsed.expiresAt !== undefined) ctx.schedule({ kind: EXPIRATION_EVENT, at: Math.max(parsed.expiresAt, ctx.now), resource: arn });
    }
    return { Version: version.version, Tier: tier };
  },
});
