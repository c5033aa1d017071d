import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { joinClass } from "@/lib/classes/classes";
import { joinClassSchema } from "@/lib/classes/schemas";
import { problem, readJson } from "@/lib/http/json-request";
import { consume } from "@/lib/http/rate-limit";

/** Joins the class whose code this is. Limited per account, so codes cannot be guessed by trying. */
export async function POST(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const body = await readJson(request, joinClassSchema, 1024);
  if (!body.ok) return body.response;
  const limit = await consume(`class-join|user:${guard.user.id}`, { max: 20, windowSeconds: 3600 });
  if (!limit.allowed) return problem(429, `Too many join attempts; try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`, undefined, { "Retry-After": String(limit.retryAfterSeconds) });
  const outcome = await joinClass(guard.user.id, body.value.code);
  switch (outcome.status) {
    case "unknown":
      return problem(404, "No class has that code. Check it with your instructor (8 letters and digits, like ABCD-2345).");
    case "archived":
      return problem(409, "That class is archived: it no longer takes new students.");
    case "own":
      return problem(409, "You teach that class.");
    default:
      return NextResponse.json({ classId: outcome.classId, name: outcome.name, joined: outcome.status === "joined" }, { status: outcome.status === "joined" ? 201 : 200 });
  }
}
