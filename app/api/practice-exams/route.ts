import { NextResponse } from "next/server";
import { refuseCrossSite } from "@/lib/auth/guard";
import { currentUser } from "@/lib/auth/session";
import { problem, readJson } from "@/lib/http/json-request";
import { clientAddress, consume } from "@/lib/http/rate-limit";
import { createExam, isProblem } from "@/lib/quiz/practice-exam/exam-store";
import { createExamSchema } from "@/lib/quiz/practice-exam/schemas";

/** Exams one client (account, or address without one) may start per hour. */
export const EXAMS_PER_HOUR = 30;

/** Starts a practice exam: draws the questions and answers with them as shown, without their answers. */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const body = await readJson(request, createExamSchema);
  if (!body.ok) return body.response;
  const viewer = await currentUser(request.headers);
  const limit = await consume(`practice-exam|${viewer ? `user:${viewer.id}` : `ip:${clientAddress(request)}`}`, { max: EXAMS_PER_HOUR, windowSeconds: 3600 });
  if (!limit.allowed) return problem(429, `You have started ${EXAMS_PER_HOUR} practice exams in the last hour; try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`, undefined, { "Retry-After": String(limit.retryAfterSeconds) });
  const exam = await createExam(body.value, new Date(), viewer?.id ?? null);
  if (isProblem(exam)) return problem(exam.status, exam.message);
  return NextResponse.json(exam, { status: 201, headers: { "Cache-Control": "no-store" } });
}
