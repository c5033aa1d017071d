import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { dueAt, dueToday, ratingsFor, readiness, recallAt, recordAnswer } from "@/lib/quiz/memory";

/**
 * The memory of exam points under FSRS. Expected states come from ts-fsrs
 * itself (the scheduler the module is meant to drive) and from what FSRS
 * promises: at the due date it sets, recall is the requested 90%.
 */
const reference = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false, enable_short_term: false }));
const DAY = 86_400_000;
const T0 = new Date("2026-03-01T09:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

function practised(ratings: Rating[], when = T0): Card {
  let card: Card = createEmptyCard(when);
  for (const rating of ratings) card = reference.next(card, when, rating as Exclude<Rating, Rating.Manual>).card;
  return card;
}

describe("answers as FSRS ratings", () => {
  it("a sure right answer is Good, a right guess Hard, a wrong answer Again, and a sure wrong answer Again twice", () => {
    expect(ratingsFor(true, "sure")).toEqual([Rating.Good]);
    expect(ratingsFor(true, "unsure")).toEqual([Rating.Hard]);
    expect(ratingsFor(false, "unsure")).toEqual([Rating.Again]);
    expect(ratingsFor(false, "sure")).toEqual([Rating.Again, Rating.Again]);
  });

  it("updates the memory of every exam point the question tests, and of no other", () => {
    const before = new Map([["kms.key-policies", practised([Rating.Good])]]);
    const after = recordAnswer(before, { examPoints: ["kms.envelope-encryption", "kms.encryption-context"], correct: true, confidence: "sure", at: T0 });
    expect(after.get("kms.envelope-encryption")).toEqual(practised([Rating.Good]));
    expect(after.get("kms.encryption-context")).toEqual(practised([Rating.Good]));
    expect(after.get("kms.key-policies")).toBe(before.get("kms.key-policies"));
    expect(before.has("kms.envelope-encryption")).toBe(false);
  });

  it("weighs a confident wrong answer more than an admitted gap: lower stability, higher difficulty, no later review", () => {
    const gap = recordAnswer(new Map(), { examPoints: ["p"], correct: false, confidence: "unsure", at: T0 }).get("p")!;
    const misconception = recordAnswer(new Map(), { examPoints: ["p"], correct: false, confidence: "sure", at: T0 }).get("p")!;
    expect(gap).toEqual(practised([Rating.Again]));
    expect(misconception).toEqual(practised([Rating.Again, Rating.Again]));
    expect(misconception.stability).toBeLessThan(gap.stability);
    expect(misconception.difficulty).toBeGreaterThan(gap.difficulty);
    expect(misconception.due.getTime()).toBeLessThanOrEqual(gap.due.getTime());
  });
});

describe("recall", () => {
  it("is 0 for a point never practised, about 90% on the due date FSRS set (whole days), and falls with time", () => {
    const card = practised([Rating.Good, Rating.Good]);
    expect(recallAt(undefined, T0)).toBe(0);
    expect(recallAt(createEmptyCard(T0), at(3))).toBe(0);
    // FSRS rounds the interval to whole days, so recall on the due date is 90% give or take a day's forgetting.
    expect(recallAt(card, card.due)).toBeCloseTo(0.9, 1);
    expect(recallAt(card, at(1))).toBeGreaterThan(recallAt(card, at(30)));
    expect(recallAt(card, at(30))).toBe(reference.get_retrievability(card, at(30), false));
  });
});

describe("what is due, with the exam date as the goal", () => {
  const card = practised([Rating.Good]);

  it("is FSRS's due date without a goal, or when the exam is after it", () => {
    expect(dueAt(card, T0)).toEqual(card.due);
    expect(dueAt(card, T0, { date: new Date(card.due.getTime() + 10 * DAY) })).toEqual(card.due);
  });

  it("leaves a point alone before the exam when exam-day recall already meets the target", () => {
    const exam = new Date(card.due.getTime() - DAY);
    expect(reference.get_retrievability(card, exam, false)).toBeGreaterThanOrEqual(0.9);
    expect(dueAt(card, T0, { date: exam, target: 0.9 })).toEqual(card.due);
  });

  it("brings a review to the day before the exam when exam-day recall would miss a higher target", () => {
    const exam = new Date(card.due.getTime() - 0.5 * DAY);
    expect(reference.get_retrievability(card, exam, false)).toBeLessThan(0.97);
    expect(dueAt(card, T0, { date: exam, target: 0.97 })).toEqual(new Date(exam.getTime() - DAY));
    // The day before has passed: due now.
    const late = new Date(exam.getTime() - 0.25 * DAY);
    expect(dueAt(card, late, { date: exam, target: 0.97 })).toEqual(late);
  });

  it("has a point never practised due at once, and lists what is due most forgotten first", () => {
    const memory = new Map([
      ["kms.a", practised([Rating.Good], at(-10))],
      ["kms.b", practised([Rating.Good], at(-4))],
      ["kms.c", practised([Rating.Good, Rating.Good])],
    ]);
    expect(dueAt(undefined, T0)).toEqual(T0);
    expect(dueToday(memory, ["kms.c", "kms.b", "kms.a", "kms.new"], T0)).toEqual(["kms.new", "kms.a", "kms.b"]);
  });

  it("a learner who drills what is due and answers right reaches the exam-day target, which FSRS's dates alone miss", () => {
    const points = ["kms.one", "secrets-manager.two", "parameter-store.three"];
    // Reviewed when FSRS says, a point answered right on days 0 and 3 is next due on day 17: an exam on day 16 falls just before it.
    const exam = at(16);
    const drill = (goal?: { date: Date; target: number }) => {
      let memory = new Map<string, Card>();
      for (let day = 0; day < 16; day++) {
        const now = at(day);
        for (const point of dueToday(memory, points, now, goal)) memory = recordAnswer(memory, { examPoints: [point], correct: true, confidence: "sure", at: now });
      }
      return points.map((point) => reference.get_retrievability(memory.get(point)!, exam, false));
    };
    for (const recall of drill({ date: exam, target: 0.95 })) expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(Math.min(...drill())).toBeLessThan(0.95);
  });
});

describe("readiness for exam day", () => {
  it("gives each point's recall on the day, the mean per service, and the weakest points to study next", () => {
    const exam = at(20);
    const memory = new Map([
      ["kms.strong", practised([Rating.Good, Rating.Good, Rating.Easy])],
      ["kms.weak", practised([Rating.Hard])],
      ["secrets-manager.some", practised([Rating.Good])],
    ]);
    const result = readiness(memory, ["kms.strong", "kms.weak", "secrets-manager.some", "parameter-store.never"], exam, { studyNext: 2 });
    const recall = (point: string) => (memory.has(point) ? reference.get_retrievability(memory.get(point)!, exam, false) : 0);
    expect(result.points).toEqual(["kms.strong", "kms.weak", "secrets-manager.some", "parameter-store.never"].map((examPoint) => ({ examPoint, recall: recall(examPoint) })));
    expect(result.services).toEqual([
      { service: "kms", recall: (recall("kms.strong") + recall("kms.weak")) / 2, points: 2 },
      { service: "secrets-manager", recall: recall("secrets-manager.some"), points: 1 },
      { service: "parameter-store", recall: 0, points: 1 },
    ]);
    expect(result.studyNext).toEqual(["parameter-store.never", recall("kms.weak") < recall("secrets-manager.some") ? "kms.weak" : "secrets-manager.some"]);
  });
});
