import { db } from "@/lib/db/client";

export interface LabProgressInput {
  labId: string;
  stepsDone: number;
  solutionsShown: number;
  completed: boolean;
}

/**
 * Records how far the learner is in a lab. Progress only moves forward: a
 * stale tab reporting fewer steps never undoes work, and a completion stays.
 * The counts come from the server's replay of the command log (app/api/progress/labs), never from the browser.
 */
export async function recordLabProgress(userId: string, input: LabProgressInput, now: Date = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await tx.labProgress.findUnique({ where: { userId_labId: { userId, labId: input.labId } } });
    const stepsDone = Math.max(row?.stepsDone ?? 0, input.stepsDone);
    const solutionsShown = Math.max(row?.solutionsShown ?? 0, input.solutionsShown);
    const completedAt = row?.completedAt ?? (input.completed ? now : null);
    await tx.labProgress.upsert({
      where: { userId_labId: { userId, labId: input.labId } },
      create: { userId, labId: input.labId, stepsDone, solutionsShown, completedAt, startedAt: now },
      update: { stepsDone, solutionsShown, completedAt },
    });
  });
}

export async function labProgress(userId: string) {
  return db().labProgress.findMany({ where: { userId }, orderBy: { updatedAt: "desc" }, select: { labId: true, stepsDone: true, solutionsShown: true, startedAt: true, completedAt: true, updatedAt: true } });
}
