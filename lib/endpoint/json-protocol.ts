import type { AwsServiceError, WireObject } from "@/lib/sandbox";
import type { ServiceSpec } from "@/lib/sandbox/core/operation";

/**
 * AWS JSON 1.1 (KMS, Secrets Manager, SSM): the request body is a JSON
 * object of the input members; a success answers 200 with the output
 * object, an error answers its HTTP status with `{"__type", "message"}` (the
 * message member named as each service's model names it).
 */
export const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

export type ParsedBody = { ok: true; input: WireObject } | { ok: false; reason: string };

/** botocore always sends an object (`{}` for an empty input); anything else is a SerializationException. */
export function parseJsonBody(text: string): ParsedBody {
  if (text.trim() === "") return { ok: true, input: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : "invalid JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: "the request body must be a JSON object" };
  }
  return { ok: true, input: value as WireObject };
}

/** The error body for a service, with the message member its model uses for this error. */
export function jsonErrorBody(error: AwsServiceError, service: Pick<ServiceSpec, "errorMessageKey" | "errorMessageKeys"> | undefined): string {
  return JSON.stringify(error.toWire(service?.errorMessageKey ?? "message", service?.errorMessageKeys));
}
