import type * as z from "zod";
import type { OperationSpec, ServiceSpec } from "../core/operation";
import { currentVersion } from "./access";
import { SSM_ERROR_MESSAGE_KEYS } from "./errors";
import { deleteParameter, deleteParameters } from "./operations/delete";
import { describeParameters } from "./operations/describe";
import { getParameter, getParameterHistory, getParameters, getParametersByPath } from "./operations/get";
import { labelParameterVersion, unlabelParameterVersion } from "./operations/labels";
import { EXPIRATION_EVENT, putParameter } from "./operations/put";
import { getServiceSetting, resetServiceSetting, updateServiceSetting } from "./operations/service-settings";
import { addTagsToResource, listTagsForResource, removeTagsFromResource } from "./operations/tags";
import { stepParameter } from "./parameter.machine";
import { expirationOf } from "./policies";
import { getRecord, removeRecord } from "./store";

/**
 * AWS Systems Manager Parameter Store: parameters in a hierarchy, three types
 * (String, StringList, SecureString encrypted through KMS), two tiers, 100
 * versions of history with labels, tags, and path queries.
 */

const operations: OperationSpec<z.ZodType>[] = [
  putParameter,
  getParameter,
  getParameters,
  getParametersByPath,
  deleteParameter,
  deleteParameters,
  describeParameters,
  getParameterHistory,
  labelParameterVersion,
  unlabelParameterVersion,
  addTagsToResource,
  removeTagsFromResource,
  listTagsForResource,
  getServiceSetting,
  updateServiceSetting,
  resetServiceSetting,
] as OperationSpec<z.ZodType>[];

export const ssmService: ServiceSpec = {
  id: "ssm",
  eventSource: "ssm.amazonaws.com",
  errorMessageKey: "message",
  errorMessageKeys: SSM_ERROR_MESSAGE_KEYS,
  operations: Object.fromEntries(operations.map((operation) => [operation.name, operation])),
  scheduledHandlers: {
    // An Expiration policy's time has come: Parameter Store deletes the parameter.
    [EXPIRATION_EVENT]: {
      eventName: "DeleteParameter",
      run(ctx, event) {
        const state = ctx.regionState().ssm;
        const body = event.resource.slice(event.resource.indexOf(":parameter/") + ":parameter/".length);
        // Either spelling of a one-level name finds the parameter (store.ts getRecord).
        const record = getRecord(state, `/${body}`);
        // The policy may have been replaced since the event was scheduled: only delete if it still says so.
        if (!record || expirationOf(currentVersion(record).policies) === undefined) return;
        stepParameter(record.tier, { type: "parameter.delete" });
        removeRecord(state, record);
      },
    },
  },
};
