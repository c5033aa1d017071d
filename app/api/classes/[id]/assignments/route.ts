import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { addAssignment } from "@/lib/classes/classes";
import { assignmentSchema, idSchema } from "@/lib/classes/schemas";
import { loadCourse } from "@/lib/content/course";
import { problem, readJson } from "@/lib/http/json-request";
import { findLab } from "@/lib/labs/catalog";

/** Assigns a lab or a chapter quiz to the class, due at a date. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await requireUser(request, { role: "instructor" });
  if (!guard.ok) return guard.response;
  const { id } = await params;
  if (!idSchema.safeParse(id).success) return problem(404, "There is no such class among yours.");
  const body = await readJson(request, assignmentSchema, 4 * 1024);
  if (!body.ok) return body.response;
  const { kind, itemId, dueAt } = body.value;
  const exists = kind === "lab" ? (await findLab(itemId)) !== undefined : (await loadCourse()).chapters.some((chapter) => chapter.slug === itemId);
  if (!exists) return problem(400, kind === "lab" ? `There is no lab "${itemId}".` : `There is no chapter "${itemId}".`, { itemId: "unknown" });
  const outcome = await addAssignment(id, guard.user.id, { kind, itemId, dueAt: new Date(dueAt) });
  switch (outcome.status) {
    case "no-class":
      return problem(404, "There is no such class among yours.");
    case "archived":
      return problem(409, "This class is archived; nothing can be assigned to it.");
    case "exists":
      return problem(409, "That is already assigned to this class.");
    default:
      return NextResponse.json({ id: outcome.id }, { status: 201 });
  }
}
