/**
 * Reading a JSON request body for a route handler: refused with a clear
 * message and the right status when it is not JSON (415), too large (413,
 * before it is read whole), not UTF-8 or not parseable (400), holds a lone
 * surrogate (400), or is not what the schema wants (400, each problem named).
 */
import { NextResponse } from "next/server";
import type * as z from "zod";
import { loneSurrogatePath, readBodyText } from "./body";

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: NextResponse };

export function problem(status: number, message: string, details?: Record<string, string>, headers?: HeadersInit): NextResponse {
  return NextResponse.json({ error: message, ...(details ? { details } : {}) }, { status, headers });
}

/** The media type of the request without its parameters, lower case ("" when absent). */
export function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Parses JSON text into a value the schema accepts, or the 400 that says why not. */
export function parseJsonText<S extends z.ZodType>(text: string, schema: S): Parsed<z.output<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: problem(400, "The request body is not valid JSON.") };
  }
  const surrogate = loneSurrogatePath(raw);
  if (surrogate) return { ok: false, response: problem(400, `The request is not valid: ${surrogate}: the text holds a lone surrogate, which is not a character.`, { [surrogate]: "lone surrogate" }) };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const details = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join(".") || "(body)", issue.message]));
    return { ok: false, response: problem(400, "The request is not valid: " + Object.entries(details).map(([path, message]) => `${path}: ${message}`).join("; "), details) };
  }
  return { ok: true, value: parsed.data };
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = 16 * 1024): Promise<Parsed<z.output<S>>> {
  if (mediaType(request) !== "application/json") return { ok: false, response: problem(415, "Send the request body as JSON (Content-Type: application/json).") };
  const body = await readBodyText(request, maxBytes);
  if (!body.ok) return { ok: false, response: problem(body.status, body.message) };
  return parseJsonText(body.text, schema);
}
