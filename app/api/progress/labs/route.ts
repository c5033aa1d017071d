import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json-request";
import { labProgress, recordLabProgress } from "@/lib/progress/labs";
import { labProgressSchema } from "@/lib/progress/schemas";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  return NextResponse.json({ labs: await labProgress(guard.user.id) }, { headers: { "Cache-Control": "private, no-store" } });
}

/** Records how far the learner is in a lab; progress never moves backwards. */
export async function PUT(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const body = await readJson(request, labProgressSchema, 1024);
  if (!body.ok) return body.response;
  await recordLabProgress(guard.user.id, body.value);
  return NextResponse.json({ recorded: true });
}
