import { inputs } from "../../contracts/ssm";
import { defineOperation, type OperationContext } from "../../core/operation";
import { authorizeParameter } from "../access";
import { checkName, parameterArn } from "../names";
import { stepParameter } from "../parameter.machine";
import type { ParameterRecord, SsmState } from "../state";
import { getRecord, removeRecord } from "../store";
import { EXPIRATION_EVENT } from "./put";

/**
 * Deleting parameters removes every version, label and tag at once.
 * NOTE: AWS asks to wait 30 seconds before re-creating a deleted name; the
 * sandbox allows it at once.
 */

function remove(ctx: OperationContext, state: SsmState, record: ParameterRecord, arn: string): void {
  stepParameter(record.tier, { type: "parameter.delete" });
  removeRecord(state, record);
  ctx.cancelScheduled(EXPIRATION_EVENT, arn);
}

export const deleteParameter = defineOperation({
  name: "DeleteParameter",
  input: inputs.DeleteParameter,
  readOnly: false,
  handler(ctx, input) {
    const state = ctx.regionState().ssm;
    const name = checkName(input.Name, "write", ctx.region, ctx.accountId);
    const arn = parameterArn(ctx.region, ctx.accountId, name);
    const record = getRecord(state, name);
    authorizeParameter(ctx, "ssm:DeleteParameter", arn, record);
    // The lifecycle refuses to delete what does not exist, with ParameterNotFound.
    if (!record) stepParameter("Absent", { type: "parameter.delete" });
    else remove(ctx, state, record, arn);
    return {};
  },
});

export const deleteParameters = defineOperation({
  name: "DeleteParameters",
  input: inputs.DeleteParameters,
  readOnly: false,
  handler(ctx, input) {
    const state = ctx.regionState().ssm;
    const targets = [...new Set(input.Names)].map((given) => {
      const name = checkName(given, "write", ctx.region, ctx.accountId);
      return { given, arn: parameterArn(ctx.region, ctx.accountId, name), record: getRecord(state, name) };
    });
    for (const { arn, record } of targets) authorizeParameter(ctx, "ssm:DeleteParameters", arn, record);
    const deleted: string[] = [];
    const invalid: string[] = [];
    for (const { given, arn, record } of targets) {
      if (!record) {
        invalid.push(given);
        continue;
      }
      remove(ctx, state, record, arn);
      deleted.push(given);
    }
    return { DeletedParameters: deleted, InvalidParameters: invalid };
  },
});
