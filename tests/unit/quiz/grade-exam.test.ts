import { describe, expect, it } from "vitest";
import type { ChoiceQuestion } from "@/lib/quiz/bank";
import { drawExam } from "@/lib/quiz/practice-exam/draw";
import { gradeExam } from "@/lib/quiz/practice-exam/grade-exam";
import type { SavedAnswer } from "@/lib/quiz/practice-exam/schemas";
import type { QuestionView, ViewResponse } from "@/lib/quiz/presentation";
import { seededRandom } from "@/lib/quiz/presentation";

/**
 * A practice exam as the server grades it. The page sees shuffled options
 * and answers by position; the expectations here pick answers by their text
 * (what a learner reads), so they do not depend on how the shuffle went.
 */
const context = { services: ["kms" as const], section: { chapter: "c", slug: "s", title: "Keys", href: "/chapters/c/s" }, source: { file: "f.mdx", line: 1 } };
const choice = (text: string) => ({ text, why: `why ${text}` });
const single: ChoiceQuestion = { ...context, id: "single", type: "single-choice", examPoints: ["kms.key-types"], difficulty: "easy", question: "Which?", choices: ["right", "w1", "w2", "w3"].map(choice), answer: 0, explanation: "E1" };
const multiple: ChoiceQuestion = { ...context, id: "multi", type: "multiple-response", examPoints: ["kms.key-types", "kms.envelope-encryption"], difficulty: "medium", question: "Which two? (Choose two.)", choices: ["r1", "w1", "r2", "w2", "w3"].map(choice), answers: [0, 2], explanation: "E2" };
const ordering: ChoiceQuestion = { ...context, id: "order", type: "ordering", examPoints: ["secrets-manager.rotation-steps"], services: ["secrets-manager"], difficulty: "hard", question: "Order?", items: ["createSecret", "setSecret", "testSecret", "finishSecret"].map(choice), explanation: "E3" };
const matching: ChoiceQuestion = { ...context, id: "match", type: "matching", examPoints: ["general.service-selection"], services: ["general"], difficulty: "medium", question: "Match", options: ["KMS", "Secrets Manager", "Parameter Store"], prompts: [{ text: "keys", answer: 0, why: "k" }, { text: "rotating passwords", answer: 1, why: "p" }, { text: "feature flags", answer: 2, why: "f" }], explanation: "E4" };
const all = [single, multiple, ordering, matching];
const byId = new Map(all.map((question) => [question.id, question]));

function at(view: QuestionView, text: string): number {
  const position = view.options.indexOf(text);
  if (position < 0) throw new Error(`"${text}" is not shown`);
  return position;
}

function answersFor(views: QuestionView[], pick: (view: QuestionView) => ViewResponse | undefined): Record<string, SavedAnswer> {
  return Object.fromEntries(views.flatMap((view) => {
    const response = pick(view);
    return response ? [[view.id, { response, touched: true, confidence: "sure" as const }]] : [];
  }));
}

describe("grading a practice exam", () => {
  const { drawn, views } = drawExam(all, 4, seededRandom(7));

  it("never shows an ordering in its right order, and keeps the key off the views", () => {
    const order = views.find((view) => view.id === "order")!;
    expect(order.options).not.toEqual(["createSecret", "setSecret", "testSecret", "finishSecret"]);
    expect(JSON.stringify(views)).not.toMatch(/"answer|"why|E1|E2/);
  });

  it("gives full marks for the right answers, however the options were shuffled", () => {
    const answers = answersFor(views, (view) => {
      if (view.type === "single-choice") return { type: "single-choice", choice: at(view, "right") };
      if (view.type === "multiple-response") return { type: "multiple-response", choices: [at(view, "r1"), at(view, "r2")] };
      if (view.type === "ordering") return { type: "ordering", order: ["createSecret", "setSecret", "testSecret", "finishSecret"].map((text) => at(view, text)) };
      return { type: "matching", pairs: [0, 1, 2] };
    });
    const report = gradeExam(byId, drawn, answers);
    expect(report.score).toEqual({ correct: 4, answered: 4, total: 4, fraction: 1 });
  });

  it("gives no part marks: one of two right answers, two steps swapped or one pair wrong score nothing; unanswered is wrong", () => {
    const answers = answersFor(views, (view) => {
      if (view.type === "multiple-response") return { type: "multiple-response", choices: [at(view, "r1")] };
      if (view.type === "ordering") return { type: "ordering", order: ["setSecret", "createSecret", "testSecret", "finishSecret"].map((text) => at(view, text)) };
      if (view.type === "matching") return { type: "matching", pairs: [0, 1, 1] };
      return undefined;
    });
    const report = gradeExam(byId, drawn, answers);
    expect(report.score).toEqual({ correct: 0, answered: 3, total: 4, fraction: 0 });
    expect(report.items.find((item) => item.questionId === "single")).toMatchObject({ answered: false, correct: false });
  });

  it("reports by exam point and by service, weakest first, with the key and every reason for review", () => {
    const answers = answersFor(views, (view) => (view.type === "single-choice" ? { type: "single-choice", choice: at(view, "right") } : undefined));
    const report = gradeExam(byId, drawn, answers);
    expect(report.byService).toEqual([
      { key: "general", correct: 0, total: 1 },
      { key: "secrets-manager", correct: 0, total: 1 },
      { key: "kms", correct: 1, total: 2 },
    ]);
    expect(report.byExamPoint.at(-1)).toEqual({ key: "kms.key-types", correct: 1, total: 2 });
    const order = report.items.find((item) => item.questionId === "order")!;
    expect(order.correctResponse).toEqual({ type: "ordering", order: ["createSecret", "setSecret", "testSecret", "finishSecret"].map((text) => at(order.view, text)) });
    expect(order.reasons.map((reason, position) => [order.view.options[position], reason])).toEqual(order.view.options.map((text) => [text, `why ${text}`]));
  });

  it("leaves out a question the bank no longer has", () => {
    const report = gradeExam(new Map([["single", single]]), drawn, {});
    expect(report.withdrawn.sort()).toEqual(["match", "multi", "order"]);
    expect(report.score.total).toBe(1);
  });
});
