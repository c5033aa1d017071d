/**
 * Carries what a browser kept without an account into the account, at
 * sign-up or sign-in, in one transaction. Attempts keep the browser's ids, so
 * sending the same progress twice (a retry, two tabs, a second sign-in before
 * the browser cleared its copy) stores each attempt once; sections keep the
 * earliest reading; the exam date is taken only when the account has none.
 */
import { db } from "@/lib/db/client";
import { isDuplicate, recordAttemptsIn } from "./attempts";
import type { BrowserProgress } from "./schemas";

export interface MergeResult {
  attemptsAdded: number;
  attemptsAlreadyThere: number;
  sectionsAdded: number;
  examDateSet: boolean;
}

export async function mergeBrowserProgress(userId: string, progress: BrowserProgress): Promise<MergeResult> {
  try {
    return await mergeOnce(userId, progress);
  } catch (error) {
    // Two merges of the same progress at once (two tabs signing in) can both try to create a
    // section read: the loser's transaction is rolled back whole, and once more it finds the
    // winner's rows and adds nothing twice (attempts never collide: ON CONFLICT DO NOTHING).
    if (isDuplicate(error)) return mergeOnce(userId, progress);
    throw error;
  }
}

async function mergeOnce(userId: string, progress: BrowserProgress): Promise<MergeResult> {
  return db().$transaction(
    async (tx) => {
      const attemptsAdded = await recordAttemptsIn(tx, userId, progress.attempts);
      let sectionsAdded = 0;
      for (const read of progress.sectionsRead) {
        const at = new Date(read.at);
        const existing = await tx.sectionRead.findUnique({ where: { userId_path: { userId, path: read.path } } });
        if (!existing) {
          await tx.sectionRead.create({ data: { userId, path: read.path, readAt: at } });
          sectionsAdded += 1;
        } else if (at < existing.readAt) await tx.sectionRead.update({ where: { userId_path: { userId, path: read.path } }, data: { readAt: at } });
      }
      let examDateSet = false;
      if (progress.examDate) {
        const { count } = await tx.user.updateMany({ where: { id: userId, examDate: null }, data: { examDate: progress.examDate } });
        examDateSet = count > 0;
      }
      return { attemptsAdded, attemptsAlreadyThere: progress.attempts.length - attemptsAdded, sectionsAdded, examDateSet };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
