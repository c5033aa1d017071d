/**
 * A learner's own data: all of it as JSON (the export), and the settings kept on the user row.
 */
import { db } from "@/lib/db/client";
import { memoryOf } from "./memory-cards";

export async function examDateOf(userId: string): Promise<string | null> {
  const row = await db().user.findUnique({ where: { id: userId }, select: { examDate: true } });
  return row?.examDate ?? null;
}

export async function setExamDate(userId: string, examDate: string | null): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { examDate } });
}

/** Everything stored about the user, except secrets (password hash, session tokens). */
export async function exportAccount(userId: string) {
  const database = db();
  const [user, attempts, memory, sections, saves, labs, exams, sessions, feedback, joined, taught] = await Promise.all([
    database.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, role: true, examDate: true, createdAt: true } }),
    database.attempt.findMany({ where: { userId }, orderBy: { at: "asc" }, include: { answers: { orderBy: { position: "asc" } } } }),
    memoryOf(userId),
    database.sectionRead.findMany({ where: { userId }, orderBy: { readAt: "asc" } }),
    database.sandboxSave.findMany({ where: { userId }, orderBy: { name: "asc" } }),
    database.labProgress.findMany({ where: { userId }, orderBy: { labId: "asc" } }),
    database.practiceExam.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    database.session.findMany({ where: { userId }, select: { createdAt: true, expiresAt: true, ipAddress: true, userAgent: true } }),
    database.feedback.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    database.classMember.findMany({ where: { userId }, orderBy: { joinedAt: "asc" }, include: { class: { select: { name: true } } } }),
    database.class.findMany({ where: { instructorId: userId }, orderBy: { createdAt: "asc" }, include: { assignments: { include: { extensions: true } }, members: { select: { userId: true, joinedAt: true } } } }),
  ]);
  return {
    format: "keystone-account-export",
    version: 1,
    exportedAt: new Date().toISOString(),
    user,
    attempts: attempts.map((attempt) => ({
      id: attempt.clientId,
      mode: attempt.mode,
      context: attempt.context,
      at: attempt.at,
      answers: attempt.answers.map((answer) => ({ questionId: answer.questionId, examPoints: JSON.parse(answer.examPoints) as string[], correct: answer.correct, answered: answer.answered, confidence: answer.confidence })),
    })),
    memory: [...memory].sort(([a], [b]) => (a < b ? -1 : 1)).map(([examPoint, card]) => ({ examPoint, card })),
    sectionsRead: sections.map((row) => ({ path: row.path, readAt: row.readAt })),
    sandboxSaves: saves.map((row) => ({ name: row.name, scenario: row.scenario, snapshot: JSON.parse(row.snapshot) as unknown, createdAt: row.createdAt, updatedAt: row.updatedAt })),
    labs: labs.map(({ userId: _userId, commandLog, ...row }) => ({ ...row, commands: JSON.parse(commandLog) as string[] })),
    classesJoined: joined.map((row) => ({ name: row.class.name, joinedAt: row.joinedAt })),
    classesTaught: taught.map((row) => ({
      name: row.name,
      joinCode: row.joinCode,
      createdAt: row.createdAt,
      archivedAt: row.archivedAt,
      students: row.members,
      assignments: row.assignments.map((assignment) => ({ kind: assignment.kind, itemId: assignment.itemId, dueAt: assignment.dueAt, extensions: assignment.extensions.map((extension) => ({ userId: extension.userId, dueAt: extension.dueAt })) })),
    })),
    practiceExams: exams.map((row) => ({ id: row.id, createdAt: row.createdAt, minutes: row.minutes, submittedAt: row.submittedAt, answers: JSON.parse(row.answers) as unknown, report: row.report ? (JSON.parse(row.report) as unknown) : null })),
    sessions,
    feedback: feedback.map((row) => ({ createdAt: row.createdAt, pagePath: row.pagePath, kind: row.kind, message: row.message })),
  };
}

/**
 * Deletes the user and, through the schema's cascades, every row that belongs
 * to them; their feedback reports too. better-auth deletes the user row
 * itself after its beforeDelete hook, hence keepUserRow there.
 */
export async function deleteAccountData(userId: string, options: { keepUserRow?: boolean } = {}): Promise<void> {
  const database = db();
  await database.$transaction(async (tx) => {
    await tx.feedback.deleteMany({ where: { userId } });
    // Rows without a cascade from User are listed here; the rest go with the user row.
    if (!options.keepUserRow) await tx.user.delete({ where: { id: userId } });
  });
}
