import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { classItems } from "@/lib/classes/class-items-data";
import { idSchema } from "@/lib/classes/schemas";
import { problem } from "@/lib/http/json-request";

export const dynamic = "force-dynamic";

/** Facility and discrimination per question, from the class's first answers. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await requireUser(request, { role: "instructor" });
  if (!guard.ok) return guard.response;
  const { id } = await params;
  const items = idSchema.safeParse(id).success ? await classItems(id, guard.user.id) : undefined;
  if (!items) return problem(404, "There is no such class among yours.");
  return NextResponse.json({ items }, { headers: { "Cache-Control": "private, no-store" } });
}
