import { inputs } from "../../contracts/ssm";
import { defineOperation } from "../../core/operation";
import { authorizeParameter, currentVersion } from "../access";
import * as errors from "../errors";
import { checkName, parameterArn } from "../names";
import type { ParameterRecord, ParameterVersion } from "../state";
import { getRecord } from "../store";

/**
 * Labels (API reference, LabelParameterVersion): up to 10 per version, each on
 * one version of a parameter at a time (labelling another version moves it).
 * A label of letters, digits, "." "-" "_" that does not begin with a digit,
 * "aws" or "ssm" is valid; invalid labels are not an error but come back in
 * InvalidLabels.
 */

export const LABELS_PER_VERSION = 10;

export function isValidLabel(label: string): boolean {
  return /^[a-zA-Z0-9_.-]+$/.test(label) && !/^[0-9]/.test(label) && !/^(aws|ssm)/i.test(label);
}

function versionOf(record: ParameterRecord, wanted: number | undefined): ParameterVersion {
  if (wanted === undefined) return currentVersion(record);
  const found = record.history.find((version) => version.version === wanted);
  if (!found) throw errors.parameterVersionNotFound(wanted, record.name);
  return found;
}

export const labelParameterVersion = defineOperation({
  name: "LabelParameterVersion",
  input: inputs.LabelParameterVersion,
  readOnly: false,
  handler(ctx, input) {
    const state = ctx.regionState().ssm;
    const name = checkName(input.Name, "write", ctx.region, ctx.accountId);
    const record = getRecord(state, name);
    authorizeParameter(ctx, "ssm:LabelParameterVersion", parameterArn(ctx.region, ctx.accountId, name), record);
    if (!record) throw errors.parameterNotFound();
    const target = versionOf(record, input.ParameterVersion);
    const labels = [...new Set(input.Labels)];
    const valid = labels.filter(isValidLabel);
    const invalid = labels.filter((label) => !isValidLabel(label));
    const added = valid.filter((label) => !target.labels.includes(label));
    if (target.labels.length + added.length > LABELS_PER_VERSION) throw errors.labelLimit();
    for (const version of record.history) {
      if (version !== target) version.labels = version.labels.filter((label) => !valid.includes(label));
    }
    target.labels.push(...added);
    return { InvalidLabels: invalid, ParameterVersion: target.version };
  },
});

export const unlabelParameterVersion = defineOperation({
  name: "UnlabelParameterVersion",
  input: inputs.UnlabelParameterVersion,
  readOnly: false,
  handler(ctx, input) {
    const state = ctx.regionState().ssm;
    const name = checkName(input.Name, "write", ctx.region, ctx.accountId);
    const record = getRecord(state, name);
    authorizeParameter(ctx, "ssm:UnlabelParameterVersion", parameterArn(ctx.region, ctx.accountId, name), record);
    if (!record) throw errors.parameterNotFound();
    const target = versionOf(record, input.ParameterVersion);
    const labels = [...new Set(input.Labels)];
    const removed = labels.filter((label) => target.labels.includes(label));
    const invalid = labels.filter((label) => !target.labels.includes(label));
    target.labels = target.labels.filter((label) => !removed.includes(label));
    return { RemovedLabels: removed, InvalidLabels: invalid };
  },
});
