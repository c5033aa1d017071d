import { describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/course";
import { questionBank } from "@/lib/quiz/bank";
import { pickQuestions, questionQuerySchema } from "@/lib/quiz/question-query";

/** Practice questions for the chapter quiz, the drill and a section's folded set. */
describe("picking practice questions", () => {
  it("gives a chapter's questions in an order its seed fixes, a different order for another seed", async () => {
    const bank = questionBank(await loadCourse());
    const query = (seed: number) => questionQuerySchema.parse({ chapter: "kms-secrets-manager-parameter-store", count: "20", seed: String(seed) });
    const first = pickQuestions(bank, query(7)).map((question) => question.id);
    expect(first).toHaveLength(20);
    expect(new Set(first).size).toBe(20);
    expect(pickQuestions(bank, query(7)).map((question) => question.id)).toEqual(first);
    expect(pickQuestions(bank, query(8)).map((question) => question.id)).not.toEqual(first);
  });

  it("gives only questions on the exam points asked for, and a set's questions by id in the order given", async () => {
    const bank = questionBank(await loadCourse());
    const onPoint = pickQuestions(bank, questionQuerySchema.parse({ points: "kms.key-deletion", count: "50", seed: "1" }));
    expect(onPoint.length).toBeGreaterThanOrEqual(5);
    for (const question of onPoint) expect(question.examPoints).toContain("kms.key-deletion");
    const ids = onPoint.slice(0, 3).map((question) => question.id).reverse();
    expect(pickQuestions(bank, questionQuerySchema.parse({ ids: [...ids, "no-such-question"].join(",") })).map((question) => question.id)).toEqual(ids);
  });

  it("refuses a query that names nothing, or malformed ids", () => {
    expect(questionQuerySchema.safeParse({ count: "5" }).success).toBe(false);
    expect(questionQuerySchema.safeParse({ ids: "Bad Id" }).success).toBe(false);
    expect(questionQuerySchema.safeParse({ points: "kms" }).success).toBe(false);
  });
});
