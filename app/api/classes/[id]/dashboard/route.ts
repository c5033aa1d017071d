import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { classDashboard } from "@/lib/classes/class-dashboard-data";
import { idSchema } from "@/lib/classes/schemas";
import { problem } from "@/lib/http/json-request";

export const dynamic = "force-dynamic";

/** The live dashboard's data (the page asks again every few seconds). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await requireUser(request, { role: "instructor" });
  if (!guard.ok) return guard.response;
  const { id } = await params;
  const dashboard = idSchema.safeParse(id).success ? await classDashboard(id, guard.user.id) : undefined;
  if (!dashboard) return problem(404, "There is no such class among yours.");
  return NextResponse.json(dashboard, { headers: { "Cache-Control": "private, no-store" } });
}
