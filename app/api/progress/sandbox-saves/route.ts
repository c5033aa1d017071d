import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { listSandboxSaves } from "@/lib/progress/sandbox-saves";

export const dynamic = "force-dynamic";

/** The learner's named sandbox saves, newest first (without their snapshots). */
export async function GET(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  return NextResponse.json({ saves: await listSandboxSaves(guard.user.id) }, { headers: { "Cache-Control": "private, no-store" } });
}
