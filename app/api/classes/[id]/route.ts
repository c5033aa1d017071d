import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { updateClass } from "@/lib/classes/classes";
import { idSchema, updateClassSchema } from "@/lib/classes/schemas";
import { problem, readJson } from "@/lib/http/json-request";

/** Renames a class, changes its "stuck" time, or archives it (its instructor only). */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await requireUser(request, { role: "instructor" });
  if (!guard.ok) return guard.response;
  const { id } = await params;
  const body = await readJson(request, updateClassSchema, 4 * 1024);
  if (!body.ok) return body.response;
  if (!idSchema.safeParse(id).success || !(await updateClass(id, guard.user.id, body.value))) return problem(404, "There is no such class among yours.");
  return NextResponse.json({ updated: true });
}
