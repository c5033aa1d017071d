import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json-request";
import { recordAttempt } from "@/lib/progress/attempts";
import { attemptInputSchema } from "@/lib/progress/schemas";

/** Records an attempt with its answers. 201 when stored, 200 when the same attempt was stored before; either only after COMMIT. */
export async function POST(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const body = await readJson(request, attemptInputSchema, 64 * 1024);
  if (!body.ok) return body.response;
  const { stored } = await recordAttempt(guard.user.id, body.value);
  return NextResponse.json({ stored }, { status: stored ? 201 : 200 });
}
