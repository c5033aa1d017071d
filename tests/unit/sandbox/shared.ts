import { expect } from "vitest";
import { isAwsServiceError, type AwsServiceError } from "@/lib/sandbox/core/errors";

/**
 * What every service's engine tests share: the sandbox's fixed account, Region
 * and start time, and the way a test expects an AWS error. Each service's
 * helpers.ts re-exports these and adds its own.
 */

export const START = "2026-01-01T00:00:00Z";
export const START_MS = Date.parse(START);
export const START_SECONDS = START_MS / 1000;
export const ACCOUNT = "123456789012";
/** A second account, for cross-account cases. */
export const PARTNER = "999999999999";
export const REGION = "us-east-1";

/** The AWS error a call throws (fails the test if it succeeds, rethrows anything else). */
export function failure(call: () => unknown): AwsServiceError {
  try {
    call();
  } catch (error) {
    if (isAwsServiceError(error)) return error;
    throw error;
  }
  throw new Error("expected an AWS error, but the call succeeded");
}

/** The code and message of the AWS error a call throws, as a plain object for toEqual. */
export function awsError(call: () => unknown): { code: string; message: string } {
  const { code, message } = failure(call);
  return { code, message };
}

/** Expects an AWS error with this code and, if given, this message (exact text or pattern). */
export function expectError(call: () => unknown, code: string, message?: string | RegExp): AwsServiceError {
  const error = failure(call);
  expect(error.code).toBe(code);
  if (typeof message === "string") expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  return error;
}
