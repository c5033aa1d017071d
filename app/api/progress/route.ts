import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { examDateOf } from "@/lib/progress/account-data";
import { recentAttempts } from "@/lib/progress/attempts";
import { memoryOf } from "@/lib/progress/memory-cards";
import { db } from "@/lib/db/client";
import { sectionsRead } from "@/lib/progress/sections";

export const dynamic = "force-dynamic";

/** The signed-in learner's memory of each exam point, exam date, sections read and latest attempts (what the practice pages show). */
export async function GET(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const userId = guard.user.id;
  const [memory, examDate, sections, attempts] = await Promise.all([memoryOf(userId), examDateOf(userId), sectionsRead(userId), recentAttempts(db(), userId, 20)]);
  return NextResponse.json(
    { memory: Object.fromEntries(memory), examDate, sectionsRead: sections, recentAttempts: attempts },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
