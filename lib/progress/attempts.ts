/**
 * Quiz, exam and drill attempts of a signed-in learner, each with every
 * answer, and the FSRS memory of each exam point they update. An attempt and
 * the memory it changes are written in one transaction; the browser's id for
 * the attempt makes a second write of it (a retry, a merge of browser
 * progress) change nothing.
 */
import type { Card } from "ts-fsrs";
import { recordAnswer, type Memory } from "@/lib/quiz/memory";
import type { Attempt, AttemptItem } from "@/lib/quiz/progress/attempt";
import { cardFromJson, cardToJson } from "./card-json";
import { inUserTransaction, type Tx } from "./transaction";

export interface StoredAttempt extends Attempt {
  /** The server's id (the attempt's `id` stays the browser's). */
  serverId: string;
}

/** Stores the attempt unless it is stored already. Resolves after COMMIT with whether it was new. */
export async function recordAttempt(userId: string, attempt: Attempt): Promise<{ stored: boolean }> {
  return inUserTransaction(userId, (tx) => recordAttemptIn(tx, userId, attempt));
}

export async function recordAttemptIn(tx: Tx, userId: string, attempt: Attempt): Promise<{ stored: boolean }> {
  const existing = await tx.attempt.findUnique({ where: { userId_clientId: { userId, clientId: attempt.id } }, select: { id: true } });
  if (existing) return { stored: false };
  const at = new Date(attempt.at);
  await tx.attempt.create({
    data: {
      userId,
      clientId: attempt.id,
      mode: attempt.mode,
      context: attempt.context,
      at,
      answers: { create: attempt.items.map((item, position) => ({ position, questionId: item.questionId, examPoints: JSON.stringify(item.examPoints), correct: item.correct, answered: item.answered, confidence: item.confidence })) },
    },
  });
  await updateMemory(tx, userId, attempt.items, at);
  return { stored: true };
}

/**
 * Brings the memory card of every exam point the items test up to date. The
 * usual case, answers newer than anything the card has counted, applies them
 * to the card; an answer older than the card's latest (browser progress merged
 * after newer server answers) replays the point's whole history in time order,
 * because FSRS depends on the order of reviews.
 */
async function updateMemory(tx: Tx, userId: string, items: readonly AttemptItem[], at: Date): Promise<void> {
  const points = [...new Set(items.flatMap((item) => item.examPoints))];
  const rows = await tx.memoryCard.findMany({ where: { userId, examPoint: { in: points } } });
  const stored = new Map(rows.map((row) => [row.examPoint, row]));
  for (const point of points) {
    const row = stored.get(point);
    let card: Card | undefined;
    let lastAt = at;
    if (!row || row.lastAt <= at) {
      let memory: Memory = row ? new Map([[point, cardFromJson(row.card)]]) : new Map();
      for (const item of items) if (item.examPoints.includes(point)) memory = recordAnswer(memory, { examPoints: [point], correct: item.correct, confidence: item.confidence, at });
      card = memory.get(point);
    } else {
      const history = await answersForPoint(tx, userId, point);
      let memory: Memory = new Map();
      for (const answer of history) memory = recordAnswer(memory, { examPoints: [point], correct: answer.correct, confidence: answer.confidence, at: answer.at });
      card = memory.get(point);
      lastAt = row.lastAt;
    }
    if (!card) continue;
    await tx.memoryCard.upsert({
      where: { userId_examPoint: { userId, examPoint: point } },
      create: { userId, examPoint: point, card: cardToJson(card), lastAt },
      update: { card: cardToJson(card), lastAt },
    });
  }
}

/** Every answer of the user that tests `point`, oldest first. */
async function answersForPoint(tx: Tx, userId: string, point: string): Promise<{ correct: boolean; confidence: "sure" | "unsure"; at: Date }[]> {
  const rows = await tx.attemptAnswer.findMany({
    where: { attempt: { userId }, examPoints: { contains: JSON.stringify(point) } },
    select: { correct: true, confidence: true, position: true, attempt: { select: { at: true, createdAt: true } } },
  });
  return rows
    .sort((a, b) => a.attempt.at.getTime() - b.attempt.at.getTime() || a.attempt.createdAt.getTime() - b.attempt.createdAt.getTime() || a.position - b.position)
    .map((row) => ({ correct: row.correct, confidence: row.confidence === "sure" ? "sure" : "unsure", at: row.attempt.at }));
}

/** The learner's memory of every exam point they have answered. */
export async function loadMemory(tx: Pick<Tx, "memoryCard">, userId: string): Promise<Map<string, Card>> {
  const rows = await tx.memoryCard.findMany({ where: { userId }, select: { examPoint: true, card: true } });
  return new Map(rows.map((row) => [row.examPoint, cardFromJson(row.card)]));
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
