import { isAwsServiceError } from "../../core/errors";
import type { OperationContext } from "../../core/operation";
import { findReferences, readSsmParameter } from "../dynamic-references";
import * as errors from "../errors";
import type { StackParameterRecord } from "../state";
import type { ParameterDeclaration, Template } from "./model";

/**
 * Template parameters (user guide, "Parameters", "CloudFormation-supplied parameter types"): the values
 * CreateStack gives or the defaults, checked against the constraints, and for Systems Manager parameter types
 * resolved through Parameter Store as the caller when the stack is created. For those, DescribeStacks shows
 * the name as ParameterValue and the value as ResolvedValue [LIVE T1a], and the constraints apply to the
 * name, not to the value [LIVE T2].
 */

const AWS_SPECIFIC = [
  "AWS::EC2::AvailabilityZone::Name",
  "AWS::EC2::Image::Id",
  "AWS::EC2::Instance::Id",
  "AWS::EC2::KeyPair::KeyName",
  "AWS::EC2::SecurityGroup::GroupName",
  "AWS::EC2::SecurityGroup::Id",
  "AWS::EC2::Subnet::Id",
  "AWS::EC2::Volume::Id",
  "AWS::EC2::VPC::Id",
  "AWS::Route53::HostedZone::Id",
];
const AWS_SPECIFIC_LISTS = AWS_SPECIFIC.filter((type) => type !== "AWS::EC2::KeyPair::KeyName").map((type) => `List<${type}>`);
const PLAIN = ["String", "Number", "List<Number>", "CommaDelimitedList", ...AWS_SPECIFIC, ...AWS_SPECIFIC_LISTS];
const SSM_VALUE = /^AWS::SSM::Parameter::Value<(.+)>$/;

/** Whether CloudFormation knows a parameter type ("Template format error: Unrecognized parameter type: X" otherwise). */
export function isRecognizedParameterType(type: string): boolean {
  if (PLAIN.includes(type) || type === "AWS::SSM::Parameter::Name") return true;
  const ssm = SSM_VALUE.exec(type);
  return ssm !== null && ["String", "List<String>", "CommaDelimitedList", ...AWS_SPECIFIC, ...AWS_SPECIFIC_LISTS].includes(ssm[1]!);
}

const isListType = (type: string) => type === "CommaDelimitedList" || type.startsWith("List<");

export function checkParameterTypes(template: Template): void {
  for (const parameter of Object.values(template.parameters)) {
    if (!isRecognizedParameterType(parameter.type)) throw errors.unrecognizedParameterType(parameter.type);
  }
}

export interface GivenParameter {
  ParameterKey?: string | undefined;
  ParameterValue?: string | undefined;
  UsePreviousValue?: boolean | undefined;
}

export interface ResolvedParameters {
  /** For DescribeStacks, in the template's order. */
  records: StackParameterRecord[];
  /** What Ref of each parameter gives (lists for list types). */
  values: Record<string, string | string[]>;
  /** AWS::SSM::Parameter::Name parameters, checked once the stack exists [LIVE T3f]. */
  namesToCheck: Array<{ key: string; name: string }>;
}

function checkConstraints(key: string, declaration: ParameterDeclaration, value: string): void {
  if (declaration.allowedValues && !declaration.allowedValues.includes(value)) throw errors.notAnAllowedValue(key);
  if (declaration.allowedPattern !== undefined) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(`^(?:${declaration.allowedPattern})$`);
    } catch {
      pattern = undefined;
    }
    if (pattern && !pattern.test(value)) throw errors.patternMismatch(key, declaration.allowedPattern);
  }
  if (declaration.maxLength !== undefined && value.length > declaration.maxLength) throw errors.tooLong(key, declaration.maxLength);
  if (declaration.minLength !== undefined && value.length < declaration.minLength) throw errors.tooShort(key, declaration.minLength);
  if (declaration.type === "Number" && (value.trim() === "" || !Number.isFinite(Number(value)))) throw errors.notANumber(key);
  if (declaration.type === "List<Number>" && value.split(",").some((item) => item.trim() === "" || !Number.isFinite(Number(item)))) throw errors.notANumber(key);
}

