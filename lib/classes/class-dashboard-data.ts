/**
 * Reads what a class dashboard shows, in seven queries whatever the size of
 * the class: the class, its members, its assignments with their extensions
 * (Prisma loads the relation in one more query), the members' lab progress,
 * and two sums over every answer of every member, done by the database
 * (right and answered per student and set of exam points; right and total
 * per chapter-quiz attempt) as prepared statements on the driver. The course
 * (labs, chapters, exam points) is read from memory.
 */
import { loadCourse } from "@/lib/content/course";
import { db, prepared } from "@/lib/db/client";
import { rawDate } from "@/lib/db/raw-values";
import { loadLabs } from "@/lib/labs/catalog";
import { buildClassDashboard, type ClassDashboard } from "./class-dashboard";

const MEMBER_ANSWERS = `FROM "ClassMember" m JOIN "Attempt" a ON a."userId" = m."userId" JOIN "AttemptAnswer" aa ON aa."attemptId" = a."id" WHERE m."classId" = $1`;

const POINT_TALLIES = `SELECT a."userId" AS "userId", aa."examPoints" AS "examPoints", SUM(CASE WHEN aa."correct" THEN 1 ELSE 0 END) AS "right", COUNT(*) AS "answered"
  ${MEMBER_ANSWERS} AND aa."answered" GROUP BY a."userId", aa."examPoints"`;

const QUIZ_ATTEMPTS = `SELECT a."userId" AS "userId", a."context" AS "context", a."at" AS "at", SUM(CASE WHEN aa."correct" THEN 1 ELSE 0 END) AS "right", COUNT(*) AS "total"
  ${MEMBER_ANSWERS} AND a."mode" = 'chapter-quiz' GROUP BY a."id", a."userId", a."context", a."at"`;

/** The dashboard of a class this instructor teaches, or undefined (not theirs, or no such class). */
export async function classDashboard(classId: string, instructorId: string, now: Date = new Date()): Promise<ClassDashboard | undefined> {
  const found = await db().class.findFirst({ where: { id: classId, instructorId } });
  if (!found) return undefined;
  const [members, assignments, labProgress, tallies, quizzes, course, labs] = await Promise.all([
    db().classMember.findMany({ where: { classId }, include: { user: { select: { name: true, email: true } } } }),
    db().assignment.findMany({ where: { classId }, orderBy: { dueAt: "asc" }, include: { extensions: true } }),
    db().labProgress.findMany({ where: { user: { classes: { some: { classId } } } }, select: { userId: true, labId: true, stepsDone: true, completedAt: true, lastActivityAt: true, stepStartedAt: true, solutionsShown: true } }),
    prepared().rows(POINT_TALLIES, [classId]),
    prepared().rows(QUIZ_ATTEMPTS, [classId]),
    loadCourse(),
    loadLabs(),
  ]);
  return buildClassDashboard(
    {
      class: found,
      members: members.map((member) => ({ userId: member.userId, name: member.user.name, email: member.user.email, joinedAt: member.joinedAt })),
      assignments,
      labProgress,
      pointTallies: tallies.map((row) => ({ userId: String(row.userId), examPoints: JSON.parse(String(row.examPoints)) as string[], right: Number(row.right), answered: Number(row.answered) })),
      quizAttempts: quizzes.map((row) => ({ userId: String(row.userId), context: String(row.context), at: rawDate(row.at), right: Number(row.right), total: Number(row.total) })),
      labs,
      chapters: course.chapters.map((chapter) => ({ slug: chapter.slug, title: chapter.title })),
      examPoints: course.examPoints.map((point) => ({ id: point.id, title: point.title })),
    },
    now,
  );
}
