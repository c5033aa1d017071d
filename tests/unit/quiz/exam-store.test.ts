import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/course";
import { isChoiceQuestion, questionBank } from "@/lib/quiz/bank";
import { useMigratedDatabase } from "../migrated-database";

/**
 * Practice exams on a real SQLite database migrated with the project's own
 * migrations: the draw stays on the server, answers are saved as given, time
 * is enforced by the server's clock, and an exam left open past its deadline
 * submits itself with what was saved.
 */
let removeDatabase: () => void = () => undefined;
beforeAll(() => {
  removeDatabase = useMigratedDatabase("exams-").remove;
});
afterAll(() => removeDatabase());

const store = () => import("@/lib/quiz/practice-exam/exam-store");

describe("practice exams on the server", () => {
  it("draws the asked number of distinct questions and gives the page no key", async () => {
    const { createExam, isProblem } = await store();
    const exam = await createExam({ count: 10, minutes: 20 }, new Date("2026-12-04T10:00:00Z"));
    if (isProblem(exam)) throw new Error(exam.message);
    expect(exam.questions).toHaveLength(10);
    expect(new Set(exam.questions.map((question) => question.id)).size).toBe(10);
    expect(exam.deadline).toBe("2026-12-04T10:20:00.000Z");
    const bank = new Map(questionBank(await loadCourse()).filter(isChoiceQuestion).map((question) => [question.id, question]));
    const text = JSON.stringify(exam);
    for (const view of exam.questions) expect(text).not.toContain(bank.get(view.id)!.explanation);
    expect(JSON.stringify(exam.questions)).not.toMatch(/"(answer|answers|why|explanation)"/);
  });

  it("refuses more questions than the chosen services have", async () => {
    const { createExam } = await store();
    // The service with the fewest questions, asked for one more than it has (the bank grows, so no fixed figure).
    const bank = questionBank(await loadCourse()).filter(isChoiceQuestion);
    const [service, size] = (["general", "kms", "secrets-manager", "parameter-store"] as const)
      .map((candidate) => [candidate, bank.filter((question) => question.services.includes(candidate)).length] as const)
      .sort((a, b) => a[1] - b[1])[0]!;
    expect(size, "some service must have fewer questions than the longest exam").toBeLessThan(75);
    expect(await createExam({ count: size + 1, minutes: 20, services: [service] })).toMatchObject({ status: 422, message: `There are ${size} questions for that choice of services; ask for at most ${size}.` });
  });

  it("keeps answers and flags, refuses them after the deadline's grace, and submits by itself when read after it", async () => {
    const { createExam, saveAnswer, readExam, isProblem, GRACE_MS } = await store();
    const start = new Date("2026-12-04T10:00:00Z");
    const exam = await createExam({ count: 5, minutes: 1 }, start);
    if (isProblem(exam)) throw new Error(exam.message);
    const first = exam.questions[0]!;
    const answer = { response: first.type === "single-choice" ? { type: "single-choice" as const, choice: 0 } : { type: "multiple-response" as const, choices: [0] }, touched: true, confidence: "unsure" as const };
    const during = new Date(start.getTime() + 30_000);
    if (first.type === "single-choice" || first.type === "multiple-response") expect(await saveAnswer(exam.id, null, { questionId: first.id, answer }, during)).toEqual({ ok: true });
    expect(await saveAnswer(exam.id, null, { questionId: first.id, flagged: true }, during)).toEqual({ ok: true });
    expect(await saveAnswer(exam.id, null, { questionId: "somewhere-else", flagged: true }, during)).toMatchObject({ status: 422 });

    const late = new Date(start.getTime() + 60_000 + GRACE_MS + 1);
    expect(await saveAnswer(exam.id, null, { questionId: first.id, flagged: false }, late)).toMatchObject({ status: 409, message: expect.stringContaining("Time is up") });
    const read = await readExam(exam.id, null, late);
    if (isProblem(read)) throw new Error(read.message);
    expect(read.submitted).toBe(true);
    expect(read.flagged).toEqual([first.id]);
    expect(read.report!.score.total).toBe(5);
    expect(read.report!.items[0]!.answered).toBe(first.type === "single-choice" || first.type === "multiple-response");
    if (first.type === "single-choice" || first.type === "multiple-response") expect(read.report!.items[0]!.confidence).toBe("unsure");
  });

  it("grades once: a second submission answers with the same report", async () => {
    const { createExam, submitExam, isProblem } = await store();
    const exam = await createExam({ count: 5, minutes: 10 });
    if (isProblem(exam)) throw new Error(exam.message);
    const once = await submitExam(exam.id, null);
    const twice = await submitExam(exam.id, null);
    if (isProblem(once) || isProblem(twice)) throw new Error("not found");
    expect(twice.report).toEqual(once.report);
    expect(await submitExam("AAAAAAAAAAAAAAAAAAAAAA", null)).toMatchObject({ status: 404 });
  });
});
