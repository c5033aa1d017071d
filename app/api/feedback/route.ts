import { NextResponse, type NextRequest } from "next/server";
import { submitFeedback } from "@/lib/feedback/store";

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Receives a learner's report about a page. JSON gets a JSON answer (the form
 * with JavaScript); a plain HTML form post gets a redirect to a page that
 * says what happened (the form without JavaScript).
 */
export async function POST(request: NextRequest) {
  const type = request.headers.get("content-type") ?? "";
  const isJson = type.startsWith("application/json");
  const isForm = type.startsWith("application/x-www-form-urlencoded");
  if (!isJson && !isForm) {
    return NextResponse.json({ ok: false, errors: { form: "Send the report as JSON or as a form." } }, { status: 415 });
  }

  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    return NextResponse.json({ ok: false, errors: { form: "The report is too large." } }, { status: 413 });
  }

  let raw: unknown;
  if (isJson) {
    try {
      raw = JSON.parse(text);
    } catch {
      return NextResponse.json({ ok: false, errors: { form: "The request body is not valid JSON." } }, { status: 400 });
    }
  } else {
    raw = Object.fromEntries(new URLSearchParams(text));
  }

  const result = await submitFeedback(raw);
  if (isJson) return NextResponse.json(result, { status: result.ok ? 201 : 400 });

  const page = typeof (raw as { pagePath?: unknown }).pagePath === "string" ? (raw as { pagePath: string }).pagePath : "/";
  const query = new URLSearchParams({ page });
  if (!result.ok) query.set("error", Object.values(result.errors)[0] ?? "The report could not be saved.");
  // A relative Location keeps the browser on the host it used, behind any proxy.
  return new NextResponse(null, { status: 303, headers: { Location: `/feedback/sent?${query}` } });
}
