/**
 * The key a question is graded against, from the question as authored. Kept
 * apart from the bank (which needs the course and zod) so that a chapter page
 * can grade its questions without loading either.
 */
import type { AnswerKey } from "./grading";
import type { QuizQuestion } from "./question-schema";

export function answerKeyOf(question: QuizQuestion): AnswerKey {
  switch (question.type) {
    case "single-choice":
      return { type: "single-choice", answer: question.answer };
    case "multiple-response":
      return { type: "multiple-response", answers: question.answers };
    case "ordering":
      return { type: "ordering", items: question.items.length };
    case "matching":
      return { type: "matching", answers: question.prompts.map((prompt) => prompt.answer) };
  }
}
