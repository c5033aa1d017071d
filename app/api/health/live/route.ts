import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/**
 * Liveness: the process answers HTTP, nothing else is touched (a load
 * balancer's probe; /api/health is readiness and asks the database). The
 * benchmarks use it as the cost of a request that does no work.
 */
export function GET() {
  return NextResponse.json({ ok: true });
}
