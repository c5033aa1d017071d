import type { WireObject } from "../core/operation";
import { LEARNER_SOURCE_IP } from "../core/request-origin";
import type { TrailEvent } from "../trail/trail";

/**
 * The sandbox's trail as CloudTrail's Event history shows it: one Event per
 * call (EventName, EventSource, Username, Resources, ReadOnly as the text
 * "true"/"false") with the whole record as JSON text in CloudTrailEvent.
 *
 * NOTE: the sandbox has no network: the records give the address its
 * requests come from (core/request-origin.ts, reserved for documentation) and
 * the sandbox's name as the user agent. Request parameters are the request's members with their first
 * letter lowercased, as CloudTrail writes most of them, and values a trail
 * never shows (plaintexts, secret values) are already left out. The
 * sandbox's own authorisation traces are not part of the record.
 */
const SOURCE_IP = LEARNER_SOURCE_IP;
const USER_AGENT = "aws-cli/2 (Keystone sandbox)";

function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, member]) => [key.charAt(0).toLowerCase() + key.slice(1), camelKeys(member)]));
  }
  return value;
}

/** The user name CloudTrail shows: the IAM user's name, the role session's name, "root", or the service. */
export function usernameOf(event: TrailEvent): string | undefined {
  const { userIdentity } = event;
  switch (userIdentity.type) {
    case "IAMUser":
    case "AssumedRole":
      // The user's name, or the role session's name: the ARN's last part either way.
      return userIdentity.arn.slice(userIdentity.arn.lastIndexOf("/") + 1);
    case "Root":
      return "root";
    default:
      return undefined;
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function userIdentityRecord(event: TrailEvent): Record<string, unknown> {
  const { userIdentity } = event;
  if (userIdentity.type === "AWSService") return { type: "AWSService", invokedBy: userIdentity.invokedBy ?? userIdentity.arn };
  return {
    type: userIdentity.type,
    arn: userIdentity.arn,
    accountId: userIdentity.accountId,
    ...(userIdentity.invokedBy ? { invokedBy: userIdentity.invokedBy } : {}),
  };
}

/** The CloudTrail record of a trail event (what CloudTrailEvent holds, as an object). */
export function cloudTrailRecord(event: TrailEvent): Record<string, unknown> {
  const service = event.userIdentity.type === "AWSService";
  return {
    eventVersion: "1.09",
    userIdentity: userIdentityRecord(event),
    eventTime: iso(event.eventTime),
    eventSource: event.eventSource,
    eventName: event.eventName,
    awsRegion: event.awsRegion,
    sourceIPAddress: service || event.userIdentity.invokedBy ? (event.userIdentity.invokedBy ?? event.eventSource) : SOURCE_IP,
    userAgent: service || event.userIdentity.invokedBy ? (event.userIdentity.invokedBy ?? event.eventSource) : USER_AGENT,
    ...(event.errorCode ? { errorCode: event.errorCode, errorMessage: event.errorMessage ?? "" } : {}),
    requestParameters: event.requestParameters === null ? null : camelKeys(event.requestParameters),
    responseElements: event.responseElements === null ? null : camelKeys(event.responseElements),
    ...(event.additionalEventData ? { additionalEventData: event.additionalEventData } : {}),
    requestID: event.eventId,
    eventID: event.eventId,
    readOnly: event.readOnly,
    ...(event.resources.length ? { resources: event.resources.map((resource) => ({ accountId: event.recipientAccountId, type: resource.type, ARN: resource.ARN })) } : {}),
    eventType: service ? "AwsServiceEvent" : "AwsApiCall",
    managementEvent: true,
    recipientAccountId: event.recipientAccountId,
    eventCategory: "Management",
  };
}

/** The Event LookupEvents answers for a trail event. */
export function lookupEvent(event: TrailEvent): WireObject {
  const username = usernameOf(event);
  return {
    EventId: event.eventId,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    EventTime: event.eventTime / 1000,
    EventSource: event.eventSource,
    ...(username === undefined ? {} : { Username: username }),
    Resources: event.resources.map((resource) => ({ ResourceType: resource.type, ResourceName: resource.ARN })),
    CloudTrailEvent: JSON.stringify(cloudTrailRecord(event)),
  };
}
