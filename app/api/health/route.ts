import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Readiness: the server is up and its database answers. Used by the test runner and by operators. */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return NextResponse.json({ ok: true, database: "ok" });
  } catch (error) {
    return NextResponse.json({ ok: false, database: error instanceof Error ? error.message : "unavailable" }, { status: 503 });
  }
}
