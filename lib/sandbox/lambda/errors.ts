import { AwsServiceError } from "../core/errors";

/** Lambda's errors, with the texts Lambda returns. */
export const functionNotFound = (arn: string) => new AwsServiceError("ResourceNotFoundException", `Function not found: ${arn}`, 404);

// Lambda's own wording ("already exist").
export const functionExists = (name: string) => new AwsServiceError("ResourceConflictException", `Function already exist: ${name}`, 409);

export const invalidParameterValue = (message: string) => new AwsServiceError("InvalidParameterValueException", message);

export const roleCannotBeAssumed = () => invalidParameterValue("The role defined for the function cannot be assumed by Lambda.");

export const cannotUnzip = () => invalidParameterValue("Could not unzip uploaded file. Please check your file, then try to upload again.");

export const reservedEnvironmentKeys = (keys: string[]) =>
  invalidParameterValue(
    `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${keys.join(", ")}`,
  );

export const invalidRequestContent = (detail: string) => new AwsServiceError("InvalidRequestContentException", `Could not parse request body into json: ${detail}`);
