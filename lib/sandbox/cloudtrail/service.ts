import type * as z from "zod";
import { AwsServiceError } from "../core/errors";
import { pageToken, tokenPosition } from "../core/pagination";
import { defineOperation, type ServiceSpec } from "../core/operation";
import { inputs } from "../contracts/cloudtrail";
import type { TrailEvent } from "../trail/trail";
import { lookupEvent, usernameOf } from "./records";

/**
 * CloudTrail's Event history (LookupEvents), served from the sandbox's
 * trail: the account's and Region's calls, newest first, for the last 90
 * days, filtered by one lookup attribute and a time range.
 *
 * NOTE: CloudTrail delivers an event to Event history within about 5
 * minutes of the call; the sandbox shows it at once (but never the
 * LookupEvents call being answered). Trails, event data stores, Insights
 * and data events are not simulated. The texts of InvalidLookupAttributesException,
 * InvalidTimeRangeException and InvalidNextTokenException are the sandbox's:
 * no recording of AWS's was found.
 */
const RETENTION_MS = 90 * 24 * 3600_000;
/** The lookup attribute keys the model lists (every one has a matcher below). */
type AttributeKey = NonNullable<z.output<typeof inputs.LookupEvents>["LookupAttributes"]>[number]["AttributeKey"];

const MATCHERS: Record<AttributeKey, (event: TrailEvent, value: string) => boolean> = {
  EventId: (event, value) => event.eventId === value,
  EventName: (event, value) => event.eventName === value,
  ReadOnly: (event, value) => String(event.readOnly) === value,
  Username: (event, value) => usernameOf(event) === value,
  ResourceType: (event, value) => event.resources.some((resource) => resource.type === value),
  // NOTE: CloudTrail records each resource's name as the service gives it (mostly the ARN); the sandbox
  // matches the ARN, or the name in it (a key id, an alias, a secret's name without its suffix, a parameter's name).
  ResourceName: (event, value) => event.resources.some((resource) => resource.ARN === value || resourceNames(resource.ARN).includes(value)),
  EventSource: (event, value) => event.eventSource === value,
  // NOTE: the sandbox records no access key ids, so nothing matches AccessKeyId.
  AccessKeyId: () => false,
};

/** The names an ARN's resource part gives: key/ID → ID, secret:NAME-AbCdEf → NAME, parameter/a/b → /a/b and a/b. */
function resourceNames(arn: string): string[] {
  const resource = arn.split(":").slice(5).join(":");
  const secret = /^secret:(.+)-[A-Za-z0-9]{6}$/.exec(resource);
  if (secret) return [secret[1] ?? ""];
  const slash = resource.indexOf("/");
  if (slash < 0) return [resource];
  const rest = resource.slice(slash + 1);
  return resource.startsWith("parameter/") ? [rest, `/${rest}`] : [rest, resource];
}


function invalidNextToken(): never {
  throw new AwsServiceError("InvalidNextTokenException", "Invalid NextToken.");
}

const lookupEvents = defineOperation({
  name: "LookupEvents",
  input: inputs.LookupEvents,
  readOnly: true,
  sensitive: { response: ["Events"] },
  handler(ctx, input) {
    ctx.authorize({ action: "cloudtrail:LookupEvents", resource: "*", resourceAccount: ctx.accountId, resourceKind: "identity-only", context: {} });
    const attributes = input.LookupAttributes ?? [];
    // "Currently the list can contain only one item." (API reference, LookupEvents)
    if (attributes.length > 1) throw new AwsServiceError("InvalidLookupAttributesException", "You cannot specify more than one lookup attribute.");
    const start = input.StartTime === undefined ? ctx.now - RETENTION_MS : input.StartTime * 1000;
    const end = input.EndTime === undefined ? ctx.now : input.EndTime * 1000;
    if (input.StartTime !== undefined && input.EndTime !== undefined && start > end) throw new AwsServiceError("InvalidTimeRangeException", "Start time must not be after end time.");
    // A token pages one query: the operation and the query's members are its scope, the last event returned its position.
    const scope = `cloudtrail:LookupEvents:${JSON.stringify({ attributes, start: input.StartTime, end: input.EndTime, category: input.EventCategory })}`;
    const after = input.NextToken === undefined ? undefined : (tokenPosition(scope, input.NextToken) ?? invalidNextToken());
    // Insights events are not simulated: an insight lookup finds nothing.
    const [attribute] = attributes;
    const matching = input.EventCategory === "insight"
      ? []
      : ctx
          .trailEvents()
          .filter(
            (event) =>
              event.eventId !== ctx.eventId &&
              event.recipientAccountId === ctx.accountId &&
              event.awsRegion === ctx.region &&
              event.eventTime >= Math.max(start, ctx.now - RETENTION_MS) &&
              event.eventTime <= end &&
              (attribute === undefined || MATCHERS[attribute.AttributeKey](event, attribute.AttributeValue)),
          )
          .reverse();
    let from = 0;
    if (after !== undefined) {
      const index = matching.findIndex((event) => event.eventId === after);
      if (index < 0) invalidNextToken();
      from = index + 1;
    }
    const size = input.MaxResults ?? 50;
    const page = matching.slice(from, from + size);
    const last = page.at(-1);
    const more = from + size < matching.length && last !== undefined;
    return {
      Events: page.map(lookupEvent),
      ...(more ? { NextToken: pageToken(scope, last.eventId) } : {}),
    };
  },
});

export const cloudTrailService: ServiceSpec = {
  id: "cloudtrail",
  eventSource: "cloudtrail.amazonaws.com",
  errorMessageKey: "Message",
  operations: { LookupEvents: lookupEvents },
};
