/**
 * Quiz, exam and drill attempts of a signed-in learner, each with every
 * answer. Recording one is one transaction of prepared statements (the route
 * every answer takes; lib/db/prepared.ts), merging many is part of the
 * merge's Prisma transaction, with the same SQL;
 * the browser's id for the attempt is unique per user, so a second write of
 * it (a retry, a merge of browser progress) changes nothing. The memory of
 * each exam point is computed from the answers when read (memory-cards.ts:
 * memoryOf).
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { prepared } from "@/lib/db/client";
import type { Param, Statement } from "@/lib/db/prepared";
import type { Attempt } from "@/lib/quiz/progress/attempt";
import type { Tx } from "./transaction";

export function isDuplicate(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const INSERT_ATTEMPT = `INSERT INTO "Attempt" ("id", "userId", "clientId", "mode", "context", "at", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT ("userId", "clientId") DO NOTHING`;
const INSERT_ANSWERS = `INSERT INTO "AttemptAnswer" ("attemptId", "position", "questionId", "examPoints", "correct", "answered", "confidence")`;

/** The answers as rows of a SELECT, the attempt's id in $1 and their values from $first on; CASTs type the parameters for PostgreSQL. */
function answerRows(attempt: Attempt, first: number): { sql: string; params: Param[] } {
  const sql = attempt.items
    .map((_, position) => {
      const at = first + position * 6;
      return `SELECT $1 AS "attemptId", CAST($${at} AS INTEGER) AS "position", $${at + 1} AS "questionId", $${at + 2} AS "examPoints", CAST($${at + 3} AS BOOLEAN) AS "correct", CAST($${at + 4} AS BOOLEAN) AS "answered", $${at + 5} AS "confidence"`;
    })
    .join(" UNION ALL ");
  const params = attempt.items.flatMap((item, position) => [position, item.questionId, JSON.stringify(item.examPoints), item.correct, item.answered, item.confidence]);
  return { sql, params };
}

/** $1 to $7 of INSERT_ATTEMPT: the attempt's new id ($1), its owner and its fields. */
function attemptParams(id: string, userId: string, attempt: Attempt): Param[] {
  return [id, userId, attempt.id, attempt.mode, attempt.context, new Date(attempt.at), new Date()];
}

/**
 * The statements that store an attempt unless it is stored already, the same
 * SQL on both providers: the attempt with ON CONFLICT DO NOTHING on (userId,
 * clientId), then its answers, only if that attempt's row is the one just
 * inserted (a stored attempt keeps its own id).
 */
function attemptStatements(userId: string, attempt: Attempt): { attempt: Statement; answers: Statement } {
  const id = randomUUID();
  const answers = answerRows(attempt, 2);
  return {
    attempt: { sql: INSERT_ATTEMPT, params: attemptParams(id, userId, attempt) },
    answers: { sql: `${INSERT_ANSWERS} SELECT * FROM (${answers.sql}) AS "answer" WHERE EXISTS (SELECT 1 FROM "Attempt" WHERE "id" = $1)`, params: [id, ...answers.params] },
  };
}

/**
 * PostgreSQL: both inserts in one statement (data-modifying CTEs), one round
 * trip instead of four (BEGIN, two inserts, COMMIT). The answers are joined
 * to the row the attempt's insert returned, so none are written when it was
 * stored before; the statement commits as a whole.
 */
function attemptStatement(userId: string, attempt: Attempt): Statement {
  const answers = answerRows(attempt, 8);
  return {
    sql: `WITH "attempt" AS (${INSERT_ATTEMPT} RETURNING "id"),
      "answers" AS (${INSERT_ANSWERS} SELECT "answer".* FROM "attempt" CROSS JOIN (${answers.sql}) AS "answer")
      SELECT count(*) AS "inserted" FROM "attempt"`,
    params: [...attemptParams(randomUUID(), userId, attempt), ...answers.params],
  };
}

/** Stores the attempt unless it is stored already, in one transaction. Resolves after COMMIT with whether it was new. */
export async function recordAttempt(userId: string, attempt: Attempt): Promise<{ stored: boolean }> {
  const database = prepared();
  if (database.provider === "postgresql") {
    const { sql, params } = attemptStatement(userId, attempt);
    const [row] = await database.rows(sql, params);
    return { stored: Number(row?.inserted) === 1 };
  }
  const statements = attemptStatements(userId, attempt);
  const [inserted] = await database.transaction([statements.attempt, statements.answers]);
  return { stored: inserted === 1 };
}

/** A statement as Prisma's tagged SQL, for the caller's Prisma transaction. */
function prismaSql({ sql, params }: Statement): Prisma.Sql {
  const parts = sql.split(/\$(\d+)/);
  const strings = parts.filter((_, index) => index % 2 === 0);
  const values = parts.filter((_, index) => index % 2 === 1).map((number) => params[Number(number) - 1]);
  return new Prisma.Sql(strings, values);
}

/** Stores the attempts not stored yet, in the caller's transaction. Resolves with how many were new. */
export async function recordAttemptsIn(tx: Tx, userId: string, attempts: readonly Attempt[]): Promise<number> {
  let added = 0;
  for (const attempt of attempts) {
    const statements = attemptStatements(userId, attempt);
    if ((await tx.$executeRaw(prismaSql(statements.attempt))) === 1) {
      await tx.$executeRaw(prismaSql(statements.answers));
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
