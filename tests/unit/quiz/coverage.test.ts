import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadCourse } from "@/lib/content/course";
import { questionBank } from "@/lib/quiz/bank";

/**
 * Every exam point is practised: at least five questions name it, and the
 * bank holds at least 200 questions of every type. The exam points are read
 * from content/exam-points.yaml itself, not from the course the bank is built from.
 */
describe("the bank covers the exam points", () => {
  it("has at least 5 questions for every exam point in content/exam-points.yaml, and at least 200 in all", async () => {
    const points = (parse(readFileSync("content/exam-points.yaml", "utf8")) as { id: string }[]).map((point) => point.id);
    const bank = questionBank(await loadCourse());
    const thin = points
      .map((point) => ({ point, questions: bank.filter((question) => question.examPoints.includes(point)).length }))
      .filter((entry) => entry.questions < 5);
    expect(thin, "exam points with fewer than 5 questions").toEqual([]);
    expect(bank.length).toBeGreaterThanOrEqual(200);
  });

  it("mixes the types the exams use, at every difficulty, and has sandbox tasks", async () => {
    const bank = questionBank(await loadCourse());
    const count = (predicate: (question: (typeof bank)[number]) => boolean) => bank.filter(predicate).length;
    expect(count((question) => question.type === "multiple-response")).toBeGreaterThanOrEqual(20);
    expect(count((question) => question.type === "ordering")).toBeGreaterThanOrEqual(3);
    expect(count((question) => question.type === "matching")).toBeGreaterThanOrEqual(3);
    expect(count((question) => question.type === "sandbox-task")).toBeGreaterThanOrEqual(2);
    for (const difficulty of ["easy", "medium", "hard"]) expect(count((question) => question.difficulty === difficulty)).toBeGreaterThan(10);
  });
});
