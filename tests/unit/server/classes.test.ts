import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, testProvider, useTestDatabase } from "./test-database";

/**
 * Classes on a real database (SQLite, and PostgreSQL in the server-postgresql
 * run): joining by code, what another instructor cannot see or change, due
 * dates with extensions, a student's lab reset, and the dashboard built from
 * real rows in a number of queries that does not grow with the class.
 */
let remove = async () => {};
beforeAll(async () => {
  ({ remove } = await useTestDatabase("classes-"));
});
afterAll(() => remove());

const classes = () => import("@/lib/classes/classes");
const dashboardOf = async (classId: string, instructorId: string, now?: Date) => (await import("@/lib/classes/class-dashboard-data")).classDashboard(classId, instructorId, now);
const CHAPTER = "kms-secrets-manager-parameter-store";

async function finishLab(userId: string, labId: string, stepsDone: number, completed: boolean, at: Date) {
  const { recordLabReplay } = await import("@/lib/progress/labs");
  return recordLabReplay(userId, { labId, stepsDone, completed, solutionsShown: 0, commands: [`# ${stepsDone} steps`], logStartedAt: at, resets: 0 }, at);
}

async function takeQuiz(userId: string, id: string, at: Date, rights: boolean[]) {
  const { recordAttempt } = await import("@/lib/progress/attempts");
  await recordAttempt(userId, { id, mode: "chapter-quiz", at: at.toISOString(), context: `chapter-quiz:${CHAPTER}:7`, items: rights.map((correct, index) => ({ questionId: `q-${index}`, examPoints: ["kms.key-types"], correct, answered: true, confidence: "sure" })) });
}

