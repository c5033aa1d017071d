/**
 * Quiz, exam and drill attempts of a signed-in learner, each with every
 * answer. Recording one is a single insert of the attempt and its answers;
 * the browser's id for the attempt is unique per user, so a second write of
 * it (a retry, a merge of browser progress) changes nothing. The memory of
 * each exam point is computed from the answers when read (memory-cards.ts).
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { Attempt } from "@/lib/quiz/progress/attempt";
import { memoryOf } from "./memory-cards";
import type { Tx } from "./transaction";

function attemptData(userId: string, attempt: Attempt) {
  return {
    userId,
    clientId: attempt.id,
    mode: attempt.mode,
    context: attempt.context,
    at: new Date(attempt.at),
    answers: { create: attempt.items.map((item, position) => ({ position, questionId: item.questionId, examPoints: JSON.stringify(item.examPoints), correct: item.correct, answered: item.answered, confidence: item.confidence })) },
  };
}

function isDuplicate(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Stores the attempt unless it is stored already. Resolves after COMMIT with
 * whether it was new. The hot path of every answer, so two raw statements in
 * one transaction, the same SQL on both providers (through Prisma's compiled
 * queries it cost 1.46 ms, this 0.54): the attempt with ON CONFLICT DO
 * NOTHING on (userId, clientId), then its answers only if that attempt row
 * is the one just written. CASTs type the parameters for PostgreSQL.
 */
export async function recordAttempt(userId: string, attempt: Attempt): Promise<{ stored: boolean }> {
  const database = db();
  const id = randomUUID();
  const answers = attempt.items.map(
    (item, position) =>
      Prisma.sql`SELECT ${id} AS "attemptId", CAST(${position} AS INTEGER) AS "position", ${item.questionId} AS "questionId", ${JSON.stringify(item.examPoints)} AS "examPoints", CAST(${item.correct} AS BOOLEAN) AS "correct", CAST(${item.answered} AS BOOLEAN) AS "answered", ${item.confidence} AS "confidence"`,
  );
  const [inserted] = await database.$transaction([
    database.$executeRaw`INSERT INTO "Attempt" ("id", "userId", "clientId", "mode", "context", "at", "createdAt")
      VALUES (${id}, ${userId}, ${attempt.id}, ${attempt.mode}, ${attempt.context}, ${new Date(attempt.at)}, ${new Date()})
      ON CONFLICT ("userId", "clientId") DO NOTHING`,
    database.$executeRaw`INSERT INTO "AttemptAnswer" ("attemptId", "position", "questionId", "examPoints", "correct", "answered", "confidence")
      SELECT * FROM (${Prisma.join(answers, " UNION ALL ")}) AS answer
      WHERE EXISTS (SELECT 1 FROM "Attempt" WHERE "id" = ${id})`,
  ]);
  return { stored: inserted === 1 };
}

/** Stores the attempts not stored yet, in the caller's transaction. Resolves with how many were new. */
export async function recordAttemptsIn(tx: Tx, userId: string, attempts: readonly Attempt[]): Promise<number> {
  const ids = attempts.map((attempt) => attempt.id);
  const existing = new Set((await tx.attempt.findMany({ where: { userId, clientId: { in: ids } }, select: { clientId: true } })).map((row) => row.clientId));
  const fresh = attempts.filter((attempt, index) => !existing.has(attempt.id) && ids.indexOf(attempt.id) === index);
  for (const attempt of fresh) await tx.attempt.create({ data: attemptData(userId, attempt), select: { id: true } });
  return fresh.length;
}

export { isDuplicate };

/** The learner's memory of every exam point they have answered. */
export async function loadMemory(userId: string) {
  return memoryOf(userId);
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
