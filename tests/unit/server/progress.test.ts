import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAnswer, type Memory } from "@/lib/quiz/memory";
import type { Attempt } from "@/lib/quiz/progress/attempt";
import { createUser, testProvider, useTestDatabase } from "./test-database";

/**
 * The progress repositories on a real database (SQLite, and PostgreSQL in the
 * server-postgresql run): attempts with every answer, stored once whatever
 * the retries; the FSRS memory of each exam point as ts-fsrs computes it from
 * the answers in time order, however they arrive; merges of browser progress.
 */
let remove = async () => {};
beforeAll(async () => {
  ({ remove } = await useTestDatabase("progress-"));
});
afterAll(() => remove());

const attempts = () => import("@/lib/progress/attempts");
const memoryOf = async (userId: string) => (await import("@/lib/progress/memory-cards")).memoryOf(userId);
const merge = () => import("@/lib/progress/merge");
const database = async () => (await import("@/lib/db/client")).db();

function attempt(id: string, at: string, items: [string, string[], boolean, "sure" | "unsure"][], mode: Attempt["mode"] = "drill"): Attempt {
  return { id, mode, at, context: "/practice/drill", items: items.map(([questionId, examPoints, correct, confidence]) => ({ questionId, examPoints, correct, answered: true, confidence })) };
}

/** ts-fsrs applied to the answers in time order: what the stored memory must equal. */
function expectedMemory(all: Attempt[]): Memory {
  let memory: Memory = new Map();
  for (const one of [...all].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)))
    for (const item of one.items) memory = recordAnswer(memory, { examPoints: item.examPoints, correct: item.correct, confidence: item.confidence, at: new Date(one.at) });
  return memory;
}

