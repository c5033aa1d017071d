/**
 * The dashboard of a signed-in learner, from the database: one query per
 * kind of row, answers read as (time, right or wrong) only.
 */
import { loadCourse } from "@/lib/content/course";
import { db } from "@/lib/db/client";
import type { AttemptMode } from "@/lib/quiz/progress/attempt";
import { loadMemory } from "./attempts";
import { courseOutline } from "./course-outline";
import { buildDashboard, type Dashboard } from "./dashboard";

export async function dashboardFor(userId: string, timeZone: string, now: Date = new Date()): Promise<Dashboard> {
  const database = db();
  const [course, memory, user, sections, attempts, recent] = await Promise.all([
    loadCourse(),
    loadMemory(database, userId),
    database.user.findUnique({ where: { id: userId }, select: { examDate: true } }),
    database.sectionRead.findMany({ where: { userId }, select: { path: true, readAt: true } }),
    database.attempt.findMany({ where: { userId }, select: { at: true, answers: { select: { correct: true } } } }),
    database.attempt.findMany({ where: { userId }, orderBy: [{ at: "desc" }, { createdAt: "desc" }], take: 10, select: { mode: true, at: true, context: true, answers: { select: { correct: true } } } }),
  ]);
  return buildDashboard({
    outline: courseOutline(course),
    answers: attempts.flatMap((attempt) => attempt.answers.map((answer) => ({ at: attempt.at, correct: answer.correct }))),
    recentAttempts: recent.map((attempt) => ({ mode: attempt.mode as AttemptMode, at: attempt.at.toISOString(), context: attempt.context, correct: attempt.answers.filter((answer) => answer.correct).length, total: attempt.answers.length })),
    memory,
    sectionsRead: sections,
    ...(user?.examDate ? { examDate: user.examDate } : {}),
    now,
    timeZone,
  });
}
