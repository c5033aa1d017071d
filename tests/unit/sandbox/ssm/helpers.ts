import { expect } from "vitest";
import { AwsServiceError, isAwsServiceError } from "@/lib/sandbox/core/errors";
import type { WireObject } from "@/lib/sandbox/core/operation";
import { createEngine, type Sandbox } from "@/lib/sandbox/index";

/** Shared set-up for the Parameter Store specifications. */

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
export const ARN_PREFIX = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/`;
export const START = "2026-01-01T00:00:00Z";
export const START_SECONDS = Date.parse(START) / 1000;

export function sandbox(): Sandbox {
  return createEngine({ seed: 1, now: START });
}

export function ssm(box: Sandbox, operation: string, input: WireObject = {}): WireObject {
  return box.call("ssm", operation, input);
}

/** The AWS error a call fails with (fails the test when it succeeds or throws something else). */
export function failure(call: () => unknown): AwsServiceError {
  try {
    call();
  } catch (error) {
    if (isAwsServiceError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

export function expectError(call: () => unknown, code: string, message?: string | RegExp): AwsServiceError {
  const error = failure(call);
  expect(error.code).toBe(code);
  if (typeof message === "string") expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  return error;
}

export function put(box: Sandbox, name: string, value: string, extra: WireObject = {}): WireObject {
  return ssm(box, "PutParameter", { Name: name, Value: value, Type: "String", ...extra });
}

export function get(box: Sandbox, name: string, extra: WireObject = {}): Record<string, unknown> {
  return ssm(box, "GetParameter", { Name: name, ...extra }).Parameter as Record<string, unknown>;
}
