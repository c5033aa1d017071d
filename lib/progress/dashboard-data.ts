/**
 * The dashboard of a signed-in learner, from the database: one query per
 * kind of row; the answers, read once, feed both the charts and the memory.
 */
import { loadCourse } from "@/lib/content/course";
import { db } from "@/lib/db/client";
import type { AttemptMode } from "@/lib/quiz/progress/attempt";
import { answersOf, memoryOf } from "./memory-cards";
import { courseOutline } from "./course-outline";
import { buildDashboard, type Dashboard } from "./dashboard";

export async function dashboardFor(userId: string, timeZone: string, now: Date = new Date()): Promise<Dashboard> {
  const database = db();
  const [course, answers, user, sections, recent] = await Promise.all([
    loadCourse(),
    answersOf(userId, database),
    database.user.findUnique({ where: { id: userId }, select: { examDate: true } }),
    database.sectionRead.findMany({ where: { userId }, select: { path: true, readAt: true } }),
    database.attempt.findMany({ where: { userId }, orderBy: [{ at: "desc" }, { createdAt: "desc" }], take: 10, select: { mode: true, at: true, context: true, answers: { select: { correct: true } } } }),
  ]);
  const memory = await memoryOf(userId, answers, database);
  return buildDashboard({
    outline: courseOutline(course),
    answers,
    recentAttempts: recent.map((attempt) => ({ mode: attempt.mode as AttemptMode, at: attempt.at.toISOString(), context: attempt.context, correct: attempt.answers.filter((answer) => answer.correct).length, total: attempt.answers.length })),
    memory,
    sectionsRead: sections,
    ...(user?.examDate ? { examDate: user.examDate } : {}),
    now,
    timeZone,
  });
}
