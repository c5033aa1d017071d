import { inputs } from "../../contracts/ssm";
import { defineOperation, type OperationContext, type WireObject } from "../../core/operation";
import { authorizeReference, findRecord, selectVersion } from "../access";
import * as errors from "../errors";
import { checkFilters, labeledVersion, matchesFilters } from "../filters";
import { checkName, checkPath, parseReference, pathArn } from "../names";
import { decodeToken, encodeToken } from "../pagination";
import { getRecord, namesUnderPath } from "../store";
import { isSecretsReference, needsDecryption, parseSecretsReference, resolveSecretsReference } from "../secrets-reference";
import { findPublic, isPublicName, publicArn, publicShape, publicUnderPath, publicVersion } from "../public-parameters";
import type { ParameterReference } from "../names";
import { isAwsServiceError } from "../../core/errors";
import { arnOf, historyShape, parameterShape, valueOf } from "../wire";

/**
 * Reading parameters. The responses carry values (plaintext or, with
 * WithDecryption, decrypted SecureStrings), so the trail never records them:
 * CloudTrail logs these calls without response elements.
 */

/** A public parameter (public-parameters.ts): authorised on its account-less ARN, found or ParameterNotFound. */
function readPublic(ctx: OperationContext, action: "ssm:GetParameter" | "ssm:GetParameters", reference: ParameterReference): WireObject {
  ctx.authorize({ action, resource: publicArn(ctx.region, reference.name), resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
  const parameter = findPublic(ctx.region, reference.name);
  if (!parameter) throw errors.parameterNotFound();
  return publicShape(ctx.region, publicVersion(parameter, reference), reference.selector?.text);
}

export const getParameter = defineOperation({
  name: "GetParameter",
  input: inputs.GetParameter,
  readOnly: true,
  sensitive: { response: ["Parameter"] },
  handler(ctx, input) {
    if (isSecretsReference(input.Name)) {
      const secretReference = parseSecretsReference(input.Name);
      if (input.WithDecryption !== true) throw needsDecryption();
      return { Parameter: resolveSecretsReference(ctx, secretReference, "ssm:GetParameter") };
    }
    const state = ctx.regionState().ssm;
    const reference = parseReference(input.Name, true);
    if (isPublicName(reference.name) && !reference.malformed) return { Parameter: readPublic(ctx, "ssm:GetParameter", reference) };
    checkName(reference.name, "read", ctx.region, ctx.accountId);
    const record = findRecord(ctx, state, reference);
    authorizeReference(ctx, "ssm:GetParameter", reference, record);
    if (!record) throw errors.parameterNotFound();
    const version = selectVersion(record, reference);
    const arn = arnOf(ctx, record);
    return { Parameter: parameterShape(record, version, arn, valueOf(ctx, version, arn, input.WithDecryption === true), reference.selector?.text) };
  },
});

export const getParameters = defineOperation({
  name: "GetParameters",
  input: inputs.GetParameters,
  readOnly: true,
  sensitive: { response: ["Parameters"] },
  handler(ctx, input) {
    const state = ctx.regionState().ssm;
    const names = [...new Set(input.Names)];
    // References to Secrets Manager and public parameters are answered from there: a name they cannot
    // answer is an invalid name, a denied one fails the request.
    const elsewhere: WireObject[] = [];
    const invalidElsewhere: string[] = [];
    const answer = (given: string, read: () => WireObject) => {
      try {
        elsewhere.push(read());
      } catch (error) {
        if (isAwsServiceError(error) && error.code !== "AccessDeniedException") invalidElsewhere.push(given);
        else throw error;
      }
    };
    for (const given of names.filter(isSecretsReference)) {
      answer(given, () => {
        if (input.WithDecryption !== true) throw needsDecryption();
        return resolveSecretsReference(ctx, parseSecretsReference(given), "ssm:GetParameters");
      });
    }
    const ordinary = names.filter((given) => !isSecretsReference(given)).map((given) => ({ given, reference: parseReference(given, true) }));
    for (const { given, reference } of ordinary) if (isPublicName(reference.name)) answer(given, () => readPublic(ctx, "ssm:GetParameters", reference));
    const lookups = ordinary
      .filter(({ reference }) => !isPublicName(reference.name))
      .map(({ given, reference }) => {
        checkName(reference.name, "read", ctx.region, ctx.accountId);
        return { given, reference, record: findRecord(ctx, state, reference) };
      });
    // Every name is authorised before anything is read: one denied name fails the whole request.
    for (const { reference, record } of lookups) {
      authorizeReference(ctx, "ssm:GetParameters", reference, record);
    }
    const parameters: WireObject[] = [];
    const invalid: string[] = [];
    for (const { given, reference, record } of lookups) {
      let version;
      try {
        version = record ? selectVersion(record, reference) : undefined;
      } catch {
        version = undefined; // a missing version or label is an invalid name here, not an error
      }
      if (!record || !version) {
        invalid.push(given);
        continue;
      }
      const arn = arnOf(ctx, record);
      parameters.push(parameterShape(record, version, arn, valueOf(ctx, version, arn, input.WithDecryption === true), reference.selector?.text));
    }
    return { Parameters: [...elsewhere, ...parameters], InvalidParameters: [...invalidElsewhere, ...invalid] };
  },
});

export const getParametersByPath = defineOperation({
  name: "GetParametersByPath",
  input: inputs.GetParametersByPath,
  readOnly: true,
  sensitive: { response: ["Parameters"] },
  handler(ctx, input) {
    const state = ctx.regionState().ssm;
    const path = checkPath(input.Path);
    const filters = input.ParameterFilters ?? [];
    checkFilters(filters, "byPath");
    // AWS authorises the path itself, not each parameter under it (API reference, Recursive:
    // "If a user has access to a path, then the user can access all levels of that path").
    ctx.authorize({ action: "ssm:GetParametersByPath", resource: pathArn(ctx.region, ctx.accountId, path), resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
    const after = decodeToken("GetParametersByPath", input.NextToken);
    const limit = input.MaxResults ?? 10;
    const withDecryption = input.WithDecryption === true;
    if (isPublicName(path)) {
      // AWS's public parameters, read-only and the same in every account (public-parameters.ts).
      const found = publicUnderPath(ctx.region, path, input.Recursive === true, after);
      const page = found.slice(0, limit);
      const lastPublic = page.at(-1);
      return {
        Parameters: page.map((parameter) => publicShape(ctx.region, parameter)),
        ...(found.length > limit && lastPublic ? { NextToken: encodeToken("GetParametersByPath", lastPublic.name) } : {}),
      };
    }

    const parameters: WireObject[] = [];
    let last: string | undefined;
    let more = false;
    for (const name of namesUnderPath(state, path, input.Recursive === true, after)) {
      const record = getRecord(state, name);
      if (!record) continue;
      const version = labeledVersion(record, filters);
      if (!version || !matchesFilters(record, version, filters)) continue;
      if (parameters.length === limit) {
        more = true;
        break;
      }
      const arn = arnOf(ctx, record);
      parameters.push(parameterShape(record, version, arn, valueOf(ctx, version, arn, withDecryption)));
      last = name;
    }
    return { Parameters: parameters, ...(more && last !== undefined ? { NextToken: encodeToken("GetParametersByPath", last) } : {}) };
  },
});

export const getParameterHistory = defineOperation({
  name: "GetParameterHistory",
  input: inputs.GetParameterHistory,
  readOnly: true,
  sensitive: { response: ["Parameters"] },
  handler(ctx, input) {
    const state = ctx.regionState().ssm;
    const reference = parseReference(input.Name, false);
    checkName(reference.name, "read", ctx.region, ctx.accountId);
    const record = findRecord(ctx, state, reference);
    authorizeReference(ctx, "ssm:GetParameterHistory", reference, record);
    if (!record) throw errors.parameterNotFound();
    const afterText = decodeToken("GetParameterHistory", input.NextToken);
    const after = afterText === undefined ? 0 : Number(afterText);
    // NOTE: AWS's default page size for GetParameterHistory is not documented; the sandbox uses the maximum, 50.
    const limit = input.MaxResults ?? 50;
    const arn = arnOf(ctx, record);
    const remaining = record.history.filter((version) => version.version > after);
    const page = remaining.slice(0, limit);
    const parameters = page.map((version) => historyShape(record, version, valueOf(ctx, version, arn, input.WithDecryption === true)));
    const lastVersion = page[page.length - 1]?.version;
    return {
      Parameters: parameters,
      ...(remaining.length > limit && lastVersion !== undefined ? { NextToken: encodeToken("GetParameterHistory", String(lastVersion)) } : {}),
    };
  },
});
