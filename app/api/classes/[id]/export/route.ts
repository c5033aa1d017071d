import { requireUser } from "@/lib/auth/guard";
import { classDashboard } from "@/lib/classes/class-dashboard-data";
import { dashboardCsv } from "@/lib/classes/csv";
import { idSchema } from "@/lib/classes/schemas";
import { problem } from "@/lib/http/json-request";

export const dynamic = "force-dynamic";

/** The dashboard as a CSV download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await requireUser(request, { role: "instructor" });
  if (!guard.ok) return guard.response;
  const { id } = await params;
  const dashboard = idSchema.safeParse(id).success ? await classDashboard(id, guard.user.id) : undefined;
  if (!dashboard) return problem(404, "There is no such class among yours.");
  const file = `${dashboard.class.name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "class"}-${dashboard.generatedAt.slice(0, 10)}.csv`;
  return new Response(dashboardCsv(dashboard), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${file}"`, "Cache-Control": "private, no-store" },
  });
}
