import type { WireObject } from "@/lib/sandbox/core/operation";
import { createEngine, type Sandbox } from "@/lib/sandbox/index";
export { ACCOUNT, expectError, failure, REGION, START, START_SECONDS } from "../shared";
import { ACCOUNT, REGION, START } from "../shared";

/** Shared set-up for the Parameter Store specifications. */

export const ARN_PREFIX = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/`;

export function sandbox(): Sandbox {
  return createEngine({ seed: 1, now: START });
}

export function ssm(box: Sandbox, operation: string, input: WireObject = {}): WireObject {
  return box.call("ssm", operation, input);
}



export function put(box: Sandbox, name: string, value: string, extra: WireObject = {}): WireObject {
  return ssm(box, "PutParameter", { Name: name, Value: value, Type: "String", ...extra });
}

export function get(box: Sandbox, name: string, extra: WireObject = {}): Record<string, unknown> {
  return ssm(box, "GetParameter", { Name: name, ...extra }).Parameter as Record<string, unknown>;
}
