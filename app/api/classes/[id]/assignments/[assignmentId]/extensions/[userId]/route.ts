import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { setExtension } from "@/lib/classes/classes";
import { extensionSchema, idSchema } from "@/lib/classes/schemas";
import { problem, readJson } from "@/lib/http/json-request";

/** Gives one student a due date of their own for an assignment. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string; assignmentId: string; userId: string }> }) {
  const guard = await requireUser(request, { role: "instructor" });
  if (!guard.ok) return guard.response;
  const { id, assignmentId, userId } = await params;
  const body = await readJson(request, extensionSchema, 1024);
  if (!body.ok) return body.response;
  const ids = [id, assignmentId, userId].every((value) => idSchema.safeParse(value).success);
  if (!ids || (await setExtension(id, guard.user.id, assignmentId, userId, new Date(body.value.dueAt))) === "not-found") return problem(404, "There is no such assignment or student in your classes.");
  return NextResponse.json({ dueAt: new Date(body.value.dueAt).toISOString() });
}
