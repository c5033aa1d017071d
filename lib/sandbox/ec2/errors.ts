import { AwsServiceError } from "../core/errors";

/**
 * EC2's errors (codes and messages as EC2 returns them; the texts are those
 * moto's EC2 exceptions and AWS's error-code reference give).
 */
export const instanceNotFound = (ids: string[]) =>
  new AwsServiceError("InvalidInstanceID.NotFound", ids.length > 1 ? `The instance IDs '${ids.join(", ")}' do not exist` : `The instance ID '${ids[0]}' does not exist`);

export const instanceIdMalformed = (id: string) => new AwsServiceError("InvalidInstanceID.Malformed", `Invalid id: "${id}"`);

export const imageNotFound = (id: string) => new AwsServiceError("InvalidAMIID.NotFound", `The image id '[${id}]' does not exist`);

export const imageIdMalformed = (id: string) => new AwsServiceError("InvalidAMIID.Malformed", `Invalid id: "${id}" (expecting "ami-...")`);

export const invalidInstanceProfile = (field: "name" | "arn", value: string) =>
  new AwsServiceError("InvalidParameterValue", `Value (${value}) for parameter iamInstanceProfile.${field} is invalid. Invalid IAM Instance Profile ${field}`);

export const invalidParameterValue = (message: string) => new AwsServiceError("InvalidParameterValue", message);

export const invalidParameterCombination = (message: string) => new AwsServiceError("InvalidParameterCombination", message);

export const missingParameter = (message: string) => new AwsServiceError("MissingParameter", message);

export const invalidFilter = (name: string) => new AwsServiceError("InvalidParameterValue", `The filter '${name}' is invalid`);

/**
 * A filter's name: the model lets a Filter go without one, EC2 refuses it as the filter 'null'
 * ("InvalidParameterValue: The filter 'null' is invalid", DescribeImages, recorded in
 * https://github.com/aws/karpenter-provider-aws/issues/3532).
 */
export function filterName(name: string | undefined): string {
  if (name === undefined) throw invalidFilter("null");
  return name;
}

const INSTANCE_ID = /^i-[0-9a-f]{8}([0-9a-f]{9})?$/;
const IMAGE_ID = /^ami-[0-9a-f]{8}([0-9a-f]{9})?$/;

/** An instance id as EC2 checks it before looking it up: InvalidInstanceID.Malformed otherwise. */
export function checkInstanceId(id: string): string {
  if (!INSTANCE_ID.test(id)) throw instanceIdMalformed(id);
  return id;
}

/** An image id as EC2 checks it: InvalidAMIID.Malformed otherwise. */
export function checkImageId(id: string): string {
  if (!IMAGE_ID.test(id)) throw imageIdMalformed(id);
  return id;
}
