import type { StatementTrace } from "../iam/evaluate";

/**
 * A CloudTrail-like record of every call the sandbox answers, successful or
 * not, in the order they happened. Values a real trail never shows
 * (plaintexts, secret values, data keys) are left out when recorded.
 */
export interface TrailIdentity {
  type: "Root" | "IAMUser" | "AssumedRole" | "AWSService";
  arn: string;
  accountId: string;
  /** Set when another AWS service made the call on the principal's behalf (e.g. ssm.amazonaws.com calling KMS). */
  invokedBy?: string;
}

export interface TrailAuthorization {
  action: string;
  resource: string;
  decision: "Allow" | "ExplicitDeny" | "ImplicitDeny";
  trace: StatementTrace[];
  /** Why, in a sentence or two (the evaluator's summary). */
  summary?: string;
}

export interface TrailEvent {
  eventId: string;
  /** ms since the epoch, simulated time. */
  eventTime: number;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  recipientAccountId: string;
  userIdentity: TrailIdentity;
  readOnly: boolean;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  errorCode?: string;
  errorMessage?: string;
  resources: { ARN: string; type: string }[];
  /** Every authorisation the call needed, with the evaluation trace (not in real CloudTrail; shown to learners). */
  authorizations: TrailAuthorization[];
  /** Service-specific details of a service event (e.g. {"SecretId": ...} on Secrets Manager's RotationFailed). */
  additionalEventData?: Record<string, unknown>;
}

export interface TrailQuery {
  eventSource?: string;
  eventName?: string;
  /** Events that touched this resource ARN. */
  resource?: string;
  /** Events made by this principal ARN. */
  principalArn?: string;
  onlyErrors?: boolean;
  since?: number;
  until?: number;
}

export function queryTrail(events: readonly TrailEvent[], query: TrailQuery = {}): TrailEvent[] {
  return events.filter(
    (event) =>
      (query.eventSource === undefined || event.eventSource === query.eventSource) &&
      (query.eventName === undefined || event.eventName === query.eventName) &&
      (query.resource === undefined || event.resources.some((resource) => resource.ARN === query.resource)) &&
      (query.principalArn === undefined || event.userIdentity.arn === query.principalArn) &&
      (!query.onlyErrors || event.errorCode !== undefined) &&
      (query.since === undefined || event.eventTime >= query.since) &&
      (query.until === undefined || event.eventTime <= query.until),
  );
}

/** A copy of a request or response with the named top-level members removed. */
export function redact(value: Record<string, unknown> | undefined, hidden: readonly string[] = []): Record<string, unknown> | null {
  if (!value) return null;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined && !hidden.includes(key)) copy[key] = member;
  }
  // CloudTrail truncates a field larger than its maximum size and marks it omitted; keeping a
  // 15 MB request in every event would also let repeated large requests exhaust the memory.
  // NOTE: AWS documents `omitted: true` for a truncated field; the sandbox keeps nothing else of it.
  if (JSON.stringify(copy).length > MAX_FIELD_CHARACTERS) return { omitted: true };
  return copy;
}

/** requestParameters and responseElements hold at most 100 KB each in CloudTrail. */
const MAX_FIELD_CHARACTERS = 100 * 1024;
