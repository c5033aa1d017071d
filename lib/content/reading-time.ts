import type { SectionFacts } from "./section-facts";

/** Words per minute for technical prose read carefully, as a study text is. */
const WORDS_PER_MINUTE = 180;

/**
 * Minutes a learner needs for a section: its prose, plus time to study each
 * figure, read each code block and answer each quiz question.
 */
export function estimateMinutes(facts: SectionFacts): number {
  const minutes =
    facts.words / WORDS_PER_MINUTE + facts.figures.length * 0.5 + facts.codeBlocks.length * 0.25 + facts.quizzes.filter((quiz) => !quiz.folded).length * 0.5;
  return Math.max(1, Math.round(minutes));
}

/** Whether an author's `minutes` is believable for the section's content. */
export function isPlausibleMinutes(stated: number, estimate: number): boolean {
  return Math.abs(stated - estimate) <= Math.max(2, Math.ceil(estimate * 0.4));
}
