import { NextResponse } from "next/server";
import { classDashboard } from "@/lib/classes/class-dashboard-data";
import { readOwnClass } from "@/lib/classes/own-class-route";

export const dynamic = "force-dynamic";

/** The live dashboard's data (the page asks again every few seconds). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return readOwnClass(request, params, classDashboard, (dashboard) => NextResponse.json(dashboard, { headers: { "Cache-Control": "private, no-store" } }));
}
