import { db } from "@/lib/db/client";

export interface LabReplayRecord {
  labId: string;
  /** What the server's replay of the log found (app/api/progress/labs), never the browser's word. */
  stepsDone: number;
  completed: boolean;
  solutionsShown: number;
  commands: readonly string[];
  logStartedAt: Date;
  /** The instructor resets the browser's lab knew of when it made the log. */
  resets: number;
}

export type LabRecordOutcome = { status: "recorded"; stepsDone: number; completed: boolean } | { status: "reset"; resets: number };

/**
 * Records a lab's replayed log. Progress only moves forward (a stale tab
 * reporting fewer steps never undoes work, and a completion stays) except
 * when an instructor resets the lab: a log made before that reset is refused,
 * so the browser starts the lab again. The log itself is kept (the
 * instructor's read-only view), with when it arrived and when the current
 * step began (a class's "stuck").
 */
export async function recordLabReplay(userId: string, input: LabReplayRecord, now: Date = new Date()): Promise<LabRecordOutcome> {
  return db().$transaction(async (tx) => {
    const row = await tx.labProgress.findUnique({ where: { userId_labId: { userId, labId: input.labId } } });
    if (row && input.resets < row.resets) return { status: "reset", resets: row.resets };
    const stepsDone = Math.max(row?.stepsDone ?? 0, input.stepsDone);
    const completedAt = row?.completedAt ?? (input.completed ? now : null);
    const stepStartedAt = !row?.stepStartedAt || stepsDone > row.stepsDone ? now : row.stepStartedAt;
    const solutionsShown = Math.max(row?.solutionsShown ?? 0, input.solutionsShown);
    const log = { commandLog: JSON.stringify(input.commands), logStartedAt: input.logStartedAt, lastActivityAt: now, stepStartedAt };
    await tx.labProgress.upsert({
      where: { userId_labId: { userId, labId: input.labId } },
      create: { userId, labId: input.labId, stepsDone, solutionsShown, completedAt, startedAt: now, ...log },
      update: { stepsDone, solutionsShown, completedAt, ...log },
    });
    return { status: "recorded", stepsDone, completed: completedAt !== null };
  });
}

/**
 * Keeps the latest command log of a lab and when it came, without replaying
 * it: what the browser sends a few seconds after a command, so an instructor
 * sees who is working and what they typed. Steps move only by a replay
 * (recordLabReplay); a log from before an instructor's reset is refused the same way.
 */
export async function recordLabActivity(userId: string, input: Pick<LabReplayRecord, "labId" | "commands" | "logStartedAt" | "resets">, now: Date = new Date()): Promise<{ status: "recorded" } | { status: "reset"; resets: number }> {
  return db().$transaction(async (tx) => {
    const row = await tx.labProgress.findUnique({ where: { userId_labId: { userId, labId: input.labId } } });
    if (row && input.resets < row.resets) return { status: "reset" as const, resets: row.resets };
    const log = { commandLog: JSON.stringify(input.commands), logStartedAt: input.logStartedAt, lastActivityAt: now };
    await tx.labProgress.upsert({
      where: { userId_labId: { userId, labId: input.labId } },
      create: { userId, labId: input.labId, startedAt: now, stepStartedAt: now, ...log },
      update: log,
    });
    return { status: "recorded" as const };
  });
}

export async function labProgress(userId: string) {
  return db().labProgress.findMany({
    where: { userId },
    orderBy: { updatedAt: "desc" },
    select: { labId: true, stepsDone: true, solutionsShown: true, startedAt: true, completedAt: true, updatedAt: true, resets: true },
  });
}
