/**
 * The question bank in Moodle's GIFT format, for instructors who run their
 * quizzes in an LMS. The layout follows Moodle's own GIFT exporter: a
 * `$CATEGORY:` line per section, a `::name::` (the stable id), the question,
 * one answer per line with its reason as per-answer feedback (`#`), the
 * explanation as general feedback (`####`), and a blank line between
 * questions.
 *
 * - single choice: `=right` and `~wrong`;
 * - multiple response: `~%W%right` with the right answers' weights summing to
 *   100 and `~%-100%wrong`, so any wrong choice scores nothing (GIFT cannot
 *   say "all or nothing": choosing only some of the right answers earns part
 *   of the credit in Moodle, where the exam would give none);
 * - matching: `=prompt -> option`, plus `= -> option` for an option no
 *   prompt takes (a distractor);
 * - ordering, which GIFT lacks: a matching question from each step to its
 *   position ("1st" ... "6th").
 *
 * Sandbox tasks need the sandbox and are left out, each with a comment line.
 */
import type { BankQuestion, ChoiceQuestion } from "../bank";

/** The characters GIFT reserves, escaped with a backslash; a line break becomes `\n`, as Moodle writes it. */
export function giftText(text: string): string {
  return text.replace(/[\\#=~{}:\r\n]/g, (character) => (character === "\n" ? "\\n" : character === "\r" ? "" : `\\${character}`));
}

/** In a matching pair `->` separates the sides and GIFT has no escape for it, so a `->` inside a text is written as an arrow (→). */
function matchText(text: string): string {
  return giftText(text.replace(/->/g, "→"));
}

/** A category path segment: GIFT separates categories with `/`, so one inside a name is doubled. */
function categorySegment(text: string): string {
  return text.replace(/\//g, "//");
}

/** Moodle's weights are percentages with up to five decimals. */
function weight(share: number): string {
  return String(Math.round(share * 100 * 100000) / 100000);
}

const POSITIONS = ["1st", "2nd", "3rd", "4th", "5th", "6th"];

function answerLines(question: ChoiceQuestion): string[] {
  switch (question.type) {
    case "single-choice":
      return question.choices.map((choice, index) => `\t${index === question.answer ? "=" : "~"}${giftText(choice.text)}#${giftText(choice.why)}`);
    case "multiple-response": {
      const right = new Set(question.answers);
      return question.choices.map(
        (choice, index) => `\t~%${right.has(index) ? weight(1 / right.size) : "-100"}%${giftText(choice.text)}#${giftText(choice.why)}`,
      );
    }
    case "ordering":
      return question.items.map((item, index) => `\t=${matchText(item.text)} -> ${POSITIONS[index]}`);
    case "matching": {
      const used = new Set(question.prompts.map((prompt) => prompt.answer));
      return [
        ...question.prompts.map((prompt) => `\t=${matchText(prompt.text)} -> ${matchText(question.options[prompt.answer]!)}`),
        ...question.options.filter((_, index) => !used.has(index)).map((option) => `\t= -> ${matchText(option)}`),
      ];
    }
  }
}

/** The general feedback: the explanation, then (for ordering and matching, which have no per-answer feedback) each part's reason. */
function generalFeedback(question: ChoiceQuestion): string {
  const parts =
    question.type === "ordering"
      ? question.items.map((item, index) => `${POSITIONS[index]}: ${item.why}`)
      : question.type === "matching"
        ? question.prompts.map((prompt) => `${prompt.text}: ${prompt.why}`)
        : [];
  return [question.explanation, ...parts].join("\n");
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
    if (question.type === "sandbox-task") {
      lines.push(`// ${question.id}: a sandbox task, not exported (it is graded by the sandbox's state); try it at ${question.section.href}`, "");
      continue;
    }
    const stem = question.type === "ordering" ? `${question.question} (Match each step to its position.)` : question.question;
    lines.push(`// ${question.id}: ${question.type}, ${question.difficulty}; exam points ${question.examPoints.join(", ")}; taught in ${question.section.href}`);
    lines.push(`::${giftText(question.id)}::${giftText(stem)}{`);
    lines.push(...answerLines(question));
    lines.push(`\t####${giftText(generalFeedback(question))}`, "}", "");
  }
  return lines.join("\n");
}
