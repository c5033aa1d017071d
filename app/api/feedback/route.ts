import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { FEEDBACK_LIMIT } from "@/lib/feedback/form";
import { submitFeedback } from "@/lib/feedback/store";
import { loneSurrogatePath, readBodyText } from "@/lib/http/body";
import { mediaType } from "@/lib/http/json-request";
import { clientAddress, consume } from "@/lib/http/rate-limit";
import { isCrossSite } from "@/lib/http/same-origin";

const MAX_BODY_BYTES = 16 * 1024;

type Failure = { status: number; message: string; code: FeedbackFailureCode };
export type FeedbackFailureCode = "cross-site" | "media-type" | "charset" | "too-large" | "encoding" | "json" | "too-many" | "invalid";

const fail = (status: number, code: FeedbackFailureCode, message: string): Failure => ({ status, code, message });

/**
 * Receives a learner's report about a page. JSON gets a JSON answer (the form
 * with JavaScript); a plain HTML form post gets a redirect to a page that
 * says what happened (the form without JavaScript). The body is read only up
 * to its limit; posts from other sites are refused; each address may send
 * FEEDBACK_LIMIT reports per window, counted in the database.
 */
export async function POST(request: NextRequest) {
  const type = mediaType(request);
  const isForm = type === "application/x-www-form-urlencoded";
  const respond = (failure: Failure | null, result?: Awaited<ReturnType<typeof submitFeedback>>, raw?: unknown) => {
    if (!isForm) {
      if (failure) return NextResponse.json({ ok: false, errors: { form: failure.message } }, { status: failure.status, headers: failure.code === "too-many" ? { "Retry-After": String(FEEDBACK_LIMIT.windowSeconds) } : undefined });
      return NextResponse.json(result, { status: result!.ok ? 201 : 400 });
    }
    // The confirmation page shows fixed sentences chosen by a code, never text from the request.
    const page = typeof (raw as { pagePath?: unknown } | undefined)?.pagePath === "string" ? (raw as { pagePath: string }).pagePath : "/";
    const query = new URLSearchParams({ page });
    if (failure) query.set("error", failure.code);
    else if (result && !result.ok) query.set("error", "invalid");
    // A relative Location keeps the browser on the host it used, behind any proxy.
    return new NextResponse(null, { status: 303, headers: { Location: `/feedback/sent?${query}` } });
  };

  if (isCrossSite(request)) return respond(fail(403, "cross-site", "Reports can only be sent from this site's pages."));
  if (type !== "application/json" && !isForm) return respond(fail(415, "media-type", "Send the report as JSON or as a form."));
  const charset = /;\s*charset=("?)([^";]+)\1/i.exec(request.headers.get("content-type") ?? "")?.[2]?.toLowerCase();
  if (charset && charset !== "utf-8" && charset !== "utf8") return respond(fail(400, "charset", "Send the report in UTF-8."));

  const limit = await consume(`feedback|${clientAddress(request)}`, FEEDBACK_LIMIT);
  if (!limit.allowed) return respond(fail(429, "too-many", `Too many reports from your address; try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`));

  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (!body.ok) return respond(body.status === 413 ? fail(413, "too-large", "The report is too large.") : fail(400, "encoding", body.message));

  let raw: unknown;
  if (isForm) raw = Object.fromEntries(new URLSearchParams(body.text));
  else {
    try {
      raw = JSON.parse(body.text);
    } catch {
      return respond(fail(400, "json", "The request body is not valid JSON."));
    }
  }
  if (loneSurrogatePath(raw)) return respond(fail(400, "encoding", "The report holds a lone surrogate, which is not a character."), undefined, raw);

  const viewer = await currentUser(request.headers);
  const result = await submitFeedback(raw, viewer?.id ?? null);
  return respond(null, result, raw);
}
