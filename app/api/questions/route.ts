import { NextResponse, type NextRequest } from "next/server";
import { loadCourse } from "@/lib/content/course";
import { problem } from "@/lib/http/json-request";
import { questionBank } from "@/lib/quiz/bank";
import { pickQuestions, questionQuerySchema } from "@/lib/quiz/question-query";

/** Practice questions with their answers (the chapter quiz and the drill): ?chapter= or ?points=, &count=, &seed=. */
export async function GET(request: NextRequest) {
  const query = questionQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return problem(400, "Bad question query: " + query.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; "));
  const questions = pickQuestions(questionBank(await loadCourse()), query.data);
  return NextResponse.json({ questions });
}
