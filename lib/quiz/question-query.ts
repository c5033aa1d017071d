/**
 * Picking practice questions (not exam questions: these come with their
 * answers, for instant feedback): a chapter's, or those on given exam
 * points, drawn in a random order that a seed fixes, so a reloaded quiz
 * shows the same questions in the same order.
 */
import * as z from "zod";
import { isChoiceQuestion, type BankQuestion } from "./bank";
import { permutation, seededRandom } from "./presentation";
import type { QuizQuestion } from "./question-schema";

export const questionQuerySchema = z
  .strictObject({
    chapter: z.string().regex(/^[a-z0-9-]+$/).optional(),
    points: z
      .string()
      .transform((value) => value.split(",").filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z-]+\.[a-z0-9-]+$/, "exam point ids look like kms.key-types")).min(1).max(60))
      .optional(),
    count: z.coerce.number().int().min(1).max(100).default(20),
    seed: z.coerce.number().int().min(0).max(2 ** 31 - 1),
  })
  .refine((value) => value.chapter !== undefined || value.points !== undefined, { message: "name a chapter or exam points" });
export type QuestionQuery = z.output<typeof questionQuerySchema>;

/** A practice question as the page gets it: the authored question and where it is taught. */
export type PracticeItem = QuizQuestion & { section: { title: string; href: string } };

export function pickQuestions(bank: readonly BankQuestion[], query: QuestionQuery): PracticeItem[] {
  const pool = bank
    .filter(isChoiceQuestion)
    .filter((question) => (query.chapter === undefined || question.section.chapter === query.chapter) && (query.points === undefined || question.examPoints.some((point) => query.points!.includes(point))));
  return permutation(pool.length, seededRandom(query.seed))
    .slice(0, query.count)
    .map((index) => {
      const { services: _services, source: _source, section, ...question } = pool[index]!;
      return { ...question, section: { title: section.title, href: section.href } } as PracticeItem;
    });
}
