import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { exportAccount } from "@/lib/progress/account-data";

export const dynamic = "force-dynamic";

/** All of the signed-in user's data, as a JSON download. */
export async function GET(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const data = await exportAccount(guard.user.id);
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="keystone-export-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
