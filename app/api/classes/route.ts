import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { classesJoined, classesTaught, createClass } from "@/lib/classes/classes";
import { createClassSchema } from "@/lib/classes/schemas";
import { readJson } from "@/lib/http/json-request";

export const dynamic = "force-dynamic";

/** An instructor's classes, or a student's. */
export async function GET(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const headers = { "Cache-Control": "private, no-store" };
  if (guard.user.role === "instructor") return NextResponse.json({ taught: await classesTaught(guard.user.id), joined: await classesJoined(guard.user.id) }, { headers });
  return NextResponse.json({ taught: [], joined: await classesJoined(guard.user.id) }, { headers });
}

export async function POST(request: Request) {
  const guard = await requireUser(request, { role: "instructor" });
  if (!guard.ok) return guard.response;
  const body = await readJson(request, createClassSchema, 4 * 1024);
  if (!body.ok) return body.response;
  return NextResponse.json(await createClass(guard.user.id, body.value), { status: 201 });
}