describe(`progress on ${testProvider}`, () => {
  it("stores an attempt with each answer, and a second write of it changes nothing", async () => {
    const { recordAttempt, recentAttempts } = await attempts();
    const user = await createUser("ada@example.com");
    const first = attempt("attempt-0001", "2026-12-01T10:00:00.000Z", [
      ["q1", ["kms.envelope-encryption"], true, "sure"],
      ["q2", ["kms.envelope-encryption", "kms.key-policy"], false, "unsure"],
    ]);
    expect(await recordAttempt(user, first)).toEqual({ stored: true });
    expect(await recordAttempt(user, first)).toEqual({ stored: false });
    const db = await database();
    expect(await db.attempt.count({ where: { userId: user } })).toBe(1);
    expect(await db.attemptAnswer.count({ where: { attempt: { userId: user } } })).toBe(2);
    expect(await recentAttempts(db, user)).toEqual([first]);
    expect(await memoryOf(user)).toEqual(expectedMemory([first]));
  });

  it("keeps one user's rows apart from another's", async () => {
    const { recordAttempt, recentAttempts } = await attempts();
    const [alice, bob] = [await createUser("alice@example.com"), await createUser("bob@example.com")];
    const same = attempt("shared-id-1", "2026-12-02T10:00:00.000Z", [["q1", ["kms.key-policy"], true, "sure"]]);
    expect(await recordAttempt(alice, same)).toEqual({ stored: true });
    // The same browser id from another account is another attempt, not a duplicate.
    expect(await recordAttempt(bob, same)).toEqual({ stored: true });
    const db = await database();
    expect(await recentAttempts(db, alice)).toHaveLength(1);
    expect(await recentAttempts(db, bob)).toHaveLength(1);
  });

  it("computes memory in time order even when older answers arrive last (a merge after newer answers)", async () => {
    const { recordAttempt } = await attempts();
    const user = await createUser("carol@example.com");
    const newer = attempt("newer-0001", "2026-12-03T10:00:00.000Z", [["q1", ["kms.key-policy"], true, "sure"]]);
    const older = [
      attempt("older-0001", "2026-11-20T10:00:00.000Z", [["q2", ["kms.key-policy"], false, "sure"]]),
      attempt("older-0002", "2026-11-25T10:00:00.000Z", [["q3", ["kms.key-policy", "kms.grants"], true, "unsure"]]),
    ];
    await recordAttempt(user, newer);
    const { mergeBrowserProgress } = await merge();
    const result = await mergeBrowserProgress(user, { attempts: [...older, newer], sectionsRead: [], examDate: "2027-01-15" });
    expect(result).toEqual({ attemptsAdded: 2, attemptsAlreadyThere: 1, sectionsAdded: 0, examDateSet: true });
    expect(await memoryOf(user)).toEqual(expectedMemory([newer, ...older]));
    // Merging the same browser progress again (a second sign-in) adds nothing.
    expect(await mergeBrowserProgress(user, { attempts: older, sectionsRead: [], examDate: "2027-02-01" })).toEqual({ attemptsAdded: 0, attemptsAlreadyThere: 2, sectionsAdded: 0, examDateSet: false });
    expect((await (await database()).user.findUnique({ where: { id: user } }))?.examDate).toBe("2027-01-15");
  });

  it("never believes a memory card that counts a different number of answers: it is replayed and stored again", async () => {
    const { recordAttempt } = await attempts();
    const user = await createUser("stale@example.com");
    const sent = [
      attempt("stale-0001", "2026-11-01T10:00:00.000Z", [["q1", ["kms.grants"], true, "sure"]]),
      attempt("stale-0002", "2026-11-05T10:00:00.000Z", [["q2", ["kms.grants"], false, "sure"]]),
    ];
    for (const one of sent) await recordAttempt(user, one);
    expect(await memoryOf(user)).toEqual(expectedMemory(sent));
    const db = await database();
    // A card left behind by a reader that computed before the second answer committed.
    const early = expectedMemory(sent.slice(0, 1)).get("kms.grants")!;
    await db.memoryCard.update({ where: { userId_examPoint: { userId: user, examPoint: "kms.grants" } }, data: { card: JSON.stringify(early), answers: 1 } });
    expect(await memoryOf(user)).toEqual(expectedMemory(sent));
    expect((await db.memoryCard.findUnique({ where: { userId_examPoint: { userId: user, examPoint: "kms.grants" } } }))?.answers).toBe(2);
  });

  it("merges sections read keeping the earliest reading", async () => {
    const { mergeBrowserProgress } = await merge();
    const { markSectionRead, sectionsRead } = await import("@/lib/progress/sections");
    const user = await createUser("dan@example.com");
    const path = "/chapters/kms-secrets-manager-parameter-store/kms";
    await markSectionRead(user, path, new Date("2026-12-03T00:00:00Z"));
    await markSectionRead(user, path, new Date("2026-12-04T00:00:00Z"));
    const result = await mergeBrowserProgress(user, { attempts: [], sectionsRead: [{ path, at: "2026-11-30T00:00:00.000Z" }, { path: "/chapters/kms-secrets-manager-parameter-store", at: "2026-12-01T00:00:00.000Z" }] });
    expect(result.sectionsAdded).toBe(1);
    expect(await sectionsRead(user)).toEqual([
      { path, readAt: new Date("2026-11-30T00:00:00Z") },
      { path: "/chapters/kms-secrets-manager-parameter-store", readAt: new Date("2026-12-01T00:00:00Z") },
    ]);
  });

  it("loses and duplicates nothing under 200 parallel submissions from several users, retries included", async () => {
    const { recordAttempt } = await attempts();
    const users = await Promise.all([0, 1, 2, 3].map((index) => createUser(`load${index}@example.com`)));
    const points = ["kms.key-policy", "kms.grants", "kms.envelope-encryption"];
    const sent = users.map((_user, u) =>
      Array.from({ length: 40 }, (_, index) =>
        attempt(`load-${u}-${String(index).padStart(3, "0")}`, new Date(Date.UTC(2026, 10, 1) + index * 3_600_000).toISOString(), [[`q${index}`, [points[index % 3]!], index % 4 !== 0, index % 5 === 0 ? "unsure" : "sure"]]),
      ),
    );
    // 160 distinct attempts and 40 retries of some of them, all at once.
    const work = sent.flatMap((list, u) => list.map((one) => ({ user: users[u]!, one })));
    const retries = work.filter((_entry, index) => index % 4 === 0);
    const results = await Promise.all([...work, ...retries].map(({ user, one }) => recordAttempt(user, one)));
    expect(results).toHaveLength(200);
    expect(results.filter((result) => result.stored)).toHaveLength(160);
    const db = await database();
    for (const [u, user] of users.entries()) {
      expect(await db.attempt.count({ where: { userId: user } })).toBe(40);
      expect(await db.attemptAnswer.count({ where: { attempt: { userId: user } } })).toBe(40);
      // Every answer counted exactly once, in time order, however the requests interleaved.
      expect(await memoryOf(user)).toEqual(expectedMemory(sent[u]!));
    }
  });
});

