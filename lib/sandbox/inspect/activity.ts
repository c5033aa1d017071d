import type { TrailEvent } from "../trail/trail";

/**
 * The Activity pane's view of the trail: newest first, filtered the way a
 * learner looks for something ("what failed?", "what touched this key?"),
 * one page at a time so a long trail never travels whole.
 */

export type ActivityOutcome = "all" | "succeeded" | "failed" | "denied";

export interface ActivityQuery {
  /** Event source, e.g. "kms.amazonaws.com"; undefined for every service. */
  service?: string | undefined;
  outcome?: ActivityOutcome | undefined;
  /** Words that must all appear in the event name, error, caller, resources or request (case-insensitive). */
  text?: string | undefined;
  /** Only events that touched this ARN (or name one in their request). */
  resource?: string | undefined;
  /** How many events a page holds (default 50, at most 500). */
  limit?: number | undefined;
  /** Continue after the page that ended with this event id. */
  after?: string | undefined;
}

export interface ActivityPage {
  /** Events matching the query, newest first. */
  events: TrailEvent[];
  /** How many events match in all. */
  matched: number;
  /** How many events the trail holds (it keeps the most recent ones). */
  total: number;
  /** Pass as `after` for the next page; absent on the last page. */
  next?: string;
  /** Event sources present in the trail, for a service filter. */
  services: string[];
}

/** An AccessDenied: some authorisation the call needed was refused. */
export function isDenied(event: TrailEvent): boolean {
  return event.authorizations.some((authorization) => authorization.decision !== "Allow") || /AccessDenied/.test(event.errorCode ?? "");
}

function haystack(event: TrailEvent): string {
  return [
    event.eventName,
    event.eventSource,
    event.errorCode ?? "",
    event.errorMessage ?? "",
    event.userIdentity.arn,
    event.userIdentity.invokedBy ?? "",
    ...event.resources.map((resource) => resource.ARN),
    JSON.stringify(event.requestParameters ?? {}),
  ]
    .join("\n")
    .toLowerCase();
}

function matches(event: TrailEvent, query: ActivityQuery, words: string[]): boolean {
  if (query.service && event.eventSource !== query.service) return false;
  switch (query.outcome ?? "all") {
    case "succeeded":
      if (event.errorCode !== undefined) return false;
      break;
    case "failed":
      if (event.errorCode === undefined) return false;
      break;
    case "denied":
      if (!isDenied(event)) return false;
      break;
    case "all":
      break;
  }
  if (query.resource) {
    const touched = event.resources.some((resource) => resource.ARN === query.resource) || JSON.stringify(event.requestParameters ?? {}).includes(query.resource);
    if (!touched) return false;
  }
  if (words.length > 0) {
    const text = haystack(event);
    if (!words.every((word) => text.includes(word))) return false;
  }
  return true;
}

export function queryActivity(trail: readonly TrailEvent[], query: ActivityQuery = {}): ActivityPage {
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? 50)), 500);
  const words = (query.text ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const services = [...new Set(trail.map((event) => event.eventSource))].sort();
  let start = trail.length - 1;
  if (query.after !== undefined) {
    const index = trail.findLastIndex((event) => event.eventId === query.after);
    start = index === -1 ? -1 : index - 1;
  }
  const events: TrailEvent[] = [];
  let matched = 0;
  let next: string | undefined;
  // Count every match (the pane says "12 of 340"), collect one page after `after`.
  for (let index = trail.length - 1; index >= 0; index--) {
    const event = trail[index]!;
    if (!matches(event, query, words)) continue;
    matched++;
    if (index > start) continue;
    if (events.length < limit) events.push(event);
    else if (next === undefined) next = events[events.length - 1]!.eventId;
  }
  return { events: structuredClone(events), matched, total: trail.length, ...(next === undefined ? {} : { next }), services };
}
