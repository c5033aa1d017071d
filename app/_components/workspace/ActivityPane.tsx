"use client";

import { useId, useState } from "react";
import type { ActivityOutcome, ActivityPage } from "@/lib/sandbox/inspect";
import type { TrailAuthorization, TrailEvent } from "@/lib/sandbox/trail/trail";
import { formatSimTime, shortArn } from "@/lib/workspace/format";
import { Badge, CodeBox, Empty, Mono, PaneError, SubHeading, buttonClass } from "./ui";
import { useSandboxData } from "./useSandboxData";
import { useWorkspace } from "./workspace-context";

/**
 * The Activity pane: the CloudTrail-like record of every call, newest first,
 * filterable. A call that was denied opens into its evaluation trace: which
 * statement of which policy decided, and why.
 */
const PAGE = 50;

const serviceNames: Record<string, string> = {
  "kms.amazonaws.com": "KMS",
  "secretsmanager.amazonaws.com": "Secrets Manager",
  "ssm.amazonaws.com": "Parameter Store",
  "sts.amazonaws.com": "STS",
};

export function ActivityPane() {
  const { host } = useWorkspace();
  const [service, setService] = useState("");
  const [outcome, setOutcome] = useState<ActivityOutcome>("all");
  const [text, setText] = useState("");
  const [shown, setShown] = useState(PAGE);
  const ids = { service: useId(), outcome: useId(), text: useId() };
  const key = JSON.stringify([service, outcome, text, shown]);
  const { data, error, stale } = useSandboxData<ActivityPage>(host, key, (client) =>
    client.activity({ ...(service ? { service } : {}), outcome, ...(text.trim() ? { text } : {}), limit: shown }),
  );

  const select = "rounded border border-slate-400 bg-white px-1.5 py-1 text-xs dark:border-slate-500 dark:bg-slate-900";
  return (
    <div className="flex h-full min-h-0 flex-col">
      <form className="flex flex-wrap items-end gap-2 border-b border-slate-200 p-2 dark:border-slate-700" role="search" aria-label="Filter activity" onSubmit={(event) => event.preventDefault()}>
        <label className="flex flex-col text-xs" htmlFor={ids.service}>
          Service
          <select id={ids.service} className={select} value={service} onChange={(event) => (setService(event.target.value), setShown(PAGE))}>
            <option value="">All</option>
            {(data?.services ?? []).map((source) => (
              <option key={source} value={source}>
                {serviceNames[source] ?? source}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs" htmlFor={ids.outcome}>
          Outcome
          <select id={ids.outcome} className={select} value={outcome} onChange={(event) => (setOutcome(event.target.value as ActivityOutcome), setShown(PAGE))}>
            <option value="all">All</option>
            <option value="succeeded">Succeeded</option>
            <option value="failed">Failed</option>
            <option value="denied">Access denied</option>
          </select>
        </label>
        <label className="flex min-w-[8rem] flex-1 flex-col text-xs" htmlFor={ids.text}>
          Contains
          <input id={ids.text} type="search" value={text} onChange={(event) => (setText(event.target.value), setShown(PAGE))} placeholder="Decrypt, a key id, an error…" className={select} />
        </label>
      </form>
      <div className="min-h-0 flex-1 overflow-auto p-2" aria-busy={stale}>
        {error ? <PaneError message={error} /> : null}
        {data ? (
          <>
            <p className="mb-1 text-xs text-slate-600 dark:text-slate-400" role="status">
              {data.matched === data.total ? `${data.total} event${data.total === 1 ? "" : "s"}` : `${data.matched} of ${data.total} events match`}, newest first.
            </p>
            {data.events.length === 0 ? (
              <Empty>{data.total === 0 ? "No calls yet: run an aws command in the terminal." : "No event matches these filters."}</Empty>
            ) : (
              <ol className="space-y-1">
                {data.events.map((event) => (
                  <EventRow key={event.eventId} event={event} />
                ))}
              </ol>
            )}
            {data.next ? (
              <button type="button" className={`${buttonClass} mt-2`} onClick={() => setShown(shown + PAGE)}>
                Show {PAGE} older events
              </button>
            ) : null}
          </>
        ) : error ? null : (
          <Empty>Reading the trail…</Empty>
        )}
      </div>
    </div>
  );
}

function denied(event: TrailEvent): TrailAuthorization | undefined {
  return event.authorizations.find((authorization) => authorization.decision !== "Allow");
}

function EventRow({ event }: { event: TrailEvent }) {
  const refusal = denied(event);
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const caller = event.userIdentity.type === "AWSService" ? event.userIdentity.arn : shortArn(event.userIdentity.arn);
  return (
    <li className={`rounded border ${refusal ? "border-rose-400 dark:border-rose-700" : "border-slate-200 dark:border-slate-700"}`}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
        className="flex w-full flex-wrap items-center gap-x-2 gap-y-0.5 px-2 py-1 text-left text-sm hover:bg-slate-50 dark:hover:bg-slate-900"
      >
        <span aria-hidden className="w-3 text-slate-500">
          {open ? "▾" : "▸"}
        </span>
        <span className="font-mono text-[0.8rem] font-semibold">{event.eventName}</span>
        <span className="text-xs text-slate-600 dark:text-slate-400">{serviceNames[event.eventSource] ?? event.eventSource}</span>
        {refusal ? <Badge tone="red">AccessDenied</Badge> : event.errorCode ? <Badge tone="amber">{event.errorCode}</Badge> : <Badge tone="green">OK</Badge>}
        <span className="w-full pl-5 text-xs text-slate-600 dark:text-slate-400">
          {formatSimTime(event.eventTime)} · {caller}
          {event.userIdentity.invokedBy ? ` via ${event.userIdentity.invokedBy}` : ""}
        </span>
      </button>
      <div id={detailsId} hidden={!open} className="space-y-2 border-t border-slate-200 px-2 py-2 text-sm dark:border-slate-700">
        {open ? <EventDetails event={event} /> : null}
      </div>
    </li>
  );
}

function EventDetails({ event }: { event: TrailEvent }) {
  return (
    <>
      {event.errorCode ? (
        <p>
          <strong>{event.errorCode}</strong>: {event.errorMessage}
        </p>
      ) : null}
      {event.authorizations.length > 0 ? (
        <>
          <SubHeading>Authorisation</SubHeading>
          <ul className="space-y-2">
            {event.authorizations.map((authorization, index) => (
              <AuthorizationTrace key={index} authorization={authorization} />
            ))}
          </ul>
        </>
      ) : null}
      {event.resources.length > 0 ? (
        <>
          <SubHeading>Resources</SubHeading>
          <ul className="text-xs">
            {event.resources.map((resource) => (
              <li key={resource.ARN}>
                <Mono>{resource.ARN}</Mono>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <SubHeading>Request</SubHeading>
      <CodeBox label={`Request parameters of ${event.eventName}`}>{JSON.stringify(event.requestParameters, null, 2)}</CodeBox>
      {event.responseElements ? (
        <>
          <SubHeading>Response</SubHeading>
          <CodeBox label={`Response of ${event.eventName}`}>{JSON.stringify(event.responseElements, null, 2)}</CodeBox>
        </>
      ) : null}
      {event.additionalEventData ? <CodeBox label="Additional event data">{JSON.stringify(event.additionalEventData, null, 2)}</CodeBox> : null}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Event id <Mono>{event.eventId}</Mono>. Real CloudTrail records no evaluation trace; the sandbox adds it so you can see why.
      </p>
    </>
  );
}

function AuthorizationTrace({ authorization }: { authorization: TrailAuthorization }) {
  const allowed = authorization.decision === "Allow";
  return (
    <li className="rounded bg-slate-50 p-2 dark:bg-slate-900">
      <p className="text-sm">
        <Badge tone={allowed ? "green" : "red"}>{authorization.decision === "Allow" ? "Allowed" : authorization.decision === "ExplicitDeny" ? "Explicit deny" : "Implicit deny"}</Badge>{" "}
        <Mono>{authorization.action}</Mono> on <Mono>{shortArn(authorization.resource)}</Mono>
      </p>
      {authorization.summary ? <p className="mt-1 text-sm">{authorization.summary}</p> : null}
      {authorization.trace.length > 0 ? (
        <table className="mt-1 w-full text-left text-xs">
          <caption className="sr-only">Policy statements evaluated for {authorization.action}</caption>
          <thead>
            <tr className="text-slate-600 dark:text-slate-400">
              <th scope="col" className="py-0.5 pr-2 font-medium">Policy, statement</th>
              <th scope="col" className="py-0.5 pr-2 font-medium">Effect</th>
              <th scope="col" className="py-0.5 font-medium">Applies?</th>
            </tr>
          </thead>
          <tbody>
            {authorization.trace.map((statement, index) => (
              <tr key={index} className="border-t border-slate-200 align-top dark:border-slate-700">
                <td className="py-0.5 pr-2">
                  {statement.policy}
                  {statement.sid ? <span className="font-mono"> ({statement.sid})</span> : null}
                </td>
                <td className="py-0.5 pr-2">{statement.effect}</td>
                <td className="py-0.5">
                  <span className="font-medium">{statement.applies ? "yes" : "no"}</span>: {statement.reason}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">No policy statement applied to this request.</p>
      )}
    </li>
  );
}
