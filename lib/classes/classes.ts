/**
 * Classes on the server: an instructor's classes and what they assign, the
 * students who joined, and what an instructor may do to a student's lab.
 * Every function that acts for an instructor takes their id and finds
 * nothing in a class that is not theirs, so routes answer 404 to anyone else
 * (a class's existence is not revealed).
 */
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { isDuplicate } from "@/lib/progress/attempts";
import { newJoinCode, normalizeJoinCode } from "./join-code";

export interface ClassSummary {
  id: string;
  name: string;
  joinCode: string;
  stuckMinutes: number;
  createdAt: Date;
  archivedAt: Date | null;
  students: number;
}

export async function createClass(instructorId: string, input: { name: string; stuckMinutes: number }): Promise<ClassSummary> {
  // A new code on the rare collision with an existing one.
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db().class.create({ data: { id: randomUUID(), name: input.name, stuckMinutes: input.stuckMinutes, instructorId, joinCode: newJoinCode() } });
      return { ...row, students: 0 };
    } catch (error) {
      if (!isDuplicate(error) || attempt >= 5) throw error;
    }
  }
}

export async function classesTaught(instructorId: string): Promise<ClassSummary[]> {
  const rows = await db().class.findMany({ where: { instructorId }, orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }], include: { _count: { select: { members: true } } } });
  return rows.map(({ _count, instructorId: _, ...row }) => ({ ...row, students: _count.members }));
}

/** The class if this instructor teaches it. */
export async function ownedClass(classId: string, instructorId: string) {
  return db().class.findFirst({ where: { id: classId, instructorId } });
}

export async function updateClass(classId: string, instructorId: string, change: { name?: string | undefined; stuckMinutes?: number | undefined; archived?: true | undefined }, now = new Date()): Promise<boolean> {
  const { count } = await db().class.updateMany({
    where: { id: classId, instructorId },
    data: { ...(change.name ? { name: change.name } : {}), ...(change.stuckMinutes ? { stuckMinutes: change.stuckMinutes } : {}), ...(change.archived ? { archivedAt: now } : {}) },
  });
  return count === 1;
}

export type JoinOutcome = { status: "joined" | "already"; classId: string; name: string } | { status: "unknown" | "archived" | "own" };

export async function joinClass(userId: string, codeText: string): Promise<JoinOutcome> {
  const code = normalizeJoinCode(codeText);
  if (!code) return { status: "unknown" };
  const found = await db().class.findUnique({ where: { joinCode: code } });
  if (!found) return { status: "unknown" };
  if (found.archivedAt) return { status: "archived" };
  if (found.instructorId === userId) return { status: "own" };
  try {
    await db().classMember.create({ data: { classId: found.id, userId } });
    return { status: "joined", classId: found.id, name: found.name };
  } catch (error) {
    if (isDuplicate(error)) return { status: "already", classId: found.id, name: found.name };
    throw error;
  }
}

/** A student's classes, with what each assigns and their own due dates (an extension wins). */
export async function classesJoined(userId: string) {
  const memberships = await db().classMember.findMany({
    where: { userId },
    orderBy: { joinedAt: "desc" },
    include: { class: { include: { instructor: { select: { name: true } }, assignments: { orderBy: { dueAt: "asc" }, include: { extensions: { where: { userId } } } } } } },
  });
  return memberships.map(({ class: joined, joinedAt }) => ({
    id: joined.id,
    name: joined.name,
    instructor: joined.instructor.name,
    joinedAt,
    archivedAt: joined.archivedAt,
    assignments: joined.assignments.map((assignment) => ({ id: assignment.id, kind: assignment.kind as "lab" | "quiz", itemId: assignment.itemId, dueAt: assignment.extensions[0]?.dueAt ?? assignment.dueAt, extended: assignment.extensions.length > 0 })),
  }));
}

export type AssignOutcome = { status: "created"; id: string } | { status: "exists" } | { status: "no-class" } | { status: "archived" };

export async function addAssignment(classId: string, instructorId: string, input: { kind: "lab" | "quiz"; itemId: string; dueAt: Date }): Promise<AssignOutcome> {
  const owned = await ownedClass(classId, instructorId);
  if (!owned) return { status: "no-class" };
  if (owned.archivedAt) return { status: "archived" };
  try {
    const row = await db().assignment.create({ data: { id: randomUUID(), classId, kind: input.kind, itemId: input.itemId, dueAt: input.dueAt } });
    return { status: "created", id: row.id };
  } catch (error) {
    if (isDuplicate(error)) return { status: "exists" };
    throw error;
  }
}

/** Whether the student is in a class this instructor teaches. */
async function isStudentOf(classId: string, instructorId: string, userId: string): Promise<boolean> {
  return (await db().classMember.count({ where: { classId, userId, class: { instructorId } } })) === 1;
}

export async function setExtension(classId: string, instructorId: string, assignmentId: string, userId: string, dueAt: Date): Promise<"set" | "not-found"> {
  const assignment = await db().assignment.findFirst({ where: { id: assignmentId, classId, class: { instructorId } } });
  if (!assignment || !(await isStudentOf(classId, instructorId, userId))) return "not-found";
  await db().assignmentExtension.upsert({ where: { assignmentId_userId: { assignmentId, userId } }, create: { assignmentId, userId, dueAt }, update: { dueAt } });
  return "set";
}

/** Starts a student's lab again: nothing done, no log; their browser resets its sandbox when it next opens the lab. */
export async function resetStudentLab(classId: string, instructorId: string, userId: string, labId: string, now = new Date()): Promise<"reset" | "not-found"> {
  if (!(await isStudentOf(classId, instructorId, userId))) return "not-found";
  const { count } = await db().labProgress.updateMany({
    where: { userId, labId },
    data: { stepsDone: 0, completedAt: null, commandLog: "[]", logStartedAt: null, stepStartedAt: null, lastActivityAt: now, resets: { increment: 1 } },
  });
  return count === 1 ? "reset" : "not-found";
}

/** A student's labs with their command logs, for the instructor's read-only view. */
export async function studentActivity(classId: string, instructorId: string, userId: string) {
  if (!(await isStudentOf(classId, instructorId, userId))) return undefined;
  const user = await db().user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
  const labs = await db().labProgress.findMany({ where: { userId }, orderBy: { lastActivityAt: "desc" } });
  return {
    student: user!,
    labs: labs.map((lab) => ({
      labId: lab.labId,
      stepsDone: lab.stepsDone,
      solutionsShown: lab.solutionsShown,
      completedAt: lab.completedAt,
      lastActivityAt: lab.lastActivityAt,
      logStartedAt: lab.logStartedAt,
      resets: lab.resets,
      commands: JSON.parse(lab.commandLog) as string[],
    })),
  };
}
