import { createEngine, isAwsServiceError, type Sandbox } from "@/lib/sandbox";

/**
 * What the conformance tests that replay recordings of real AWS share
 * (recorded-errors: LocalStack's snapshots; moto-verified: moto's aws_verified
 * tests): a fresh engine at a fixed time, and the engine's answer to a request.
 */

export const newEngine = (seed = 42): Sandbox => createEngine({ seed, now: "2026-01-01T00:00:00Z" });

export interface AwsErrorShape {
  code: string;
  message: string;
}

/** What the engine answered where the recording has an error: the call went through. */
export const SUCCEEDED = "the call succeeded";
export type Answer = AwsErrorShape | typeof SUCCEEDED;

/** Runs `action`: the AwsServiceError it throws, or SUCCEEDED (anything else it throws fails the test). */
export function answerOf(action: () => unknown): Answer {
  try {
    action();
  } catch (error) {
    if (isAwsServiceError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  return SUCCEEDED;
}

/** Blobs on the wire: base64 of the bytes boto3 was given (text as UTF-8). */
export const blob = (bytes: string | Buffer): string => (typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes).toString("base64");
