/**
 * The item analysis of a class (item-analysis.ts), read on request rather
 * than with every refresh of the live dashboard: it needs each student's
 * first answer to each question (one window query over all their answers),
 * which for a big class is tens of thousands of rows.
 */
import { loadCourse } from "@/lib/content/course";
import { db, prepared } from "@/lib/db/client";
import { rawBoolean } from "@/lib/db/raw-values";
import { questionBank } from "@/lib/quiz/bank";
import { itemAnalysis, type ItemStatistics } from "./item-analysis";

const FIRST_ANSWERS = `SELECT "userId", "questionId", "correct" FROM (
    SELECT a."userId" AS "userId", aa."questionId" AS "questionId", aa."correct" AS "correct",
      ROW_NUMBER() OVER (PARTITION BY a."userId", aa."questionId" ORDER BY a."at", a."id", aa."position") AS "n"
    FROM "ClassMember" m JOIN "Attempt" a ON a."userId" = m."userId" JOIN "AttemptAnswer" aa ON aa."attemptId" = a."id"
    WHERE m."classId" = $1 AND aa."answered") AS "ranked"
  WHERE "n" = 1`;

let questionTexts: Promise<Map<string, string>> | undefined;

function texts(): Promise<Map<string, string>> {
  questionTexts ??= loadCourse().then((course) => new Map(questionBank(course).map((question) => [question.id, "question" in question ? question.question : question.task])));
  return questionTexts;
}

export type ClassItem = ItemStatistics & { text: string };

/** The class's item analysis, hardest question first, or undefined when the class is not this instructor's. */
export async function classItems(classId: string, instructorId: string): Promise<ClassItem[] | undefined> {
  if ((await db().class.count({ where: { id: classId, instructorId } })) === 0) return undefined;
  const [rows, questions] = await Promise.all([prepared().rows(FIRST_ANSWERS, [classId]), texts()]);
  const answers = rows.map((row) => ({ userId: String(row.userId), questionId: String(row.questionId), correct: rawBoolean(row.correct) }));
  return itemAnalysis(answers).map((item) => ({ ...item, text: questions.get(item.questionId) ?? item.questionId }));
}
