import type { OperationContext, WireObject } from "../core/operation";
import { toEpochSeconds } from "../core/time";
import { openValue } from "./encryption";
import { parameterArn } from "./names";
import type { ParameterRecord, ParameterVersion } from "./state";

/**
 * Response shapes, members in the order of the API model (which is the order
 * AWS returns them in), optional members omitted when unset.
 */

export const arnOf = (ctx: OperationContext, record: ParameterRecord): string => parameterArn(ctx.region, ctx.accountId, record.name);

/**
 * The Value a read returns: String and StringList as stored; SecureString as
 * its ciphertext, or decrypted through KMS when the caller asked for
 * WithDecryption (ignored for the other types, API reference GetParameter).
 */
export function valueOf(ctx: OperationContext, version: ParameterVersion, arn: string, withDecryption: boolean): string {
  if (version.type !== "SecureString" || !withDecryption || !version.encryption) return version.value;
  return openValue(ctx, version.value, version.encryption, arn);
}

/** `Parameter` (GetParameter, GetParameters, GetParametersByPath). */
export function parameterShape(record: ParameterRecord, version: ParameterVersion, arn: string, value: string, selector?: string): WireObject {
  // Built member by member (path queries build many of these): insertion order is the wire order.
  const shape: WireObject = { Name: record.name, Type: version.type, Value: value, Version: version.version };
  if (selector !== undefined) shape.Selector = selector;
  shape.LastModifiedDate = toEpochSeconds(version.lastModifiedDate);
  shape.ARN = arn;
  shape.DataType = version.dataType;
  return shape;
}

const policiesOf = (version: ParameterVersion) => (version.policies ?? []).map((policy) => ({ ...policy }));

/** `ParameterMetadata` (DescribeParameters): everything but the value. */
export function metadataShape(record: ParameterRecord, version: ParameterVersion, arn: string): WireObject {
  return {
    Name: record.name,
    ARN: arn,
    Type: version.type,
    ...(version.keyId === undefined ? {} : { KeyId: version.keyId }),
    LastModifiedDate: toEpochSeconds(version.lastModifiedDate),
    LastModifiedUser: version.lastModifiedUser,
    ...(version.description === undefined ? {} : { Description: version.description }),
    ...(version.allowedPattern === undefined ? {} : { AllowedPattern: version.allowedPattern }),
    Version: version.version,
    Tier: version.tier,
    Policies: policiesOf(version),
    DataType: version.dataType,
  };
}

/** `ParameterHistory` (GetParameterHistory). */
export function historyShape(record: ParameterRecord, version: ParameterVersion, value: string): WireObject {
  return {
    Name: record.name,
    Type: version.type,
    ...(version.keyId === undefined ? {} : { KeyId: version.keyId }),
    LastModifiedDate: toEpochSeconds(version.lastModifiedDate),
    LastModifiedUser: version.lastModifiedUser,
    ...(version.description === undefined ? {} : { Description: version.description }),
    Value: value,
    ...(version.allowedPattern === undefined ? {} : { AllowedPattern: version.allowedPattern }),
    Version: version.version,
    Labels: [...version.labels],
    Tier: version.tier,
    Policies: policiesOf(version),
    DataType: version.dataType,
  };
}
