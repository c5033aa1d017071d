/**
 * Quiz, exam and drill attempts of a signed-in learner, each with every
 * answer. Recording one is a single insert of the attempt and its answers;
 * the browser's id for the attempt is unique per user, so a second write of
 * it (a retry, a merge of browser progress) changes nothing. The memory of
 * each exam point is computed from the answers when read (memory-cards.ts:
 * memoryOf).
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db, type Database } from "@/lib/db/client";
import type { Attempt } from "@/lib/quiz/progress/attempt";
import type { Tx } from "./transaction";

export function isDuplicate(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * The two statements that store an attempt unless it is stored already, the
 * same SQL on both providers (through Prisma's compiled queries an answer
 * cost 1.46 ms, this 0.54): the attempt with ON CONFLICT DO NOTHING on
 * (userId, clientId), then its answers only if that attempt row is the one
 * just written. CASTs type the parameters for PostgreSQL. Prisma runs them
 * when awaited or batched; the first resolves to 1 when the attempt is new.
 */
function attemptStatements(client: Database | Tx, userId: string, attempt: Attempt) {
  const id = randomUUID();
  const answers = attempt.items.map(
    (item, position) =>
      Prisma.sql`SELECT ${id} AS "attemptId", CAST(${position} AS INTEGER) AS "position", ${item.questionId} AS "questionId", ${JSON.stringify(item.examPoints)} AS "examPoints", CAST(${item.correct} AS BOOLEAN) AS "correct", CAST(${item.answered} AS BOOLEAN) AS "answered", ${item.confidence} AS "confidence"`,
  );
  return [
    client.$executeRaw`INSERT INTO "Attempt" ("id", "userId", "clientId", "mode", "context", "at", "createdAt")
      VALUES (${id}, ${userId}, ${attempt.id}, ${attempt.mode}, ${attempt.context}, ${new Date(attempt.at)}, ${new Date()})
      ON CONFLICT ("userId", "clientId") DO NOTHING`,
    client.$executeRaw`INSERT INTO "AttemptAnswer" ("attemptId", "position", "questionId", "examPoints", "correct", "answered", "confidence")
      SELECT * FROM (${Prisma.join(answers, " UNION ALL ")}) AS answer
      WHERE EXISTS (SELECT 1 FROM "Attempt" WHERE "id" = ${id})`,
  ] as const;
}

/** Stores the attempt unless it is stored already, both statements in one batched transaction. Resolves after COMMIT with whether it was new. */
export async function recordAttempt(userId: string, attempt: Attempt): Promise<{ stored: boolean }> {
  const database = db();
  const [inserted] = await database.$transaction([...attemptStatements(database, userId, attempt)]);
  return { stored: inserted === 1 };
}

/** Stores the attempts not stored yet, in the caller's transaction. Resolves with how many were new. */
export async function recordAttemptsIn(tx: Tx, userId: string, attempts: readonly Attempt[]): Promise<number> {
  let added = 0;
  for (const attempt of attempts) {
    const [attemptRow, answerRows] = attemptStatements(tx, userId, attempt);
    if ((await attemptRow) === 1) {
      await answerRows;
      added += 1;
    }
  }
  return added;
}

/** The most recent attempts, newest first, with their answers. */
export async function recentAttempts(tx: Pick<Tx, "attempt">, userId: string, limit = 20): Promise<Attempt[]> {
  const rows = await tx.attempt.findMany({ where: { userId }, orderBy: [{ at: "desc" }, { createdAt: "desc" }], take: limit, include: { answers: { orderBy: { position: "asc" } } } });
  return rows.map((row) => ({
    id: row.clientId,
    mode: row.mode as Attempt["mode"],
    at: row.at.toISOString(),
    context: row.context,
    items: row.answers.map((answer) => ({ questionId: answer.questionId, examPoints: JSON.parse(answer.examPoints) as string[], correct: answer.correct, answered: answer.answered, confidence: answer.confidence === "sure" ? "sure" : "unsure" })),
  }));
}
