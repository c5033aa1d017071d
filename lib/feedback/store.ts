import { db } from "@/lib/db/client";
import { feedbackInputSchema, fieldErrors } from "./feedback";
import type { FeedbackResult } from "./form";

/**
 * Validates and stores a learner's report. The result is "ok" only after the
 * row is committed, so a thank-you never hides a lost report.
 */
export async function submitFeedback(raw: unknown): Promise<FeedbackResult> {
  const parsed = feedbackInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { pagePath, kind, message } = parsed.data;
  const row = await db().feedback.create({ data: { pagePath, kind, message }, select: { id: true } });
  return { ok: true, id: row.id };
}
