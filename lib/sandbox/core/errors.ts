/**
 * An error as an AWS service returns it: a code (the `__type` of the JSON
 * error body), a message and an HTTP status. Every failure a learner can
 * cause surfaces as one of these; anything else is a bug in the sandbox.
 */
export class AwsServiceError extends Error {
  override readonly name = "AwsServiceError";
  constructor(
    /** The error code, e.g. NotFoundException. */
    readonly code: string,
    message: string,
    /** HTTP status AWS sends with it: 400 for client errors, 500 for faults. */
    readonly status: number = 400,
  ) {
    super(message);
  }

  /**
   * The JSON 1.1 error body. `messageKey` follows each service's model (SM uses "Message");
   * `perCode` overrides it for error shapes whose model differs from the service's default
   * (SSM: ValidationException, AccessDeniedException, InvalidNextToken... use "Message").
   */
  toWire(messageKey: "message" | "Message" = "message", perCode?: Readonly<Record<string, "message" | "Message">>): Record<string, string> {
    return { __type: this.code, [perCode?.[this.code] ?? messageKey]: this.message };
  }
}

export function isAwsServiceError(error: unknown): error is AwsServiceError {
  return error instanceof AwsServiceError;
}

/** A misuse of the engine by its own callers (not something AWS would answer). */
export class SandboxUsageError extends Error {
  override readonly name = "SandboxUsageError";
}
