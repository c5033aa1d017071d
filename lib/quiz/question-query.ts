/**
 * Picking practice questions (not exam questions: these come with their
 * answers, for instant feedback): a chapter's, or those on given exam
 * points, drawn in a random order that a seed fixes, so a reloaded quiz
 * shows the same questions in the same order.
 */
import * as z from "zod";
import { isChoiceQuestion, type BankQuestion, type ChoiceQuestion } from "./bank";
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
    /** These questions, in this order (a section's folded set); count and seed do not apply. */
    ids: z
      .string()
      .transform((value) => value.split(",").filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "question ids are kebab-case")).min(1).max(100))
      .optional(),
    count: z.coerce.number().int().min(1).max(100).default(20),
    seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
  })
  .refine((value) => value.chapter !== undefined || value.points !== undefined || value.ids !== undefined, { message: "name a chapter, exam points or question ids" });
export type QuestionQuery = z.output<typeof questionQuerySchema>;

/** A practice question as the page gets it: the authored question and where it is taught. */
export type PracticeItem = QuizQuestion & { section: { title: string; href: string } };

function practiceItem(question: ChoiceQuestion): PracticeItem {
  const { services: _services, source: _source, section, ...authored } = question;
  return { ...authored, section: { title: section.title, href: section.href } } as PracticeItem;
}

export function pickQuestions(bank: readonly BankQuestion[], query: QuestionQuery): PracticeItem[] {
  if (query.ids) {
    const byId = new Map(bank.filter(isChoiceQuestion).map((question) => [question.id, question]));
    return query.ids.flatMap((id) => {
      const question = byId.get(id);
      return question ? [practiceItem(question)] : [];
    });
  }
  const pool = bank
    .filter(isChoiceQuestion)
    .filter((question) => (query.chapter === undefined || question.section.chapter === query.chapter) && (query.points === undefined || question.examPoints.some((point) => query.points!.includes(point))));
  return permutation(pool.length, seededRandom(query.seed))
    .slice(0, query.count)
    .map((index) => practiceItem(pool[index]!));
}
