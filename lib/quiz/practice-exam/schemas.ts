/**
 * What the practice-exam endpoints accept, as zod schemas: every request is
 * checked here before it touches the database, and a bad one gets a 400 that
 * says what is wrong.
 */
import * as z from "zod";
import { examServices } from "@/lib/content/exam-points";

export const EXAM_LIMITS = { minQuestions: 5, maxQuestions: 75, minMinutes: 1, maxMinutes: 240 } as const;

export const createExamSchema = z.strictObject({
  count: z.number().int().min(EXAM_LIMITS.minQuestions, `at least ${EXAM_LIMITS.minQuestions} questions`).max(EXAM_LIMITS.maxQuestions, `at most ${EXAM_LIMITS.maxQuestions} questions`),
  minutes: z.number().int().min(EXAM_LIMITS.minMinutes, `at least ${EXAM_LIMITS.minMinutes} minute`).max(EXAM_LIMITS.maxMinutes, `at most ${EXAM_LIMITS.maxMinutes} minutes`),
  /** Only questions on these services (all when absent). */
  services: z.array(z.enum(examServices)).min(1).optional(),
});
export type CreateExamRequest = z.output<typeof createExamSchema>;

const position = z.number().int().min(0).max(15);

export const viewResponseSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("single-choice"), choice: position.nullable() }),
  z.strictObject({ type: z.literal("multiple-response"), choices: z.array(position).max(8) }),
  z.strictObject({ type: z.literal("ordering"), order: z.array(position).max(8) }),
  z.strictObject({ type: z.literal("matching"), pairs: z.array(position.nullable()).max(8) }),
]);

export const savedAnswerSchema = z.strictObject({
  response: viewResponseSchema,
  /** An ordering counts as answered once the learner has moved an item or said it is right as shown. */
  touched: z.boolean().default(true),
  confidence: z.enum(["sure", "unsure"]).default("sure"),
});
export type SavedAnswer = z.output<typeof savedAnswerSchema>;

export const saveAnswerSchema = z.strictObject({
  questionId: z.string().min(1).max(120),
  answer: savedAnswerSchema.optional(),
  flagged: z.boolean().optional(),
});
export type SaveAnswerRequest = z.output<typeof saveAnswerSchema>;

/** An exam's id: 22 base64url characters (128 random bits). Anything else is not an exam. */
export const examIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "not a practice exam id");
