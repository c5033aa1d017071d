import type { OperationContext } from "../core/operation";
import * as errors from "./errors";
import { parameterArn, type ParameterReference } from "./names";
import type { ParameterRecord, ParameterVersion, SsmState } from "./state";
import { getRecord } from "./store";

/**
 * Finding parameters and authorising access to them.
 *
 * Parameters have no resource policy, so only the caller's identity policies
 * decide ("identity-only"). The resource is the parameter's ARN; a parameter's
 * tags are offered as `ssm:resourceTag/<key>` and `aws:ResourceTag/<key>`
 * condition keys (Systems Manager User Guide, "Controlling access to
 * parameters using tags").
 */
export function authorizeParameter(ctx: OperationContext, action: string, resource: string, record?: ParameterRecord, resourceAccount: string = ctx.accountId): void {
  const context: Record<string, string> = {};
  for (const tag of record?.tags ?? []) {
    context[`ssm:resourceTag/${tag.Key}`] = tag.Value;
    context[`aws:ResourceTag/${tag.Key}`] = tag.Value;
  }
  ctx.authorize({ action, resource, resourceAccount, resourceKind: "identity-only", context });
  if (record) ctx.touches(resource, "AWS::SSM::Parameter");
}

/**
 * Authorises a read of the parameter a reference names: by its ARN in the
 * caller's account and Region, or, for an ARN of another account, against
 * that account (where, without a resource policy, nothing lets the caller in).
 */
export function authorizeReference(ctx: OperationContext, action: string, reference: ParameterReference, record: ParameterRecord | undefined): void {
  const account = reference.account ?? ctx.accountId;
  authorizeParameter(ctx, action, parameterArn(reference.region ?? ctx.region, account, reference.name), record, account);
}

/**
 * The parameter a reference names in the caller's account and Region.
 * NOTE: parameters shared from other accounts (through AWS RAM) are not
 * simulated: an ARN of another account or Region finds nothing.
 */
export function findRecord(ctx: OperationContext, state: SsmState, reference: ParameterReference): ParameterRecord | undefined {
  if (reference.malformed) return undefined;
  if (reference.account !== undefined && (reference.account !== ctx.accountId || reference.region !== ctx.region)) return undefined;
  return getRecord(state, reference.name);
}

export const currentVersion = (record: ParameterRecord): ParameterVersion => record.history[record.history.length - 1] as ParameterVersion;

/**
 * The version a `name:version` or `name:label` selector picks (the current one
 * without a selector). A missing version is ParameterVersionNotFound.
 * NOTE: a label no version carries is reported as ParameterNotFound (as moto
 * does); AWS's answer was not found.
 */
export function selectVersion(record: ParameterRecord, reference: ParameterReference): ParameterVersion {
  const selector = reference.selector;
  if (!selector) return currentVersion(record);
  if (selector.kind === "version") {
    const found = record.history.find((version) => version.version === selector.version);
    if (!found) throw errors.parameterVersionNotFound(selector.version, record.name);
    return found;
  }
  const labeled = record.history.find((version) => version.labels.includes(selector.label));
  if (!labeled) throw errors.parameterNotFound();
  return labeled;
}
