import { NextResponse } from "next/server";
import { readJson, problem } from "@/lib/http/json-request";
import { createExam, isProblem } from "@/lib/quiz/practice-exam/exam-store";
import { createExamSchema } from "@/lib/quiz/practice-exam/schemas";

/** Starts a practice exam: draws the questions and answers with them as shown, without their answers. */
export async function POST(request: Request) {
  const body = await readJson(request, createExamSchema);
  if (!body.ok) return body.response;
  const exam = await createExam(body.value);
  if (isProblem(exam)) return problem(exam.status, exam.message);
  return NextResponse.json(exam, { status: 201, headers: { "Cache-Control": "no-store" } });
}
