/**
 * Reads what a class dashboard shows, in six queries whatever the size of
 * the class: the class, its members, its assignments with their extensions
 * (Prisma loads the relation in one more query), the members' lab progress,
 * and every answer of every member (one join, as prepared statements on the
 * driver: tens of thousands of rows for a big class). The course (labs,
 * chapters, exam points, question texts) is read from memory.
 */
import { loadCourse } from "@/lib/content/course";
import { db, prepared } from "@/lib/db/client";
import { rawBoolean, rawDate } from "@/lib/db/raw-values";
import { loadLabs } from "@/lib/labs/catalog";
import { questionBank } from "@/lib/quiz/bank";
import { buildClassDashboard, type ClassDashboard } from "./class-dashboard";

const CLASS_ANSWERS = `SELECT a."userId" AS "userId", a."id" AS "attemptId", a."mode" AS "mode", a."context" AS "context", a."at" AS "at",
    aa."questionId" AS "questionId", aa."examPoints" AS "examPoints", aa."correct" AS "correct", aa."answered" AS "answered"
  FROM "ClassMember" m JOIN "Attempt" a ON a."userId" = m."userId" JOIN "AttemptAnswer" aa ON aa."attemptId" = a."id"
  WHERE m."classId" = $1 ORDER BY a."at", a."id", aa."position"`;

let questionTexts: Promise<Map<string, string>> | undefined;

function texts(): Promise<Map<string, string>> {
  questionTexts ??= loadCourse().then((course) => new Map(questionBank(course).map((question) => [question.id, "question" in question ? question.question : question.task])));
  return questionTexts;
}

/** The dashboard of a class this instructor teaches, or undefined (not theirs, or no such class). */
export async function classDashboard(classId: string, instructorId: string, now: Date = new Date()): Promise<ClassDashboard | undefined> {
  const found = await db().class.findFirst({ where: { id: classId, instructorId } });
  if (!found) return undefined;
  const [members, assignments, labProgress, answerRows, course, labs, questions] = await Promise.all([
    db().classMember.findMany({ where: { classId }, include: { user: { select: { name: true, email: true } } } }),
    db().assignment.findMany({ where: { classId }, orderBy: { dueAt: "asc" }, include: { extensions: true } }),
    db().labProgress.findMany({ where: { user: { classes: { some: { classId } } } } }),
    prepared().rows(CLASS_ANSWERS, [classId]),
    loadCourse(),
    loadLabs(),
    texts(),
  ]);
  return buildClassDashboard(
    {
      class: found,
      members: members.map((member) => ({ userId: member.userId, name: member.user.name, email: member.user.email, joinedAt: member.joinedAt })),
      assignments,
      labProgress,
      answers: answerRows.map((row) => ({
        userId: String(row.userId),
        attemptId: String(row.attemptId),
        mode: String(row.mode),
        context: String(row.context),
        at: rawDate(row.at),
        questionId: String(row.questionId),
        examPoints: JSON.parse(String(row.examPoints)) as string[],
        correct: rawBoolean(row.correct),
        answered: rawBoolean(row.answered),
      })),
      labs,
      chapters: course.chapters.map((chapter) => ({ slug: chapter.slug, title: chapter.title })),
      examPoints: course.examPoints.map((point) => ({ id: point.id, title: point.title })),
      questions,
    },
    now,
  );
}
