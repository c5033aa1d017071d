/**
 * Where a learner stands, computed from their progress: mastery per chapter
 * and exam point, activity and accuracy per day, what is due, recent
 * attempts and the streak. Pure: the server computes it from the database
 * for a signed-in learner, the browser from IndexedDB for anyone else, and
 * both show the same dashboard.
 */
import type { Card } from "ts-fsrs";
import { dueAt, dueToday, recallAt, type Memory } from "@/lib/quiz/memory";
import { modeNames, type AttemptMode } from "@/lib/quiz/progress/modes";

export interface CourseOutline {
  chapters: { slug: string; title: string; href: string; sections: { href: string; title: string; examPoints: string[] }[] }[];
  examPoints: { id: string; title: string; serviceName: string }[];
}

export interface AnswerFact {
  at: Date;
  correct: boolean;
}

export interface AttemptSummary {
  mode: AttemptMode;
  at: string;
  context: string;
  correct: number;
  total: number;
}

export interface DashboardInput {
  outline: CourseOutline;
  answers: readonly AnswerFact[];
  recentAttempts: readonly AttemptSummary[];
  memory: Memory;
  sectionsRead: readonly { path: string; readAt: Date }[];
  examDate?: string;
  now: Date;
  /** IANA time zone the days are counted in (the learner's). */
  timeZone: string;
}

export interface PointMastery {
  id: string;
  title: string;
  serviceName: string;
  /** Chance of recalling it now (FSRS), 0 for a point never practised. */
  recall: number;
  practised: boolean;
  due: boolean;
}

export interface Dashboard {
  totals: { answers: number; correct: number; sectionsRead: number; sections: number; pointsPractised: number; points: number };
  chapters: { slug: string; title: string; href: string; sectionsRead: number; sections: number; mastery: number; points: PointMastery[]; nextSection?: { href: string; title: string } }[];
  /** The last 30 days in the learner's time zone, oldest first. */
  days: { day: string; answered: number; correct: number }[];
  streak: { current: number; longest: number; activeToday: boolean };
  due: { count: number; points: { id: string; title: string }[] };
  recentAttempts: (AttemptSummary & { modeName: string })[];
  examDate?: string;
  daysToExam?: number;
}

const DAY_MS = 86_400_000;

/** An IANA zone the runtime knows, else UTC. */
export function validTimeZone(zone: string | undefined): string {
  if (!zone) return "UTC";
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}

function dayFormatter(timeZone: string) {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return (date: Date) => format.format(date);
}

/** The calendar day before `day` (YYYY-MM-DD). */
function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

function streaks(activeDays: ReadonlySet<string>, today: string): Dashboard["streak"] {
  const activeToday = activeDays.has(today);
  // A streak still counts on a day not yet studied: it breaks only when yesterday was missed.
  let current = 0;
  for (let day = activeToday ? today : previousDay(today); activeDays.has(day); day = previousDay(day)) current += 1;
  let longest = 0;
  for (const day of activeDays) {
    if (activeDays.has(previousDay(day))) continue;
    let length = 0;
    for (let next = day; activeDays.has(next); next = new Date(Date.parse(`${next}T12:00:00Z`) + DAY_MS).toISOString().slice(0, 10)) length += 1;
    longest = Math.max(longest, length);
  }
  return { current, longest, activeToday };
}

export function buildDashboard(input: DashboardInput): Dashboard {
  const dayOf = dayFormatter(input.timeZone);
  const today = dayOf(input.now);
  const examMoment = input.examDate ? new Date(`${input.examDate}T09:00:00Z`) : undefined;
  const goal = examMoment && examMoment > input.now ? { date: examMoment } : undefined;
  const title = new Map(input.outline.examPoints.map((point) => [point.id, point]));
  const dueIds = new Set(dueToday(input.memory, input.outline.examPoints.map((point) => point.id), input.now, goal));
  const mastery = (id: string): PointMastery => {
    const card: Card | undefined = input.memory.get(id);
    const point = title.get(id);
    return { id, title: point?.title ?? id, serviceName: point?.serviceName ?? "", recall: recallAt(card, input.now), practised: card !== undefined, due: dueIds.has(id) };
  };
  const read = new Set(input.sectionsRead.map((section) => section.path));

  const chapters = input.outline.chapters.map((chapter) => {
    const pointIds = [...new Set(chapter.sections.flatMap((section) => section.examPoints))];
    const points = pointIds.map(mastery);
    const next = chapter.sections.find((section) => !read.has(section.href));
    return {
      slug: chapter.slug,
      title: chapter.title,
      href: chapter.href,
      sectionsRead: chapter.sections.filter((section) => read.has(section.href)).length,
      sections: chapter.sections.length,
      mastery: points.length ? points.reduce((sum, point) => sum + point.recall, 0) / points.length : 0,
      points: points.sort((a, b) => a.recall - b.recall || (a.id < b.id ? -1 : 1)),
      ...(next ? { nextSection: { href: next.href, title: next.title } } : {}),
    };
  });

  const perDay = new Map<string, { answered: number; correct: number }>();
  const activeDays = new Set<string>();
  let correct = 0;
  for (const answer of input.answers) {
    const day = dayOf(answer.at);
    activeDays.add(day);
    const entry = perDay.get(day) ?? { answered: 0, correct: 0 };
    entry.answered += 1;
    if (answer.correct) {
      entry.correct += 1;
      correct += 1;
    }
    perDay.set(day, entry);
  }
  for (const section of input.sectionsRead) activeDays.add(dayOf(section.readAt));
  const days: Dashboard["days"] = [];
  for (let day = today, index = 0; index < 30; index++, day = previousDay(day)) days.unshift({ day, ...(perDay.get(day) ?? { answered: 0, correct: 0 }) });

  const sections = input.outline.chapters.reduce((sum, chapter) => sum + chapter.sections.length, 0);
  const dueSorted = input.outline.examPoints
    .filter((point) => dueIds.has(point.id))
    .sort((a, b) => dueAt(input.memory.get(a.id), input.now, goal).getTime() - dueAt(input.memory.get(b.id), input.now, goal).getTime() || recallAt(input.memory.get(a.id), input.now) - recallAt(input.memory.get(b.id), input.now));

  return {
    totals: {
      answers: input.answers.length,
      correct,
      sectionsRead: input.outline.chapters.reduce((sum, chapter) => sum + chapter.sections.filter((section) => read.has(section.href)).length, 0),
      sections,
      pointsPractised: input.outline.examPoints.filter((point) => input.memory.has(point.id)).length,
      points: input.outline.examPoints.length,
    },
    chapters,
    days,
    streak: streaks(activeDays, today),
    due: { count: dueSorted.length, points: dueSorted.slice(0, 8).map((point) => ({ id: point.id, title: point.title })) },
    recentAttempts: input.recentAttempts.map((attempt) => ({ ...attempt, modeName: modeNames[attempt.mode] })),
    ...(input.examDate ? { examDate: input.examDate, daysToExam: Math.ceil((Date.parse(`${input.examDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS) } : {}),
  };
}
