import type { Chapter, Course, Section } from "./course";
import type { ExamPoint } from "./exam-points";

export function findChapter(course: Course, slug: string): Chapter | undefined {
  return course.chapters.find((chapter) => chapter.slug === slug);
}

export interface SectionInChapter {
  chapter: Chapter;
  section: Section;
  /** 1-based position in the chapter. */
  position: number;
  previous: Section | undefined;
  next: Section | undefined;
}

export function findSection(course: Course, chapterSlug: string, sectionSlug: string): SectionInChapter | undefined {
  const chapter = findChapter(course, chapterSlug);
  if (!chapter) return undefined;
  const index = chapter.sections.findIndex((section) => section.slug === sectionSlug);
  const section = chapter.sections[index];
  if (!section) return undefined;
  return { chapter, section, position: index + 1, previous: chapter.sections[index - 1], next: chapter.sections[index + 1] };
}

export interface ExamPointUsage {
  point: ExamPoint;
  /** Sections that teach the point, in reading order. */
  taughtIn: Section[];
  /** Number of quiz questions that check it. */
  questions: number;
}

export function examPointUsage(course: Course): ExamPointUsage[] {
  const sections = course.chapters.flatMap((chapter) => chapter.sections);
  return course.examPoints.map((point) => ({
    point,
    taughtIn: sections.filter((section) => section.examPoints.includes(point.id)),
    questions: sections.reduce(
      (count, section) => count + [...section.facts.quizzes, ...section.facts.sandboxTasks].filter((question) => question.props.examPoints.includes(point.id)).length,
      0,
    ),
  }));
}

export function chapterStats(chapter: Chapter) {
  return {
    sections: chapter.sections.length,
    minutes: chapter.minutes,
    examPoints: new Set(chapter.sections.flatMap((section) => section.examPoints)).size,
    questions: chapter.sections.reduce((count, section) => count + section.facts.quizzes.length + section.facts.sandboxTasks.length, 0),
    figures: chapter.sections.reduce((count, section) => count + section.facts.figures.length, 0),
  };
}