describe("the rest of a learner's data", () => {
  it("keeps named sandbox saves per user, replaces by name, and caps how many", async () => {
    const saves = await import("@/lib/progress/sandbox-saves");
    const { MAX_SANDBOX_SAVES } = await import("@/lib/progress/schemas");
    const [user, other] = [await createUser("eve@example.com"), await createUser("frank@example.com")];
    expect(await saves.putSandboxSave(user, { name: "before rotation", scenario: "kms-basics", snapshot: '{"v":1}' })).toEqual({ created: true });
    expect(await saves.putSandboxSave(user, { name: "before rotation", scenario: "kms-basics", snapshot: '{"v":2}' })).toEqual({ created: false });
    expect((await saves.getSandboxSave(user, "before rotation"))?.snapshot).toBe('{"v":2}');
    expect(await saves.getSandboxSave(other, "before rotation")).toBeNull();
    expect(await saves.deleteSandboxSave(other, "before rotation")).toBe(false);
    for (let index = 1; index < MAX_SANDBOX_SAVES; index++) await saves.putSandboxSave(user, { name: `save ${index}`, scenario: "kms-basics", snapshot: "{}" });
    await expect(saves.putSandboxSave(user, { name: "one too many", scenario: "kms-basics", snapshot: "{}" })).rejects.toThrow(`You have ${MAX_SANDBOX_SAVES} saves`);
    expect(await saves.deleteSandboxSave(user, "before rotation")).toBe(true);
    expect((await saves.listSandboxSaves(user)).map((save) => save.name)).not.toContain("before rotation");
  });

  it("moves lab progress only forward and keeps a completion, except that a log from before an instructor's reset is refused", async () => {
    const labs = await import("@/lib/progress/labs");
    const user = await createUser("gina@example.com");
    const record = (stepsDone: number, completed: boolean, solutionsShown: number, resets = 0) => ({ labId: "keys-and-aliases", stepsDone, completed, solutionsShown, commands: [`step ${stepsDone}`], logStartedAt: new Date("2026-12-04T10:00:00Z"), resets });
    expect(await labs.recordLabReplay(user, record(3, false, 1))).toEqual({ status: "recorded", stepsDone: 3, completed: false });
    expect(await labs.recordLabReplay(user, record(1, false, 0))).toEqual({ status: "recorded", stepsDone: 3, completed: false });
    expect(await labs.recordLabReplay(user, record(5, true, 1), new Date("2026-12-04T12:00:00Z"))).toEqual({ status: "recorded", stepsDone: 5, completed: true });
    await labs.recordLabReplay(user, record(5, false, 2));
    expect(await labs.labProgress(user)).toEqual([expect.objectContaining({ labId: "keys-and-aliases", stepsDone: 5, solutionsShown: 2, completedAt: new Date("2026-12-04T12:00:00Z"), resets: 0 })]);
    const db = await database();
    expect(JSON.parse((await db.labProgress.findFirstOrThrow({ where: { userId: user } })).commandLog)).toEqual(["step 5"]);
    await db.labProgress.updateMany({ where: { userId: user }, data: { stepsDone: 0, completedAt: null, resets: 1 } });
    expect(await labs.recordLabReplay(user, record(5, true, 2, 0))).toEqual({ status: "reset", resets: 1 });
    expect(await labs.recordLabReplay(user, record(1, false, 0, 1))).toEqual({ status: "recorded", stepsDone: 1, completed: false });
  });

  it("keeps a lab's log sent between steps without moving its steps, and refuses one from before a reset", async () => {
    const labs = await import("@/lib/progress/labs");
    const user = await createUser("hal@example.com");
    const at = new Date("2026-12-04T10:00:00Z");
    expect(await labs.recordLabActivity(user, { labId: "troubleshooting", commands: ["bash app.sh"], logStartedAt: at, resets: 0 }, at)).toEqual({ status: "recorded" });
    await labs.recordLabReplay(user, { labId: "troubleshooting", stepsDone: 1, completed: false, solutionsShown: 0, commands: ["bash app.sh", "aws kms enable-key --key-id x"], logStartedAt: at, resets: 0 }, new Date("2026-12-04T10:05:00Z"));
    expect(await labs.recordLabActivity(user, { labId: "troubleshooting", commands: ["bash app.sh", "aws kms enable-key --key-id x", "bash app.sh"], logStartedAt: at, resets: 0 }, new Date("2026-12-04T10:06:00Z"))).toEqual({ status: "recorded" });
    const db = await database();
    const row = await db.labProgress.findFirstOrThrow({ where: { userId: user, labId: "troubleshooting" } });
    expect({ stepsDone: row.stepsDone, commands: JSON.parse(row.commandLog), lastActivityAt: row.lastActivityAt, stepStartedAt: row.stepStartedAt }).toEqual({
      stepsDone: 1,
      commands: ["bash app.sh", "aws kms enable-key --key-id x", "bash app.sh"],
      lastActivityAt: new Date("2026-12-04T10:06:00Z"),
      stepStartedAt: new Date("2026-12-04T10:05:00Z"),
    });
    await db.labProgress.updateMany({ where: { userId: user, labId: "troubleshooting" }, data: { resets: 2 } });
    expect(await labs.recordLabActivity(user, { labId: "troubleshooting", commands: [], logStartedAt: at, resets: 1 })).toEqual({ status: "reset", resets: 2 });
  });

  it("rate-limits per key in fixed windows counted in the database", async () => {
    const { consume } = await import("@/lib/http/rate-limit");
    const limit = { max: 3, windowSeconds: 60 };
    const start = Date.UTC(2026, 11, 4, 12);
    const decisions = [];
    for (let index = 0; index < 4; index++) decisions.push(await consume("test|203.0.113.9", limit, start + index * 1000));
    expect(decisions).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }, { allowed: false, retryAfterSeconds: 57 }]);
    expect(await consume("test|198.51.100.1", limit, start + 4000)).toEqual({ allowed: true });
    expect(await consume("test|203.0.113.9", limit, start + 60_000)).toEqual({ allowed: true });
  });

  it("deletes every row of a user with the account, and nobody else's", async () => {
    const { recordAttempt } = await attempts();
    const { deleteAccountData, exportAccount } = await import("@/lib/progress/account-data");
    const { putSandboxSave } = await import("@/lib/progress/sandbox-saves");
    const { markSectionRead } = await import("@/lib/progress/sections");
    const { submitFeedback } = await import("@/lib/feedback/store");
    const { createExam } = await import("@/lib/quiz/practice-exam/exam-store");
    const [leaving, staying] = [await createUser("leaving@example.com"), await createUser("staying@example.com")];
    for (const user of [leaving, staying]) {
      await recordAttempt(user, attempt(`del-${user}`, "2026-12-01T00:00:00.000Z", [["q1", ["kms.key-policy"], true, "sure"]]));
      await putSandboxSave(user, { name: "mine", scenario: "kms-basics", snapshot: '{"a":1}' });
      await markSectionRead(user, "/chapters/kms-secrets-manager-parameter-store/kms");
      await submitFeedback({ pagePath: "/chapters/kms-secrets-manager-parameter-store/kms", kind: "other", message: "A report long enough." }, user);
      await createExam({ count: 5, minutes: 10 }, new Date(), user);
      await memoryOf(user); // writes the memory cards
    }
    const exported = await exportAccount(leaving);
    expect(exported).toMatchObject({ user: { email: "leaving@example.com" }, attempts: [{ id: `del-${leaving}` }], sandboxSaves: [{ name: "mine", snapshot: { a: 1 } }], feedback: [{ message: "A report long enough." }] });
    expect(JSON.stringify(exported)).not.toMatch(/password|token/i);
    await deleteAccountData(leaving);
    const db = await database();
    const counts = async (userId: string) => [
      await db.user.count({ where: { id: userId } }),
      await db.attempt.count({ where: { userId } }),
      await db.memoryCard.count({ where: { userId } }),
      await db.sectionRead.count({ where: { userId } }),
      await db.sandboxSave.count({ where: { userId } }),
      await db.practiceExam.count({ where: { userId } }),
      await db.feedback.count({ where: { userId } }),
    ];
    expect(await counts(leaving)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await db.attemptAnswer.count({ where: { attempt: { userId: leaving } } })).toBe(0);
    expect(await counts(staying)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
});