/** CreateStack's parameter checks, in order: unknown keys, missing values, constraints, Parameter Store. */
export function resolveParameters(ctx: OperationContext, template: Template, given: readonly GivenParameter[]): ResolvedParameters {
  const declared = template.parameters;
  const unknown = given.map((parameter) => parameter.ParameterKey ?? "").filter((key) => !(key in declared));
  if (unknown.length > 0) throw errors.parametersNotInTemplate(unknown);

  const chosen = new Map<string, string>();
  for (const parameter of given) {
    // NOTE: UsePreviousValue means nothing to a new stack; the sandbox takes such a parameter as not given.
    if (parameter.ParameterKey !== undefined && parameter.ParameterValue !== undefined && parameter.UsePreviousValue !== true) chosen.set(parameter.ParameterKey, parameter.ParameterValue);
  }
  const missing: string[] = [];
  for (const [key, declaration] of Object.entries(declared)) {
    if (!chosen.has(key) && declaration.defaultValue === undefined) missing.push(key);
  }
  if (missing.length > 0) throw errors.parametersMustHaveValues(missing);

  for (const [key, declaration] of Object.entries(declared)) {
    const value = chosen.get(key) ?? (declaration.defaultValue as string);
    // "Template error: parameter P should not contain ssm versionless resolver" [LIVE T7a].
    if (declaration.defaultValue !== undefined && findReferences(declaration.defaultValue).some((reference) => reference.service === "ssm" && reference.version === undefined)) {
      throw errors.versionlessResolverInParameter(key);
    }
    checkConstraints(key, declaration, value);
  }

  const records: StackParameterRecord[] = [];
  const values: Record<string, string | string[]> = {};
  const namesToCheck: Array<{ key: string; name: string }> = [];
  const unfetchable: string[] = [];
  const secure: string[] = [];
  const incompatible: string[] = [];
  for (const [key, declaration] of Object.entries(declared)) {
    const value = chosen.get(key) ?? (declaration.defaultValue as string);
    const record: StackParameterRecord = { key, value, noEcho: declaration.noEcho };
    const ssm = SSM_VALUE.exec(declaration.type);
    if (ssm) {
      const inner = ssm[1]!;
      const wantsList = isListType(inner);
      const selector = /^(.*?)(?::([^:/]+))?$/.exec(value)!;
      const versionText = selector[2];
      if (versionText !== undefined && !/^\d+$/.test(versionText)) throw errors.ssmLabelInParameterType();
      let found;
      try {
        found = readSsmParameter(ctx, selector[1]!, versionText === undefined ? undefined : Number(versionText), false);
      } catch (error) {
        // NOTE: unverified: how CloudFormation words a denied read; the sandbox answers SSM's denial as a ValidationError.
        if (isAwsServiceError(error)) throw errors.validationError(error.message);
        throw error;
      }
      if (!found) {
        unfetchable.push(value);
        continue;
      }
      if (found.type === "SecureString") {
        secure.push(value);
        continue;
      }
      if (wantsList !== (found.type === "StringList")) {
        incompatible.push(value);
        continue;
      }
      if (wantsList) {
        // List types trim the spaces around each element [LIVE T4a].
        const items = found.value.split(",").map((item) => item.trim());
        record.resolvedValue = items.join(",");
        values[key] = items;
      } else {
        record.resolvedValue = found.value;
        values[key] = found.value;
      }
      // NOTE: Value<AWS-specific type> (e.g. AWS::EC2::Image::Id) is not checked against EC2: AWS checks that the
      // image, subnet, ... exists [LIVE T3].
    } else {
      if (declaration.type === "AWS::SSM::Parameter::Name") namesToCheck.push({ key, name: value });
      // NOTE: AWS-specific types (AWS::EC2::Image::Id, ...) are taken as strings: AWS checks that the resource exists.
      values[key] = isListType(declaration.type) ? value.split(",") : value;
    }
    records.push(record);
  }
  if (unfetchable.length > 0) throw errors.unableToFetchSsmParameters(unfetchable);
  if (secure.length > 0) throw errors.ssmTypesNotSupported(secure);
  if (incompatible.length > 0) throw errors.ssmTypesIncompatible(incompatible);
  return { records, values, namesToCheck };
}

/**
 * AWS::SSM::Parameter::Name parameters must name an existing parameter; AWS checks once the stack exists and
 * rolls it back: "parameter value /cfncompat/livetest/does-not-exist for parameter name P does not exist."
 * [LIVE T3f] under "Parameter validation failed: ..." [LIVE T3a]. Returns the stack-level reason, if any.
 */
export function checkParameterNames(ctx: OperationContext, names: ResolvedParameters["namesToCheck"]): string | undefined {
  for (const { key, name } of names) {
    let exists = false;
    try {
      exists = readSsmParameter(ctx, name, undefined, false) !== undefined;
    } catch {
      exists = false;
    }
    if (!exists) return `Parameter validation failed: parameter value ${name} for parameter name ${key} does not exist`;
  }
  return undefined;
}
