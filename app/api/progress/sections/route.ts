import { NextResponse } from "next/server";
import * as z from "zod";
import { requireUser } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json-request";
import { sectionReadSchema } from "@/lib/progress/schemas";
import { markSectionRead, sectionsRead, unmarkSectionRead } from "@/lib/progress/sections";

export const dynamic = "force-dynamic";

/** The sections the learner marked read (what a section page needs, without the rest of the progress). */
export async function GET(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  return NextResponse.json({ sectionsRead: await sectionsRead(guard.user.id) }, { headers: { "Cache-Control": "private, no-store" } });
}

/** Marks a section read. */
export async function POST(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const body = await readJson(request, sectionReadSchema, 2048);
  if (!body.ok) return body.response;
  await markSectionRead(guard.user.id, body.value.path, body.value.at ? new Date(body.value.at) : new Date());
  return NextResponse.json({ read: true });
}

/** Marks a section unread again. */
export async function DELETE(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const body = await readJson(request, z.strictObject({ path: sectionReadSchema.shape.path }), 2048);
  if (!body.ok) return body.response;
  await unmarkSectionRead(guard.user.id, body.value.path);
  return NextResponse.json({ read: false });
}
