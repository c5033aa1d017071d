import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grade, ResponseMismatchError, score } from "@/lib/quiz/grading";

/**
 * Grading as AWS's exam guides describe it: a question earns its credit only
 * when the whole response is right (all the correct responses of a multiple
 * response question and none other, the items in the right order, all the
 * pairs), a wrong answer costs nothing more than the credit, and an
 * unanswered question is wrong.
 */
describe("grading one question", () => {
  it("single choice: the one right choice", () => {
    const key = { type: "single-choice", answer: 2 } as const;
    expect(grade(key, { type: "single-choice", choice: 2 })).toEqual({ correct: true, answered: true });
    expect(grade(key, { type: "single-choice", choice: 0 })).toEqual({ correct: false, answered: true });
    expect(grade(key, { type: "single-choice", choice: undefined })).toEqual({ correct: false, answered: false });
  });

  it("multiple response: exactly the right set, in any order, with no partial credit", () => {
    const key = { type: "multiple-response", answers: [1, 3] } as const;
    expect(grade(key, { type: "multiple-response", choices: [3, 1] }).correct).toBe(true);
    expect(grade(key, { type: "multiple-response", choices: [1] }).correct).toBe(false);
    expect(grade(key, { type: "multiple-response", choices: [1, 3, 4] }).correct).toBe(false);
    expect(grade(key, { type: "multiple-response", choices: [] })).toEqual({ correct: false, answered: false });
  });

  it("multiple response: any other set of choices earns nothing (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 3 }), fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 6 }), (answers, choices) => {
        const same = answers.length === choices.length && answers.every((answer) => choices.includes(answer));
        expect(grade({ type: "multiple-response", answers }, { type: "multiple-response", choices }).correct).toBe(same);
      }),
    );
  });

  it("ordering: every item in its place (items are authored in the right order)", () => {
    const key = { type: "ordering", items: 4 } as const;
    expect(grade(key, { type: "ordering", order: [0, 1, 2, 3] }).correct).toBe(true);
    expect(grade(key, { type: "ordering", order: [0, 2, 1, 3] }).correct).toBe(false);
    expect(grade(key, { type: "ordering", order: [0, 1, 2] }).correct).toBe(false);
    expect(grade(key, { type: "ordering", order: [] })).toEqual({ correct: false, answered: false });
  });

  it("matching: all the pairs, or nothing", () => {
    const key = { type: "matching", answers: [2, 0, 1] } as const;
    expect(grade(key, { type: "matching", pairs: new Map([[0, 2], [1, 0], [2, 1]]) }).correct).toBe(true);
    expect(grade(key, { type: "matching", pairs: new Map([[0, 2], [1, 0]]) }).correct).toBe(false);
    expect(grade(key, { type: "matching", pairs: new Map([[0, 2], [1, 1], [2, 1]]) }).correct).toBe(false);
    expect(grade(key, { type: "matching", pairs: new Map() })).toEqual({ correct: false, answered: false });
  });

  it("refuses a response of another type rather than grading it", () => {
    expect(() => grade({ type: "single-choice", answer: 0 }, { type: "ordering", order: [0] })).toThrow(ResponseMismatchError);
  });
});

describe("scoring an attempt", () => {
  it("counts each question once; unanswered questions are wrong", () => {
    expect(score([{ correct: true, answered: true }, { correct: false, answered: true }, { correct: false, answered: false }, { correct: true, answered: true }])).toEqual({ correct: 2, answered: 3, total: 4, fraction: 0.5 });
    expect(score([])).toEqual({ correct: 0, answered: 0, total: 0, fraction: 0 });
  });
});
