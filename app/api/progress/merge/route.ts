import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json-request";
import { mergeBrowserProgress } from "@/lib/progress/merge";
import { browserProgressSchema } from "@/lib/progress/schemas";

/** Carries the progress a browser kept without an account into the signed-in account (idempotent). */
export async function POST(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const body = await readJson(request, browserProgressSchema, 4 * 1024 * 1024);
  if (!body.ok) return body.response;
  return NextResponse.json(await mergeBrowserProgress(guard.user.id, body.value));
}
