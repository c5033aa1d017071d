/**
 * Grading a submitted practice exam on the server, as AWS scores: each
 * question right or wrong as a whole (no partial credit on multiple
 * response, ordering or matching), an unanswered question wrong, no penalty
 * for guessing. The report breaks the score down by exam point and by
 * service and carries, for review, the right answer, every option's reason
 * and the explanation, which the page sees only now.
 */
import type { ExamService } from "@/lib/content/exam-points";
import { answerKeyOf as keyOf, type ChoiceQuestion } from "../bank";
import { grade, score, type Score } from "../grading";
import { correctViewResponse, emptyResponse, isAnswered, reasonsInView, toAuthoredResponse, viewOf, type QuestionView, type ViewResponse } from "../presentation";
import type { DrawnQuestion } from "./draw";
import type { SavedAnswer } from "./schemas";

export interface ReportItem {
  questionId: string;
  view: QuestionView;
  /** What the learner answered (null: nothing). */
  response: ViewResponse | null;
  confidence: "sure" | "unsure";
  correct: boolean;
  answered: boolean;
  correctResponse: ViewResponse;
  /** Each option's reason, in screen order (matching: each prompt's). */
  reasons: string[];
  explanation: string;
  difficulty: ChoiceQuestion["difficulty"];
  examPoints: string[];
  services: ExamService[];
  section: { title: string; href: string };
}

export interface Breakdown {
  key: string;
  correct: number;
  total: number;
}

export interface ExamReport {
  score: Score;
  byExamPoint: Breakdown[];
  byService: Breakdown[];
  items: ReportItem[];
  /** Questions drawn for the exam that the bank no longer has (content changed since): not counted. */
  withdrawn: string[];
}

function tally(entries: Iterable<[string, boolean]>): Breakdown[] {
  const counts = new Map<string, Breakdown>();
  for (const [key, correct] of entries) {
    const entry = counts.get(key) ?? { key, correct: 0, total: 0 };
    entry.total++;
    if (correct) entry.correct++;
    counts.set(key, entry);
  }
  // Weakest first: what to study next leads the report.
  return [...counts.values()].sort((a, b) => a.correct / a.total - b.correct / b.total || b.total - a.total || a.key.localeCompare(b.key));
}

export function gradeExam(questions: ReadonlyMap<string, ChoiceQuestion>, drawn: readonly DrawnQuestion[], answers: Readonly<Record<string, SavedAnswer>>): ExamReport {
  const items: ReportItem[] = [];
  const withdrawn: string[] = [];
  for (const { questionId, map } of drawn) {
    const question = questions.get(questionId);
    if (!question) {
      withdrawn.push(questionId);
      continue;
    }
    const view = viewOf(question, map);
    const saved = answers[questionId];
    const response = saved?.response ?? emptyResponse(view);
    const answered = saved !== undefined && isAnswered(response, saved.touched);
    const correct = answered && grade(keyOf(question), toAuthoredResponse(map, response)).correct;
    items.push({
      questionId,
      view,
      response: saved ? saved.response : null,
      confidence: saved?.confidence ?? "unsure",
      correct,
      answered,
      correctResponse: correctViewResponse(question, map),
      reasons: reasonsInView(question, map),
      explanation: question.explanation,
      difficulty: question.difficulty,
      examPoints: question.examPoints,
      services: question.services,
      section: { title: question.section.title, href: question.section.href },
    });
  }
  return {
    score: score(items),
    byExamPoint: tally(items.flatMap((item) => item.examPoints.map((point): [string, boolean] => [point, item.correct]))),
    byService: tally(items.flatMap((item) => item.services.map((service): [string, boolean] => [service, item.correct]))),
    items,
    withdrawn,
  };
}
