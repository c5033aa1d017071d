import type { Json, WireObject } from "@/lib/sandbox";

/**
 * The AWS query protocol, as STS speaks it: the request is a form
 * (`Action=GetCallerIdentity&Version=2011-06-15`), the answer XML:
 *
 *   <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
 *     <GetCallerIdentityResult><Arn>...</Arn>...</GetCallerIdentityResult>
 *     <ResponseMetadata><RequestId>...</RequestId></ResponseMetadata>
 *   </GetCallerIdentityResponse>
 *
 * and errors `<ErrorResponse><Error><Type>Sender</Type><Code>...` (botocore
 * reads Code and Message from there).
 */
export const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
export const STS_VERSION = "2011-06-15";
export const XML_CONTENT_TYPE = "text/xml";

export interface QueryRequest {
  action: string | undefined;
  version: string | undefined;
  /** The other form fields, as sent (flattened names such as `Tags.member.1.Key`). */
  parameters: Record<string, string>;
}

export function parseQueryBody(body: string): QueryRequest {
  const form = new URLSearchParams(body);
  const parameters: Record<string, string> = {};
  for (const [name, value] of form) if (name !== "Action" && name !== "Version") parameters[name] = value;
  return { action: form.get("Action") ?? undefined, version: form.get("Version") ?? undefined, parameters };
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Members as XML elements: structures nest, lists use `<member>` (the query protocol's default). */
function xmlMembers(value: WireObject): string {
  return Object.entries(value)
    .filter((entry): entry is [string, Json] => entry[1] !== undefined && entry[1] !== null)
    .map(([name, member]) => `<${name}>${xmlValue(member)}</${name}>`)
    .join("");
}

function xmlValue(value: Json): string {
  if (Array.isArray(value)) return value.map((item) => `<member>${xmlValue(item)}</member>`).join("");
  if (typeof value === "object" && value !== null) return xmlMembers(value);
  return escapeXml(String(value));
}

export function queryResponseXml(action: string, output: WireObject, requestId: string): string {
  return (
    `<${action}Response xmlns="${STS_NAMESPACE}">` +
    `<${action}Result>${xmlMembers(output)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
    `</${action}Response>\n`
  );
}

export function queryErrorXml(code: string, message: string, status: number, requestId: string): string {
  const type = status >= 500 ? "Receiver" : "Sender";
  return (
    `<ErrorResponse xmlns="${STS_NAMESPACE}">` +
    `<Error><Type>${type}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId>` +
    `</ErrorResponse>\n`
  );
}
