import { classDashboard } from "@/lib/classes/class-dashboard-data";
import { dashboardCsv } from "@/lib/classes/csv";
import { readOwnClass } from "@/lib/classes/own-class-route";

export const dynamic = "force-dynamic";

/** The dashboard as a CSV download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return readOwnClass(request, params, classDashboard, (dashboard) => {
    const file = `${dashboard.class.name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "class"}-${dashboard.generatedAt.slice(0, 10)}.csv`;
    return new Response(dashboardCsv(dashboard), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${file}"`, "Cache-Control": "private, no-store" },
    });
  });
}
