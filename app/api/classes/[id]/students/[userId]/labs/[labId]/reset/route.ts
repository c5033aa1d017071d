import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { resetStudentLab } from "@/lib/classes/classes";
import { idSchema } from "@/lib/classes/schemas";
import { problem } from "@/lib/http/json-request";
import { labIdSchema } from "@/lib/labs/lab";

/** Starts a student's lab again; their browser resets its sandbox when it next opens the lab. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; userId: string; labId: string }> }) {
  const guard = await requireUser(request, { role: "instructor" });
  if (!guard.ok) return guard.response;
  const { id, userId, labId } = await params;
  const valid = idSchema.safeParse(id).success && idSchema.safeParse(userId).success && labIdSchema.safeParse(labId).success;
  if (!valid || (await resetStudentLab(id, guard.user.id, userId, labId)) === "not-found") return problem(404, "That student has not started that lab in your classes.");
  return NextResponse.json({ reset: true });
}