describe(`classes on ${testProvider}`, () => {
  it("lets students join by code as they type it, once, and never an archived class or one's own", async () => {
    const { createClass, joinClass, updateClass, classesJoined } = await classes();
    const teacher = await createUser("teacher1@example.com", "instructor");
    const student = await createUser("student1@example.com");
    const created = await createClass(teacher, { name: "Security Specialty, spring", stuckMinutes: 10 });
    const typed = `${created.joinCode.slice(0, 4).toLowerCase()}-${created.joinCode.slice(4)}`;
    expect(await joinClass(student, typed)).toEqual({ status: "joined", classId: created.id, name: "Security Specialty, spring" });
    expect(await joinClass(student, created.joinCode)).toEqual({ status: "already", classId: created.id, name: "Security Specialty, spring" });
    expect(await joinClass(teacher, created.joinCode)).toEqual({ status: "own" });
    expect(await joinClass(student, "ZZZZ-ZZZZ")).toEqual({ status: "unknown" });
    expect(await updateClass(created.id, teacher, { archived: true })).toBe(true);
    const late = await createUser("late@example.com");
    expect(await joinClass(late, created.joinCode)).toEqual({ status: "archived" });
    expect((await classesJoined(student)).map((joined) => joined.name)).toEqual(["Security Specialty, spring"]);
  });

  it("shows and changes nothing of a class to another instructor", async () => {
    const { createClass, joinClass, ownedClass, updateClass, addAssignment, setExtension, resetStudentLab, studentActivity } = await classes();
    const owner = await createUser("owner@example.com", "instructor");
    const other = await createUser("other@example.com", "instructor");
    const student = await createUser("student2@example.com");
    const created = await createClass(owner, { name: "Owner's class", stuckMinutes: 15 });
    await joinClass(student, created.joinCode);
    const assigned = await addAssignment(created.id, owner, { kind: "lab", itemId: "keys-and-aliases", dueAt: new Date("2027-01-10T17:00:00Z") });
    expect(assigned.status).toBe("created");
    const assignmentId = (assigned as { id: string }).id;
    await finishLab(student, "keys-and-aliases", 2, false, new Date());

    expect(await ownedClass(created.id, other)).toBeNull();
    expect(await updateClass(created.id, other, { name: "Taken over" })).toBe(false);
    expect(await addAssignment(created.id, other, { kind: "lab", itemId: "secrets-rotation", dueAt: new Date() })).toEqual({ status: "no-class" });
    expect(await setExtension(created.id, other, assignmentId, student, new Date())).toBe("not-found");
    expect(await resetStudentLab(created.id, other, student, "keys-and-aliases")).toBe("not-found");
    expect(await studentActivity(created.id, other, student)).toBeUndefined();
    expect(await dashboardOf(created.id, other)).toBeUndefined();
    expect(await (await import("@/lib/classes/class-items-data")).classItems(created.id, other)).toBeUndefined();
    // The owner cannot reach a student who is not in the class either.
    const stranger = await createUser("stranger@example.com");
    await finishLab(stranger, "keys-and-aliases", 1, false, new Date());
    expect(await studentActivity(created.id, owner, stranger)).toBeUndefined();
    expect(await resetStudentLab(created.id, owner, stranger, "keys-and-aliases")).toBe("not-found");
    expect((await ownedClass(created.id, owner))?.name).toBe("Owner's class");
  });

  it("builds the dashboard from real rows: statuses against each student's due date, stuck students, quiz scores, item analysis", async () => {
    const { createClass, joinClass, addAssignment, setExtension, resetStudentLab, studentActivity } = await classes();
    const teacher = await createUser("teacher3@example.com", "instructor");
    const created = await createClass(teacher, { name: "Dashboard class", stuckMinutes: 20 });
    const [ann, ben, cal] = [await createUser("ann@example.com"), await createUser("ben@example.com"), await createUser("cal@example.com")];
    for (const student of [ann, ben, cal]) await joinClass(student, created.joinCode);
    const due = new Date("2027-01-10T17:00:00Z");
    const lab = (await addAssignment(created.id, teacher, { kind: "lab", itemId: "keys-and-aliases", dueAt: due })) as { id: string };
    const quiz = (await addAssignment(created.id, teacher, { kind: "quiz", itemId: CHAPTER, dueAt: due })) as { id: string };
    expect(await addAssignment(created.id, teacher, { kind: "quiz", itemId: CHAPTER, dueAt: due })).toEqual({ status: "exists" });
    expect(await setExtension(created.id, teacher, lab.id, cal, new Date("2027-01-20T17:00:00Z"))).toBe("set");

    await finishLab(ann, "keys-and-aliases", 4, true, new Date("2027-01-09T10:00:00Z"));
    await finishLab(ben, "keys-and-aliases", 1, false, new Date("2027-01-11T09:00:00Z"));
    await finishLab(cal, "keys-and-aliases", 4, true, new Date("2027-01-15T09:00:00Z"));
    await takeQuiz(ann, "ann-quiz-1", new Date("2027-01-08T10:00:00Z"), [true, true, false, true]);
    await takeQuiz(ben, "ben-quiz-1", new Date("2027-01-12T10:00:00Z"), [false, true, false, false]);

    const now = new Date("2027-01-11T10:00:00Z");
    const { queriesRun } = await import("@/lib/db/query-count");
    const before = queriesRun();
    const dashboard = (await dashboardOf(created.id, teacher, now))!;
    const queries = queriesRun() - before;
    const row = (id: string) => dashboard.students.find((student) => student.id === id)!;

    expect(dashboard.stuck).toBe(1);
    // Ben has been on step 2 since 09:00; the class calls that stuck after 20 minutes. He comes first.
    expect(dashboard.students[0]!.id).toBe(ben);
    expect(row(ben).current).toEqual({ labId: "keys-and-aliases", labTitle: "Keys and aliases", step: 2, steps: 4, stepTitle: "Rotate the key material every year", since: "2027-01-11T09:00:00.000Z", stuck: true });
    expect(row(ann).current).toBeNull();
    expect(row(ann).assignments[lab.id]).toEqual({ status: "done", dueAt: due.toISOString(), extended: false, detail: "4/4 steps" });
    expect(row(ben).assignments[lab.id]).toEqual({ status: "overdue", dueAt: due.toISOString(), extended: false, detail: "1/4 steps" });
    // Cal finished after the class's date but before his own, extended one.
    expect(row(cal).assignments[lab.id]).toEqual({ status: "done", dueAt: "2027-01-20T17:00:00.000Z", extended: true, detail: "4/4 steps" });
    expect(row(ann).assignments[quiz.id]).toEqual({ status: "done", dueAt: due.toISOString(), extended: false, detail: "best 75% (1 attempt)" });
    expect(row(ben).assignments[quiz.id]).toEqual({ status: "late", dueAt: due.toISOString(), extended: false, detail: "best 25% (1 attempt)" });
    expect(row(cal).assignments[quiz.id]!.status).toBe("overdue");
    expect(row(ann).examPoints).toEqual({ "kms.key-types": { right: 3, answered: 4 } });
    expect(dashboard.assignments.map((assignment) => [assignment.title, assignment.done])).toEqual([
      ["Keys and aliases", 2],
      ["Chapter quiz: AWS KMS, Secrets Manager & Parameter Store", 2],
    ]);
    const { classItems } = await import("@/lib/classes/class-items-data");
    expect((await classItems(created.id, teacher))!.map((item) => [item.questionId, item.students, item.facility])).toEqual([
      ["q-0", 2, 0.5],
      ["q-2", 2, 0],
      ["q-3", 2, 0.5],
      ["q-1", 2, 1],
    ].sort((a, b) => (a[2] as number) - (b[2] as number) || String(a[0]).localeCompare(String(b[0]))));

    // Nine more students with labs and quizzes: the same number of queries.
    for (let index = 0; index < 9; index++) {
      const extra = await createUser(`extra${index}@example.com`);
      await joinClass(extra, created.joinCode);
      await finishLab(extra, "keys-and-aliases", index % 4, false, new Date("2027-01-11T09:50:00Z"));
      await takeQuiz(extra, `extra-${index}`, new Date("2027-01-09T10:00:00Z"), [index % 2 === 0, true, index % 3 === 0, false]);
    }
    const again = queriesRun();
    const bigger = (await dashboardOf(created.id, teacher, now))!;
    expect(bigger.students).toHaveLength(12);
    expect(queriesRun() - again).toBe(queries);

    // The instructor resets Ben's lab: nothing done, no log, one more reset for his browser to notice.
    expect((await studentActivity(created.id, teacher, ben))!.labs[0]).toEqual(expect.objectContaining({ labId: "keys-and-aliases", stepsDone: 1, commands: ["# 1 steps"], resets: 0 }));
    expect(await resetStudentLab(created.id, teacher, ben, "keys-and-aliases")).toBe("reset");
    expect((await studentActivity(created.id, teacher, ben))!.labs[0]).toEqual(expect.objectContaining({ labId: "keys-and-aliases", stepsDone: 0, completedAt: null, commands: [], resets: 1 }));
  });
});
