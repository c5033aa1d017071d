import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { problem, readJson } from "@/lib/http/json-request";
import { consume } from "@/lib/http/rate-limit";
import { findLab } from "@/lib/labs/catalog";
import { recordLabActivity } from "@/lib/progress/labs";
import { labCommandLogSchema } from "@/lib/progress/schemas";

/** A few per minute while a learner types; replays (PUT /api/progress/labs) are counted apart. */
const PINGS = { max: 200, windowSeconds: 600 };

/**
 * Keeps a lab's command log and the time it came, without replaying it
 * (cheap: the browser sends it a few seconds after each command). It moves
 * no step: steps are recorded only from the server's replay, when the
 * browser reports one done. A log from before an instructor's reset is a 409.
 */
export async function POST(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const body = await readJson(request, labCommandLogSchema, 1024 * 1024);
  if (!body.ok) return body.response;
  const { labId, startedAt, commands, resets } = body.value;
  if (!(await findLab(labId))) return problem(404, `There is no lab "${labId}".`);
  const limit = await consume(`lab-activity|user:${guard.user.id}`, PINGS);
  if (!limit.allowed) return problem(429, `Too many lab updates in a short time; try again in ${limit.retryAfterSeconds} seconds.`, undefined, { "Retry-After": String(limit.retryAfterSeconds) });
  const outcome = await recordLabActivity(guard.user.id, { labId, commands, logStartedAt: new Date(startedAt), resets });
  if (outcome.status === "reset") return problem(409, "Your instructor reset this lab: it starts again from the beginning.", { resets: String(outcome.resets) });
  return NextResponse.json({ recorded: true });
}
