import { describe, expect, it } from "vitest";
import { estimateMinutes, isPlausibleMinutes } from "@/lib/content/reading-time";
import { emptySectionFacts } from "@/lib/content/section-facts";

describe("reading time", () => {
  it("counts prose at 180 words a minute plus time for figures, code and questions", () => {
    expect(estimateMinutes({ ...emptySectionFacts(), words: 1800 })).toBe(10);
    const facts = { ...emptySectionFacts(), words: 900 };
    facts.codeBlocks = Array.from({ length: 4 }, (_, i) => ({ lang: "bash", code: "ls", line: i, column: 1 }));
    facts.figures = [{ caption: "a", line: 1, column: 1 }, { caption: "b", line: 2, column: 1 }];
    facts.quizzes = Array.from({ length: 2 }, (_, i) => ({ line: i, column: 1, folded: false, props: { id: `q${i}`, type: "single-choice" as const, difficulty: "easy" as const, examPoints: ["x"], question: "q", choices: [{ text: "a", why: "w" }, { text: "b", why: "w" }, { text: "c", why: "w" }], answer: 0, explanation: "e" } }));
    // Questions folded into a <QuestionSet> are practice, not reading: they add no time.
    facts.quizzes.push({ ...facts.quizzes[0]!, folded: true });
    expect(estimateMinutes(facts)).toBe(5 + 1 + 1 + 1);
  });

  it("never estimates less than a minute", () => {
    expect(estimateMinutes(emptySectionFacts())).toBe(1);
  });

  it("accepts a stated time within 40% (at least two minutes) of the estimate", () => {
    expect(isPlausibleMinutes(12, 10)).toBe(true);
    expect(isPlausibleMinutes(14, 10)).toBe(true);
    expect(isPlausibleMinutes(15, 10)).toBe(false);
    expect(isPlausibleMinutes(3, 1)).toBe(true);
    expect(isPlausibleMinutes(4, 1)).toBe(false);
  });
});
