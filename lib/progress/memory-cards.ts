/**
 * The FSRS memory of each exam point of a learner, computed from their
 * answers in time order, with the MemoryCard rows as a cache: a point's card
 * is used as stored when it counts as many answers as the database holds for
 * the point, and replayed from the answers (and stored again) otherwise.
 *
 * Why a cache checked by count rather than cards updated on every write: a
 * write then stays one insert (no read-modify-write to serialise between app
 * instances), answers merged later from a browser with older dates land in
 * the right order, and a stale or half-written card is never believed: any
 * reader that sees a different count recomputes.
 */
import type { Card } from "ts-fsrs";
import { recordAnswer, type Confidence, type Memory } from "@/lib/quiz/memory";
import { db, type Database } from "@/lib/db/client";
import { rawBoolean, rawDate } from "@/lib/db/raw-values";
import { cardFromJson, cardToJson } from "./card-json";

export interface StoredAnswer {
  examPoints: string[];
  correct: boolean;
  confidence: Confidence;
  at: Date;
  /** Tie-breakers for answers given at the same moment: when the server stored the attempt, then the place in it. */
  storedAt: Date;
  position: number;
}

type AnswerRow = { at: unknown; storedAt: unknown; position: unknown; examPoints: string; correct: unknown; confidence: string };


/**
 * Every answer of the user, oldest first (the order FSRS must see them in).
 * One raw join, the same SQL on both providers: through Prisma's relation
 * select, 5,000 answers took 67 ms to read; this takes a few.
 */
export async function answersOf(userId: string, database: Database = db()): Promise<StoredAnswer[]> {
  const rows = await database.$queryRaw<AnswerRow[]>`
    SELECT a."at" AS "at", a."createdAt" AS "storedAt", x."position" AS "position", x."examPoints" AS "examPoints", x."correct" AS "correct", x."confidence" AS "confidence"
    FROM "AttemptAnswer" x JOIN "Attempt" a ON a."id" = x."attemptId"
    WHERE a."userId" = ${userId}`;
  return rows
    .map((row) => ({
      examPoints: JSON.parse(row.examPoints) as string[],
      correct: rawBoolean(row.correct),
      confidence: (row.confidence === "sure" ? "sure" : "unsure") as Confidence,
      at: rawDate(row.at),
      storedAt: rawDate(row.storedAt),
      position: Number(row.position),
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.storedAt.getTime() - b.storedAt.getTime() || a.position - b.position);
}

/** ts-fsrs over one point's answers, in the order given. */
function replay(point: string, answers: readonly StoredAnswer[]): Card | undefined {
  let memory: Memory = new Map();
  for (const answer of answers) memory = recordAnswer(memory, { examPoints: [point], correct: answer.correct, confidence: answer.confidence, at: answer.at });
  return memory.get(point);
}

/**
 * The learner's memory of every point they have answered. Pass the answers
 * when they are read already (the dashboard reads them for its charts).
 */
export async function memoryOf(userId: string, given?: readonly StoredAnswer[], database: Database = db()): Promise<Map<string, Card>> {
  const [answers, rows] = await Promise.all([given ?? answersOf(userId, database), database.memoryCard.findMany({ where: { userId }, select: { examPoint: true, card: true, answers: true } })]);
  const byPoint = new Map<string, StoredAnswer[]>();
  for (const answer of answers)
    for (const point of new Set(answer.examPoints)) {
      const list = byPoint.get(point);
      if (list) list.push(answer);
      else byPoint.set(point, [answer]);
    }
  const cached = new Map(rows.map((row) => [row.examPoint, row]));
  const memory = new Map<string, Card>();
  const stale: { point: string; card: Card; count: number; lastAt: Date }[] = [];
  for (const [point, list] of byPoint) {
    const row = cached.get(point);
    if (row && row.answers === list.length) {
      memory.set(point, cardFromJson(row.card));
      continue;
    }
    const card = replay(point, list);
    if (!card) continue;
    memory.set(point, card);
    stale.push({ point, card, count: list.length, lastAt: list.at(-1)!.at });
  }
  // Keep the cache: a card counting fewer answers than the database holds by then is recomputed by the next reader.
  await Promise.all(
    stale.map(({ point, card, count, lastAt }) =>
      database.memoryCard.upsert({
        where: { userId_examPoint: { userId, examPoint: point } },
        create: { userId, examPoint: point, card: cardToJson(card), answers: count, lastAt },
        update: { card: cardToJson(card), answers: count, lastAt },
      }),
    ),
  );
  return memory;
}
