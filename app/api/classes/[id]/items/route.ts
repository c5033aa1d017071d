import { NextResponse } from "next/server";
import { classItems } from "@/lib/classes/class-items-data";
import { readOwnClass } from "@/lib/classes/own-class-route";

export const dynamic = "force-dynamic";

/** Facility and discrimination per question, from the class's first answers. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return readOwnClass(request, params, classItems, (items) => NextResponse.json({ items }, { headers: { "Cache-Control": "private, no-store" } }));
}
