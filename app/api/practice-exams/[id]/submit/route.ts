import { NextResponse } from "next/server";
import { refuseCrossSite } from "@/lib/auth/guard";
import { currentUser } from "@/lib/auth/session";
import { problem } from "@/lib/http/json-request";
import { isProblem, submitExam } from "@/lib/quiz/practice-exam/exam-store";
import { examIdSchema } from "@/lib/quiz/practice-exam/schemas";

/** Grades the exam on the server (once) and answers with the report. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const id = examIdSchema.safeParse((await params).id);
  if (!id.success) return problem(404, "There is no practice exam with that id.");
  const exam = await submitExam(id.data, (await currentUser(request.headers))?.id ?? null);
  if (isProblem(exam)) return problem(exam.status, exam.message);
  return NextResponse.json(exam, { headers: { "Cache-Control": "no-store" } });
}
