/**
 * The class dashboard as the instructor sees it, computed from the rows the
 * loader reads in a fixed number of queries (class-dashboard-data.ts): per
 * student, where they are now (the lab step they are on, and whether they
 * have been on it longer than the class's "stuck" time), each assignment's
 * status against their own due date, their share right per exam point.
 * Pure: tests feed it rows. (The item analysis is read apart, on request:
 * class-items-data.ts; it needs every first answer, the live view does not.)
 */

export interface DashboardInput {
  class: { id: string; name: string; joinCode: string; stuckMinutes: number; createdAt: Date; archivedAt: Date | null };
  members: { userId: string; name: string; email: string; joinedAt: Date }[];
  assignments: { id: string; kind: string; itemId: string; dueAt: Date; extensions: { userId: string; dueAt: Date }[] }[];
  labProgress: { userId: string; labId: string; stepsDone: number; completedAt: Date | null; lastActivityAt: Date | null; stepStartedAt: Date | null; solutionsShown: number }[];
  /** Answered questions per student and set of exam points (as stored: a JSON array), and how many were right. */
  pointTallies: { userId: string; examPoints: string[]; right: number; answered: number }[];
  /** The students' chapter-quiz attempts, each with its count of questions and of right answers. */
  quizAttempts: { userId: string; context: string; at: Date; right: number; total: number }[];
  labs: { id: string; title: string; steps: { title: string }[] }[];
  chapters: { slug: string; title: string }[];
  examPoints: { id: string; title: string }[];
}

export type AssignmentStatus = "done" | "late" | "overdue" | "open";

export interface StudentRow {
  id: string;
  name: string;
  email: string;
  joinedAt: string;
  lastActivityAt: string | null;
  current: { labId: string; labTitle: string; step: number; steps: number; stepTitle: string; since: string; stuck: boolean } | null;
  assignments: Record<string, { status: AssignmentStatus; dueAt: string; extended: boolean; detail: string }>;
  examPoints: Record<string, { right: number; answered: number }>;
}

export interface ClassDashboard {
  class: { id: string; name: string; joinCode: string; stuckMinutes: number; createdAt: string; archivedAt: string | null };
  generatedAt: string;
  assignments: { id: string; kind: "lab" | "quiz"; itemId: string; title: string; dueAt: string; done: number }[];
  examPoints: { id: string; title: string }[];
  students: StudentRow[];
  stuck: number;
}

const chapterQuizPrefix = (slug: string) => `chapter-quiz:${slug}:`;

/** Rows grouped by the student they belong to. */
function byUser<T extends { userId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.userId);
    if (group) group.push(row);
    else groups.set(row.userId, [row]);
  }
  return groups;
}

export function buildClassDashboard(input: DashboardInput, now: Date): ClassDashboard {
  const labs = new Map(input.labs.map((lab) => [lab.id, lab]));
  const stuckMs = input.class.stuckMinutes * 60_000;

  const points = new Map<string, Record<string, { right: number; answered: number }>>();
  for (const tally of input.pointTallies) {
    const own = points.get(tally.userId) ?? {};
    for (const point of tally.examPoints) {
      const sum = (own[point] ??= { right: 0, answered: 0 });
      sum.answered += tally.answered;
      sum.right += tally.right;
    }
    points.set(tally.userId, own);
  }

  const titleOf = (kind: string, itemId: string) => (kind === "lab" ? (labs.get(itemId)?.title ?? itemId) : `Chapter quiz: ${input.chapters.find((chapter) => chapter.slug === itemId)?.title ?? itemId}`);

  const progressByUser = byUser(input.labProgress);
  const attemptsByUser = byUser(input.quizAttempts);

  const students: StudentRow[] = input.members.map((member) => {
    const mine = progressByUser.get(member.userId) ?? [];
    const active = mine.filter((row) => !row.completedAt && row.lastActivityAt).sort((a, b) => b.lastActivityAt!.getTime() - a.lastActivityAt!.getTime())[0];
    const activeLab = active ? labs.get(active.labId) : undefined;
    const since = active?.stepStartedAt ?? active?.lastActivityAt;
    const current =
      active && activeLab && since
        ? { labId: active.labId, labTitle: activeLab.title, step: active.stepsDone + 1, steps: activeLab.steps.length, stepTitle: activeLab.steps[active.stepsDone]?.title ?? "", since: since.toISOString(), stuck: now.getTime() - since.getTime() > stuckMs }
        : null;
    const assignments: StudentRow["assignments"] = {};
    for (const assignment of input.assignments) {
      const extension = assignment.extensions.find((candidate) => candidate.userId === member.userId);
      const dueAt = extension?.dueAt ?? assignment.dueAt;
      let finishedAt: Date | undefined;
      let detail: string;
      if (assignment.kind === "lab") {
        const row = mine.find((candidate) => candidate.labId === assignment.itemId);
        const steps = labs.get(assignment.itemId)?.steps.length ?? 0;
        finishedAt = row?.completedAt ?? undefined;
        detail = `${row?.stepsDone ?? 0}/${steps} steps${row?.solutionsShown ? `, ${row.solutionsShown} solution${row.solutionsShown === 1 ? "" : "s"} shown` : ""}`;
      } else {
        const tries = (attemptsByUser.get(member.userId) ?? []).filter((attempt) => attempt.context.startsWith(chapterQuizPrefix(assignment.itemId)));
        finishedAt = tries.length > 0 ? new Date(Math.min(...tries.map((attempt) => attempt.at.getTime()))) : undefined;
        const best = Math.max(0, ...tries.map((attempt) => attempt.right / attempt.total));
        detail = tries.length > 0 ? `best ${Math.round(best * 100)}% (${tries.length} attempt${tries.length === 1 ? "" : "s"})` : "not taken";
      }
      const status: AssignmentStatus = finishedAt ? (finishedAt <= dueAt ? "done" : "late") : now > dueAt ? "overdue" : "open";
      assignments[assignment.id] = { status, dueAt: dueAt.toISOString(), extended: extension !== undefined, detail };
    }
    const lastActivity = mine.reduce<Date | null>((latest, row) => (row.lastActivityAt && (!latest || row.lastActivityAt > latest) ? row.lastActivityAt : latest), null);
    return { id: member.userId, name: member.name, email: member.email, joinedAt: member.joinedAt.toISOString(), lastActivityAt: lastActivity?.toISOString() ?? null, current, assignments, examPoints: points.get(member.userId) ?? {} };
  });

  const answeredPoints = new Set(students.flatMap((student) => Object.keys(student.examPoints)));
  return {
    class: { ...input.class, createdAt: input.class.createdAt.toISOString(), archivedAt: input.class.archivedAt?.toISOString() ?? null },
    generatedAt: now.toISOString(),
    assignments: input.assignments.map((assignment) => ({
      id: assignment.id,
      kind: assignment.kind === "lab" ? "lab" : "quiz",
      itemId: assignment.itemId,
      title: titleOf(assignment.kind, assignment.itemId),
      dueAt: assignment.dueAt.toISOString(),
      done: students.filter((student) => ["done", "late"].includes(student.assignments[assignment.id]!.status)).length,
    })),
    examPoints: input.examPoints.filter((point) => answeredPoints.has(point.id)),
    students: students.sort((a, b) => Number(b.current?.stuck ?? false) - Number(a.current?.stuck ?? false) || a.name.localeCompare(b.name)),
    stuck: students.filter((student) => student.current?.stuck).length,
  };
}
