import { describe, expect, it } from "vitest";
import { QuizProps } from "@/lib/quiz/question-schema";

/** What an author may write as a <Quiz>: a broken question is refused with the prop that is wrong. */
const choice = (text: string) => ({ text, why: `why ${text}` });
const base = { id: "q-one", examPoints: ["kms.key-types"], difficulty: "medium", explanation: "Because." };

function problems(props: Record<string, unknown>): string[] {
  const parsed = QuizProps.safeParse({ ...base, ...props });
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("question authoring", () => {
  it("takes single choice as the default type, with one answer in range and a reason per choice", () => {
    expect(problems({ question: "Q?", choices: ["a", "b", "c"].map(choice), answer: 2 })).toEqual([]);
    expect(problems({ question: "Q?", choices: ["a", "b", "c"].map(choice), answer: 3 })).toEqual(["answer: answer 3 is out of range: there are 3 choices (0-based)"]);
    expect(problems({ question: "Q?", choices: [{ text: "a" }, choice("b"), choice("c")], answer: 0 })).toEqual([expect.stringMatching(/^choices\.0\.why: /)]);
    expect(problems({ question: "Q?", choices: ["a", "b", "c"].map(choice), answer: [0, 1] })).toEqual([expect.stringMatching(/^answer: /)]);
  });

  it("needs multiple response to have several right answers, at least one wrong, and a (Choose N.) that agrees", () => {
    const four = ["a", "b", "c", "d"].map(choice);
    expect(problems({ type: "multiple-response", question: "Which? (Choose two.)", choices: four, answers: [0, 2] })).toEqual([]);
    expect(problems({ type: "multiple-response", question: "Which? (Choose two.)", choices: four, answers: [0, 1, 2] })).toEqual([
      'question: a multiple-response question ends with "(Choose three.)" to match its 3 answers',
    ]);
    expect(problems({ type: "multiple-response", question: "Which? (Choose one.)", choices: four, answers: [1] })).toContain("answers: Too small: expected array to have >=2 items");
    expect(problems({ type: "multiple-response", question: "Which? (Choose four.)", choices: four, answers: [0, 1, 2, 3] })).toContain("answers: at least one choice must be wrong");
    expect(problems({ type: "multiple-response", question: "Which? (Choose two.)", choices: four, answers: [1, 1] })).toContain("answers: answers must be distinct");
  });

  it("writes ordering items in their right order and matching prompts with an answer into the options", () => {
    expect(problems({ type: "ordering", question: "Order?", items: ["create", "set", "test", "finish"].map(choice) })).toEqual([]);
    expect(problems({ type: "ordering", question: "Order?", items: ["a", "a", "b"].map(choice) })).toEqual(["items: items must be distinct"]);
    const prompts = [{ text: "keys", answer: 0, why: "w" }, { text: "passwords", answer: 1, why: "w" }, { text: "config", answer: 5, why: "w" }];
    expect(problems({ type: "matching", question: "Match", options: ["KMS", "Secrets Manager", "Parameter Store"], prompts })).toEqual([
      "prompts.2.answer: answer 5 is out of range: there are 3 options (0-based)",
    ]);
  });

  it("refuses an unknown type, a missing difficulty and props that belong to another type", () => {
    expect(problems({ type: "essay", question: "Q?" })[0]).toMatch(/^type: /);
    expect(problems({ difficulty: undefined, question: "Q?", choices: ["a", "b", "c"].map(choice), answer: 0 })[0]).toMatch(/^difficulty: /);
    expect(problems({ type: "ordering", question: "Order?", items: ["a", "b", "c"].map(choice), answer: 0 })).toEqual([expect.stringMatching(/Unrecognized key: "answer"/)]);
  });
});
