import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { studentActivity } from "@/lib/classes/classes";
import { idSchema } from "@/lib/classes/schemas";
import { problem } from "@/lib/http/json-request";

export const dynamic = "force-dynamic";

/** A student's labs and the commands they ran, read-only, for their instructor. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; userId: string }> }) {
  const guard = await requireUser(request, { role: "instructor" });
  if (!guard.ok) return guard.response;
  const { id, userId } = await params;
  const activity = idSchema.safeParse(id).success && idSchema.safeParse(userId).success ? await studentActivity(id, guard.user.id, userId) : undefined;
  if (!activity) return problem(404, "There is no such student in your classes.");
  return NextResponse.json(activity, { headers: { "Cache-Control": "private, no-store" } });
}
