import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { problem, readJson } from "@/lib/http/json-request";
import { consume } from "@/lib/http/rate-limit";
import { findLab } from "@/lib/labs/catalog";
import { definitionOf } from "@/lib/labs/lab";
import { replayLab } from "@/lib/labs/replay";
import { labProgress, recordLabReplay } from "@/lib/progress/labs";
import { labCommandLogSchema } from "@/lib/progress/schemas";

export const dynamic = "force-dynamic";

/** Replays cost server CPU (about a millisecond a command): bounded per learner. */
const REPLAYS = { max: 60, windowSeconds: 600 };
const DAY = 86_400_000;

export async function GET(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  return NextResponse.json({ labs: await labProgress(guard.user.id) }, { headers: { "Cache-Control": "private, no-store" } });
}

/**
 * Records how far the learner is in a lab from their command log, replayed
 * here from the lab's scenario and seed (lib/labs/replay.ts): the steps the
 * replay finishes are the steps recorded, whatever the browser believed.
 * Progress never moves backwards, except by an instructor's reset: a log made
 * before it is a 409. Answers what the replay confirmed.
 */
export async function PUT(request: Request) {
  const guard = await requireUser(request);
  if (!guard.ok) return guard.response;
  const body = await readJson(request, labCommandLogSchema, 1024 * 1024);
  if (!body.ok) return body.response;
  const { labId, startedAt, commands, solutionsShown, resets } = body.value;
  const lab = await findLab(labId);
  if (!lab) return problem(404, `There is no lab "${labId}".`);
  const started = Date.parse(startedAt);
  if (started > Date.now() + DAY || started < Date.now() - 400 * DAY) return problem(400, "The request is not valid: startedAt: a lab's sandbox starts within the last 400 days.", { startedAt: "out of range" });
  const limit = await consume(`lab-replay|user:${guard.user.id}`, REPLAYS);
  if (!limit.allowed) return problem(429, `Too many lab checks in a short time; try again in ${limit.retryAfterSeconds} seconds.`, undefined, { "Retry-After": String(limit.retryAfterSeconds) });
  const replay = await replayLab(definitionOf(lab), { startedAt: started, commands });
  const outcome = await recordLabReplay(guard.user.id, { labId, stepsDone: replay.stepsDone, completed: replay.completed, solutionsShown: Math.min(solutionsShown, lab.steps.length), commands, logStartedAt: new Date(started), resets });
  if (outcome.status === "reset") return problem(409, "Your instructor reset this lab: it starts again from the beginning.", { resets: String(outcome.resets) });
  return NextResponse.json({ labId, steps: lab.steps.length, stepsDone: replay.stepsDone, completed: replay.completed, doneAfter: replay.doneAfter });
}
