/**
 * Reading a JSON request body for a route handler: refused with a clear
 * message and the right status when it is not JSON (415), too large (413),
 * not parseable (400) or not what the schema wants (400, each problem named).
 */
import { NextResponse } from "next/server";
import type * as z from "zod";

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: NextResponse };

export function problem(status: number, message: string, details?: Record<string, string>): NextResponse {
  return NextResponse.json({ error: message, ...(details ? { details } : {}) }, { status });
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = 16 * 1024): Promise<Parsed<z.output<S>>> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) return { ok: false, response: problem(415, "Send the request body as JSON (Content-Type: application/json).") };
  const text = await request.text();
  if (new TextEncoder().encode(text).length > maxBytes) return { ok: false, response: problem(413, `The request body is larger than ${maxBytes} bytes.`) };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: problem(400, "The request body is not valid JSON.") };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const details = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join(".") || "(body)", issue.message]));
    return { ok: false, response: problem(400, "The request is not valid: " + Object.entries(details).map(([path, message]) => `${path}: ${message}`).join("; "), details) };
  }
  return { ok: true, value: parsed.data };
}
