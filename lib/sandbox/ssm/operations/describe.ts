import type * as z from "zod";
import { defineOperation, type WireObject } from "../../core/operation";
import { currentVersion } from "../access";
import * as errors from "../errors";
import { checkFilters, matchesFilters, type StringFilter } from "../filters";
import { decodeToken, encodeToken } from "../pagination";
import { getRecord, namesInOrder } from "../store";
import { describeParametersRequest } from "../requests";
import { arnOf, metadataShape } from "../wire";

/**
 * DescribeParameters: metadata of the parameters (never their values), in
 * name order, filtered either by the deprecated Filters or by
 * ParameterFilters, never both.
 */

type LegacyFilter = NonNullable<z.output<typeof describeParametersRequest>["Filters"]>[number];

/** The deprecated Filters as ParameterFilters: Name matches by prefix, Type and KeyId exactly (as moto reads them). */
function fromLegacy(filters: readonly LegacyFilter[]): StringFilter[] {
  return filters.map((filter) => ({ Key: filter.Key, Option: filter.Key === "Name" ? "BeginsWith" : "Equals", Values: filter.Values }));
}

export const describeParameters = defineOperation({
  name: "DescribeParameters",
  // The legacy filters' Key enum in AWS's order: see requests.ts.
  input: describeParametersRequest,
  readOnly: true,
  handler(ctx, input) {
    const state = ctx.regionState().ssm;
    if (input.Filters && input.ParameterFilters) throw errors.bothFilterKinds();
    const filters = input.ParameterFilters ?? [];
    checkFilters(filters, "describe");
    const applied = input.Filters ? fromLegacy(input.Filters) : filters;
    // DescribeParameters names no parameter: AWS authorises it on the account's Systems Manager resources.
    ctx.authorize({ action: "ssm:DescribeParameters", resource: `arn:aws:ssm:${ctx.region}:${ctx.accountId}:*`, resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
    const after = decodeToken("DescribeParameters", input.NextToken);
    // NOTE: parameters shared from other accounts are not simulated, so Shared lists none.
    if (input.Shared) return { Parameters: [] };
    // NOTE: AWS's default page size is not documented; the sandbox uses 10, as GetParametersByPath does.
    const limit = input.MaxResults ?? 10;

    const parameters: WireObject[] = [];
    let last: string | undefined;
    let more = false;
    for (const name of namesInOrder(state, after)) {
      const record = getRecord(state, name);
      if (!record || !matchesFilters(record, currentVersion(record), applied)) continue;
      if (parameters.length === limit) {
        more = true;
        break;
      }
      parameters.push(metadataShape(record, currentVersion(record), arnOf(ctx, record)));
      last = name;
    }
    return { Parameters: parameters, ...(more && last !== undefined ? { NextToken: encodeToken("DescribeParameters", last) } : {}) };
  },
});
