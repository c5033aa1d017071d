import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { problem } from "@/lib/http/json-request";
import { isProblem, readExam } from "@/lib/quiz/practice-exam/exam-store";
import { examIdSchema } from "@/lib/quiz/practice-exam/schemas";

/** The exam as the page shows it: questions, saved answers and flags, the deadline; the report once submitted. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = examIdSchema.safeParse((await params).id);
  if (!id.success) return problem(404, "There is no practice exam with that id.");
  const exam = await readExam(id.data, (await currentUser(request.headers))?.id ?? null);
  if (isProblem(exam)) return problem(exam.status, exam.message);
  return NextResponse.json(exam, { headers: { "Cache-Control": "no-store" } });
}
