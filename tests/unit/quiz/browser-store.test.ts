import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { loadExamDate, loadMemory, recentAttempts, recordAttempt, saveExamDate } from "@/lib/quiz/progress/browser-store";
import { recordAnswer } from "@/lib/quiz/memory";

/** Progress in the browser's IndexedDB (fake-indexeddb stands in for the browser's). */
const attempt = (id: string, at: string, correct: boolean) => ({
  id,
  mode: "section-check" as const,
  at,
  context: "/chapters/c/kms",
  items: [{ questionId: "kms-q", examPoints: ["kms.key-types", "kms.envelope-encryption"], correct, answered: true, confidence: "sure" as const }],
});

describe("progress in the browser", () => {
  it("records an attempt and the memory of each exam point it answered, once, however often it is saved", async () => {
    expect(await recordAttempt(attempt("attempt-1", "2026-12-01T10:00:00.000Z", true))).toBe(true);
    expect(await recordAttempt(attempt("attempt-1", "2026-12-01T10:00:00.000Z", true))).toBe(false);
    const memory = await loadMemory();
    expect([...memory.keys()].sort()).toEqual(["kms.envelope-encryption", "kms.key-types"]);
    // The same answer given to the memory model directly: stored memory equals one answer, not two.
    const once = recordAnswer(new Map(), { examPoints: ["kms.key-types"], correct: true, confidence: "sure", at: new Date("2026-12-01T10:00:00Z") });
    expect(memory.get("kms.key-types")!.reps).toBe(once.get("kms.key-types")!.reps);
    expect(memory.get("kms.key-types")!.due.getTime()).toBe(once.get("kms.key-types")!.due.getTime());
  });

  it("lists attempts newest first", async () => {
    await recordAttempt(attempt("attempt-2", "2026-12-02T10:00:00.000Z", false));
    expect((await recentAttempts()).map((entry) => entry.id)).toEqual(["attempt-2", "attempt-1"]);
  });

  it("refuses a malformed attempt and keeps the exam date only when it is a date", async () => {
    await expect(recordAttempt({ ...attempt("attempt-3", "yesterday", true) })).rejects.toThrow();
    await saveExamDate("2027-01-15");
    expect(await loadExamDate()).toBe("2027-01-15");
    await expect(saveExamDate("15/01/2027")).rejects.toThrow("not a date");
    expect(await loadExamDate()).toBe("2027-01-15");
    await saveExamDate(undefined);
    expect(await loadExamDate()).toBeUndefined();
  });
});
