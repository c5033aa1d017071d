import { db } from "@/lib/db/client";
import { feedbackInputSchema, fieldErrors } from "./feedback";
import type { FeedbackResult } from "./form";

/**
 * Validates and stores a learner's report. The result is "ok" only after the
 * row is committed, so a thank-you never hides a lost report.
 */
export async function submitFeedback(raw: unknown, userId: string | null = null): Promise<FeedbackResult> {
  const parsed = feedbackInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { pagePath, kind, message } = parsed.data;
  const row = await db().feedback.create({ data: { pagePath, kind, message, userId }, select: { id: true } });
  return { ok: true, id: row.id };
}

export interface FeedbackReport {
  id: number;
  createdAt: Date;
  pagePath: string;
  kind: string;
  message: string;
  resolvedAt: Date | null;
}

/** Reports for the instructors' view: open ones first, newest first; `resolved` includes the dealt-with ones. */
export async function listFeedback(options: { resolved?: boolean; take?: number } = {}): Promise<FeedbackReport[]> {
  return db().feedback.findMany({
    where: options.resolved ? {} : { resolvedAt: null },
    orderBy: [{ createdAt: "desc" }],
    take: options.take ?? 200,
    select: { id: true, createdAt: true, pagePath: true, kind: true, message: true, resolvedAt: true },
  });
}

/** Marks a report dealt with (or open again). False when there is no such report. */
export async function setFeedbackResolved(id: number, resolved: boolean): Promise<boolean> {
  const { count } = await db().feedback.updateMany({ where: { id }, data: { resolvedAt: resolved ? new Date() : null } });
  return count > 0;
}
