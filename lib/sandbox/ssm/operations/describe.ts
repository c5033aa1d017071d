import * as z from "zod";
import { defineOperation, type WireObject } from "../../core/operation";
import { aws } from "../../core/validation";
import { currentVersion } from "../access";
import * as errors from "../errors";
import { checkFilters, matchesFilters, type StringFilter } from "../filters";
import { decodeToken, encodeToken } from "../pagination";
import { getRecord, namesInOrder } from "../store";
import { arnOf, metadataShape } from "../wire";
import { parameterStringFilters } from "./shapes";

/**
 * DescribeParameters: metadata of the parameters (never their values), in
 * name order, filtered either by the deprecated Filters or by
 * ParameterFilters, never both.
 */

const legacyFilter = z.object({
  Key: aws.enum(["KeyId", "Type", "Name"]),
  Values: aws.list(aws.string({ min: 1, max: 1024 }), { min: 1, max: 50 }),
});

/** The deprecated Filters as ParameterFilters: Name matches by prefix, Type and KeyId exactly (as moto reads them). */
function fromLegacy(filters: readonly z.output<typeof legacyFilter>[]): StringFilter[] {
  return filters.map((filter) => ({ Key: filter.Key, Option: filter.Key === "Name" ? "BeginsWith" : "Equals", Values: filter.Values }));
}

export const describeParameters = defineOperation({
  name: "DescribeParameters",
  input: z.object({
    Filters: z.array(legacyFilter).optional(),
    ParameterFilters: parameterStringFilters().optional(),
    MaxResults: aws.integer({ min: 1, max: 50 }).optional(),
    NextToken: z.string().optional(),
    Shared: aws.boolean().optional(),
  }),
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
