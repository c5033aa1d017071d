/**
 * What a learner remembers of each exam point, as FSRS models it (ts-fsrs):
 * every answered question updates the memory state of each exam point it
 * tests, and the drill asks for what is due. The learner's exam date sets the
 * goal: a point whose recall on that day would fall below the target is due
 * before it, at the latest the day before, so that recall is highest when it
 * counts.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from "ts-fsrs";
import { serviceOf, type ExamService } from "@/lib/content/exam-services";

const DAY = 86_400_000;

/** The scheduler: FSRS's default weights, everyday target recall 90%, no random fuzz (the same answers give the same schedule). */
const scheduler = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false, enable_short_term: false }));

/** How sure the learner said they were of an answer. */
export type Confidence = "sure" | "unsure";

/**
 * The FSRS ratings an answer counts as. A right guess is Hard, a sure right
 * answer Good; a wrong answer is Again, and a wrong answer given as sure
 * counts as Again twice: a misconception, which lowers stability and raises
 * difficulty more than an admitted gap.
 */
export function ratingsFor(correct: boolean, confidence: Confidence): Grade[] {
  if (correct) return [confidence === "sure" ? Rating.Good : Rating.Hard];
  return confidence === "sure" ? [Rating.Again, Rating.Again] : [Rating.Again];
}

export type Memory = ReadonlyMap<string, Card>;

/** The memory after one answer to a question testing `examPoints`, given at `at`. */
export function recordAnswer(memory: Memory, answer: { examPoints: readonly string[]; correct: boolean; confidence: Confidence; at: Date }): Map<string, Card> {
  const next = new Map(memory);
  for (const point of new Set(answer.examPoints)) {
    let card: Card = next.get(point) ?? createEmptyCard(answer.at);
    for (const rating of ratingsFor(answer.correct, answer.confidence)) card = scheduler.next(card, answer.at, rating).card;
    next.set(point, card);
  }
  return next;
}

/** Probability of recalling the point at `at` (0 for a point never practised). */
export function recallAt(card: Card | undefined, at: Date): number {
  if (!card || card.state === State.New) return 0;
  return scheduler.get_retrievability(card, at, false);
}

export interface ExamGoal {
  date: Date;
  /** Recall wanted on exam day (default 0.9). */
  target?: number;
}

/**
 * When the point is next due. FSRS's own date (recall down to 90%), unless the
 * exam comes first and recall on exam day, without another review, would be
 * below the target: then the day before the exam at the latest (now, if that
 * has passed). A point never practised is due now.
 */
export function dueAt(card: Card | undefined, now: Date, goal?: ExamGoal): Date {
  if (!card || card.state === State.New) return now;
  const due = card.due;
  if (!goal || goal.date <= now) return due;
  if (recallAt(card, goal.date) >= (goal.target ?? 0.9)) return due;
  const lastChance = new Date(Math.max(now.getTime(), goal.date.getTime() - DAY));
  return due < lastChance ? due : lastChance;
}

/** The exam points due by `now`, most forgotten first. */
export function dueToday(memory: Memory, examPoints: readonly string[], now: Date, goal?: ExamGoal): string[] {
  return examPoints
    .filter((point) => dueAt(memory.get(point), now, goal) <= now)
    .sort((a, b) => recallAt(memory.get(a), now) - recallAt(memory.get(b), now) || (a < b ? -1 : 1));
}

export interface Readiness {
  /** Recall on exam day per exam point, 0 to 1. */
  points: { examPoint: string; recall: number }[];
  /** Mean recall on exam day of each service's points. */
  services: { service: ExamService; recall: number; points: number }[];
  /** The points least likely to be remembered on exam day, weakest first: what to study next. */
  studyNext: string[];
}

/** How likely each exam point is to be remembered on exam day, if the learner does nothing more. */
export function readiness(memory: Memory, examPoints: readonly string[], examDate: Date, options: { studyNext?: number } = {}): Readiness {
  const points = examPoints.map((examPoint) => ({ examPoint, recall: recallAt(memory.get(examPoint), examDate) }));
  const byService = new Map<ExamService, number[]>();
  for (const point of points) {
    const service = serviceOf(point.examPoint);
    byService.set(service, [...(byService.get(service) ?? []), point.recall]);
  }
  return {
    points,
    services: [...byService].map(([service, recalls]) => ({ service, recall: recalls.reduce((sum, value) => sum + value, 0) / recalls.length, points: recalls.length })),
    studyNext: [...points].sort((a, b) => a.recall - b.recall || (a.examPoint < b.examPoint ? -1 : 1)).slice(0, options.studyNext ?? 5).map((point) => point.examPoint),
  };
}
