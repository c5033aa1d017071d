/**
 * The question bank: every question written in the course's MDX, with where
 * it stands (chapter, section, file and line) and the exam points it tests.
 * Built from the compiled course, so a question that is in the bank has
 * already passed the content checks (valid props for its type, known exam
 * points, answers in range, an id used once, a sandbox task whose check
 * fails on the fresh scenario and passes after its solution).
 */
import type { Course } from "@/lib/content/course";
import { serviceOf, type ExamService } from "@/lib/content/exam-points";
import type { QuizQuestion, SandboxTaskQuestion } from "./question-schema";

export interface BankQuestionContext {
  /** The services of its exam points (kms, secrets-manager, parameter-store, general), for reports by service. */
  services: ExamService[];
  /** The section that teaches it. */
  section: { chapter: string; slug: string; title: string; href: string };
  /** Where it is written, relative to the project root. */
  source: { file: string; line: number };
}

/** A question answered by choosing, ordering or matching: what practice exams are made of. */
export type ChoiceQuestion = QuizQuestion & BankQuestionContext;
/** A job done in the sandbox, graded by the state it leaves. */
export type SandboxTask = SandboxTaskQuestion & { type: "sandbox-task" } & BankQuestionContext;

export type BankQuestion = ChoiceQuestion | SandboxTask;
export type SingleChoiceQuestion = Extract<BankQuestion, { type: "single-choice" }>;

/** The course's questions, in reading order. */
export function questionBank(course: Course): BankQuestion[] {
  return course.chapters.flatMap((chapter) =>
    chapter.sections.flatMap((section) => {
      const context = (examPoints: readonly string[], line: number): BankQuestionContext => ({
        services: [...new Set(examPoints.map(serviceOf))],
        section: { chapter: chapter.slug, slug: section.slug, title: section.title, href: section.href },
        source: { file: section.file, line },
      });
      return [
        ...section.facts.quizzes.map(({ props, line }): BankQuestion => ({ ...props, ...context(props.examPoints, line) })),
        ...section.facts.sandboxTasks.map(({ props, line }): BankQuestion => ({ ...props, type: "sandbox-task", ...context(props.examPoints, line) })),
      ].sort((a, b) => a.source.line - b.source.line);
    }),
  );
}

export { answerKeyOf } from "./answer-key";

export function isChoiceQuestion(question: BankQuestion): question is ChoiceQuestion {
  return question.type !== "sandbox-task";
}
