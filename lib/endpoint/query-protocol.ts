import type { Json, WireObject } from "@/lib/sandbox";
import type { Shape } from "@/lib/sandbox/cli/model";

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

/**
 * A query form's flat fields as the input structure the operation's model
 * describes, as AWS's front door reads them: a structure's members by name
 * (`Tags.member.1.Key`), lists as `NAME.member.N` in N's order (a bare
 * `NAME=` is an empty list), maps as `NAME.entry.N.key` and `.value`, numbers
 * and booleans from their text. A number that is not one stays text, for the
 * engine's validation to refuse; fields the model does not name are dropped.
 */
export function decodeQueryInput(parameters: Readonly<Record<string, string>>, shape: Shape): WireObject {
  return decodeStructure(parameters, shape, "");
}

function decodeStructure(parameters: Readonly<Record<string, string>>, shape: Shape, prefix: string): WireObject {
  const result: WireObject = {};
  for (const [name, member] of shape.members) {
    const value = decodeMember(parameters, member, `${prefix}${name}`);
    if (value !== undefined) result[name] = value;
  }
  return result;
}

function decodeMember(parameters: Readonly<Record<string, string>>, shape: Shape, name: string): Json | undefined {
  switch (shape.type) {
    case "structure":
      return Object.keys(parameters).some((field) => field.startsWith(`${name}.`)) ? decodeStructure(parameters, shape, `${name}.`) : undefined;
    case "list": {
      const items = indexedFields(parameters, `${name}.member.`).map((index) => decodeMember(parameters, shape.member, `${name}.member.${index}`));
      if (items.length === 0) return parameters[name] === "" ? [] : undefined;
      return items.filter((item): item is Json => item !== undefined);
    }
    case "map": {
      const entries: Record<string, Json> = {};
      for (const index of indexedFields(parameters, `${name}.entry.`)) {
        const key = parameters[`${name}.entry.${index}.key`];
        const value = decodeMember(parameters, shape.value, `${name}.entry.${index}.value`);
        if (key !== undefined && value !== undefined) entries[key] = value;
      }
      return Object.keys(entries).length > 0 ? entries : undefined;
    }
    default: {
      const text = parameters[name];
      if (text === undefined) return undefined;
      if (shape.type === "boolean") return text === "true" ? true : text === "false" ? false : text;
      if (["integer", "long", "double", "float"].includes(shape.type)) return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
      return text;
    }
  }
}

/** The N of every `PREFIXN...` field, ascending. */
function indexedFields(parameters: Readonly<Record<string, string>>, prefix: string): number[] {
  const indexes = new Set<number>();
  for (const field of Object.keys(parameters)) {
    if (!field.startsWith(prefix)) continue;
    const index = Number(/^\d+/.exec(field.slice(prefix.length))?.[0]);
    if (Number.isInteger(index)) indexes.add(index);
  }
  return [...indexes].sort((a, b) => a - b);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * Members as XML elements: structures nest, lists use `<member>` (the query
 * protocol's default), and timestamps, which the engine gives as epoch
 * seconds (JSON's form), are ISO 8601 as the query protocol writes them
 * (`2026-01-15T11:00:00Z`, milliseconds when there are any): the SDKs read
 * nothing else there.
 */
function xmlMembers(value: WireObject, shape: Shape | undefined): string {
  return Object.entries(value)
    .filter((entry): entry is [string, Json] => entry[1] !== undefined && entry[1] !== null)
    .map(([name, member]) => `<${name}>${xmlValue(member, shape?.type === "structure" ? shape.members.get(name) : undefined)}</${name}>`)
    .join("");
}

function xmlValue(value: Json, shape: Shape | undefined): string {
  if (Array.isArray(value)) return value.map((item) => `<member>${xmlValue(item, shape?.type === "list" ? shape.member : undefined)}</member>`).join("");
  if (typeof value === "object" && value !== null) return xmlMembers(value, shape);
  if (shape?.type === "timestamp" && typeof value === "number") return new Date(Math.round(value * 1000)).toISOString().replace(".000Z", "Z");
  return escapeXml(String(value));
}

export function queryResponseXml(action: string, output: WireObject, requestId: string, outputShape?: Shape): string {
  return (
    `<${action}Response xmlns="${STS_NAMESPACE}">` +
    `<${action}Result>${xmlMembers(output, outputShape)}</${action}Result>` +
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
