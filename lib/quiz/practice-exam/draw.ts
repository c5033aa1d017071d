/**
 * Drawing a practice exam: a random subset of the bank's choice questions
 * (sandbox tasks are not exam questions, as in the real exams), each with its
 * choices shuffled. The draw (which questions, in which order, and how each
 * was shuffled) is what the server keeps; the page gets only the views.
 */
import type { ExamService } from "@/lib/content/exam-points";
import { isChoiceQuestion, type BankQuestion, type ChoiceQuestion } from "../bank";
import { permutation, present, type PresentationMap, type QuestionView } from "../presentation";

export interface DrawnQuestion {
  questionId: string;
  map: PresentationMap;
}

export class NotEnoughQuestionsError extends Error {}

/** The questions an exam may draw from. */
export function examPool(bank: readonly BankQuestion[], services?: readonly ExamService[]): ChoiceQuestion[] {
  return bank.filter(isChoiceQuestion).filter((question) => !services || question.services.some((service) => services.includes(service)));
}

export function drawExam(pool: readonly ChoiceQuestion[], count: number, random: () => number): { drawn: DrawnQuestion[]; views: QuestionView[] } {
  if (count > pool.length) throw new NotEnoughQuestionsError(`asked for ${count} questions; the bank has ${pool.length} that fit`);
  const chosen = permutation(pool.length, random).slice(0, count).map((index) => pool[index]!);
  const presented = chosen.map((question) => present(question, random, { shuffleChoices: true }));
  return {
    drawn: chosen.map((question, index) => ({ questionId: question.id, map: presented[index]!.map })),
    views: presented.map((presentation) => presentation.view),
  };
}
