/**
 * The question bank: every question written in the course's MDX, with where
 * it stands (chapter, section, file and line) and the exam points it tests.
 * Built from the compiled course, so a question that is in the bank has
 * already passed the content checks (valid props, known exam points, an
 * answer in range, an id used once).
 */
import type { Course } from "@/lib/content/course";
import { serviceOf, type ExamService } from "@/lib/content/exam-points";

/** A question with exactly one right choice (today's `<Quiz>`). */
export interface SingleChoiceQuestion {
  id: string;
  type: "single-choice";
  examPoints: string[];
  /** The services of its exam points (kms, secrets-manager, ssm, general), for reports by service. */
  services: ExamService[];
  question: string;
  choices: string[];
  /** 0-based index into `choices`. */
  answer: number;
  explanation: string;
  /** The section that teaches it. */
  section: { chapter: string; slug: string; title: string; href: string };
  /** Where it is written, relative to the project root. */
  source: { file: string; line: number };
}

export type BankQuestion = SingleChoiceQuestion;

/** The course's questions, in reading order. */
export function questionBank(course: Course): BankQuestion[] {
  return course.chapters.flatMap((chapter) =>
    chapter.sections.flatMap((section) =>
      section.facts.quizzes.map(({ props, line }): BankQuestion => ({
        id: props.id,
        type: "single-choice",
        examPoints: [...props.examPoints],
        services: [...new Set(props.examPoints.map(serviceOf))],
        question: props.question,
        choices: [...props.choices],
        answer: props.answer,
        explanation: props.explanation,
        section: { chapter: chapter.slug, slug: section.slug, title: section.title, href: section.href },
        source: { file: section.file, line },
      })),
    ),
  );
}
