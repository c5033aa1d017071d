/**
 * An attempt: one sitting of questions in one mode, with each answer, whether
 * it was right and how sure the learner said they were. Every mode writes
 * attempts; the memory of each exam point (FSRS) is updated from their answers.
 */
import * as z from "zod";
import { attemptModes } from "./modes";

export { attemptModes, modeNames, type AttemptMode } from "./modes";

export const attemptItemSchema = z.strictObject({
  questionId: z.string().min(1),
  examPoints: z.array(z.string().min(1)).min(1),
  correct: z.boolean(),
  answered: z.boolean(),
  confidence: z.enum(["sure", "unsure"]),
});
export type AttemptItem = z.output<typeof attemptItemSchema>;

export const attemptSchema = z.strictObject({
  /** Unique per attempt; the same id written twice is one attempt (a retry of a save never double counts). */
  id: z.string().min(8),
  mode: z.enum(attemptModes),
  /** ISO time the attempt was finished. */
  at: z.iso.datetime(),
  /** Where it was taken: a section or chapter href, or the practice exam's id. */
  context: z.string(),
  items: z.array(attemptItemSchema).min(1),
});
export type Attempt = z.output<typeof attemptSchema>;
