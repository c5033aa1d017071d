import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { readJson } from "@/lib/http/json-request";
import { setExamDate } from "@/lib/progress/account-data";
import { examDateSchema } from "@/lib/progress/schemas";

/** Sets (or clears, with null) the learner's exam date. */
export async function PUT(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const body = await readJson(request, examDateSchema, 512);
  if (!body.ok) return body.response;
  await setExamDate(guard.user.id, body.value.examDate);
  return NextResponse.json({ examDate: body.value.examDate });
}
