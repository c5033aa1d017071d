import { NextResponse } from "next/server";
import { refuseCrossSite } from "@/lib/auth/guard";
import { currentUser } from "@/lib/auth/session";
import { problem, readJson } from "@/lib/http/json-request";
import { isProblem, saveAnswer } from "@/lib/quiz/practice-exam/exam-store";
import { examIdSchema, saveAnswerSchema } from "@/lib/quiz/practice-exam/schemas";

/** Saves one answer (and/or its review flag) while the exam runs. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const id = examIdSchema.safeParse((await params).id);
  if (!id.success) return problem(404, "There is no practice exam with that id.");
  const body = await readJson(request, saveAnswerSchema, 4 * 1024);
  if (!body.ok) return body.response;
  const saved = await saveAnswer(id.data, (await currentUser(request.headers))?.id ?? null, body.value);
  if (isProblem(saved)) return problem(saved.status, saved.message);
  return new NextResponse(null, { status: 204 });
}
