/**
 * Carries what a browser kept without an account into the account, at
 * sign-up or sign-in. Attempts keep the browser's ids, so sending the same
 * progress twice (a retry, two tabs, a second sign-in before the browser
 * cleared its copy) stores each attempt once; sections keep the earliest
 * reading; the exam date is taken only when the account has none.
 */
import { db } from "@/lib/db/client";
import { recordAttemptIn } from "./attempts";
import type { BrowserProgress } from "./schemas";
import { inUserTransaction } from "./transaction";

export interface MergeResult {
  attemptsAdded: number;
  attemptsAlreadyThere: number;
  sectionsAdded: number;
  examDateSet: boolean;
}

export async function mergeBrowserProgress(userId: string, progress: BrowserProgress): Promise<MergeResult> {
  const attempts = [...progress.attempts].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return inUserTransaction(userId, async (tx) => {
    let attemptsAdded = 0;
    for (const attempt of attempts) if ((await recordAttemptIn(tx, userId, attempt)).stored) attemptsAdded += 1;
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
    return { attemptsAdded, attemptsAlreadyThere: attempts.length - attemptsAdded, sectionsAdded, examDateSet };
  }, db());
}
