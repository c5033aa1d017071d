import { NextResponse } from "next/server";
import * as z from "zod";
import { requireUser } from "@/lib/auth/guard";
import { problem, readJson } from "@/lib/http/json-request";
import { setFeedbackResolved } from "@/lib/feedback/store";

const idSchema = z.coerce.number().int().positive().max(2 ** 31 - 1);

/** An instructor marks a learner's report dealt with, or open again. */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await requireUser(request, { role: "instructor" });
  if (!guard.ok) return guard.response;
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return problem(404, "There is no report with that id.");
  const body = await readJson(request, z.strictObject({ resolved: z.boolean() }), 256);
  if (!body.ok) return body.response;
  if (!(await setFeedbackResolved(id.data, body.value.resolved))) return problem(404, "There is no report with that id.");
  return NextResponse.json({ id: id.data, resolved: body.value.resolved });
}
