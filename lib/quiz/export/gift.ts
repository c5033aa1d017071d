/**
 * The question bank in Moodle's GIFT format, for instructors who run their
 * quizzes in an LMS. The layout follows what Moodle's own GIFT exporter
 * writes for a multiple-choice question with one right answer: a
 * `$CATEGORY:` line per section, a `::name::` (the stable id), the question,
 * `=right` and `~wrong` choices one per line, the explanation as general
 * feedback (`####`), and a blank line between questions.
 */
import type { BankQuestion } from "../bank";

/** The characters GIFT reserves, escaped with a backslash; a line break becomes `\n`, as Moodle writes it. */
export function giftText(text: string): string {
  return text.replace(/[\\#=~{}:\r\n]/g, (character) => (character === "\n" ? "\\n" : character === "\r" ? "" : `\\${character}`));
}

/** A category path segment: GIFT separates categories with `/`, so one inside a name is doubled. */
function categorySegment(text: string): string {
  return text.replace(/\//g, "//");
}

export function toGift(questions: readonly BankQuestion[], options: { categoryRoot?: string } = {}): string {
  const root = options.categoryRoot ?? "Keystone";
  const lines: string[] = [];
  let category: string | undefined;
  for (const question of questions) {
    const here = `$course$/${categorySegment(root)}/${categorySegment(question.section.chapter)}/${categorySegment(question.section.title)}`;
    if (here !== category) {
      lines.push(`$CATEGORY: ${here}`, "");
      category = here;
    }
    lines.push(`// ${question.id}: exam points ${question.examPoints.join(", ")}; taught in ${question.section.href}`);
    lines.push(`::${giftText(question.id)}::${giftText(question.question)}{`);
    question.choices.forEach((choice, index) => lines.push(`\t${index === question.answer ? "=" : "~"}${giftText(choice)}`));
    lines.push(`\t####${giftText(question.explanation)}`, "}", "");
  }
  return lines.join("\n");
}
