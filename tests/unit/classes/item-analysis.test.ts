import { describe, expect, it } from "vitest";
import { itemAnalysis } from "@/lib/classes/item-analysis";
import { formatJoinCode, newJoinCode, normalizeJoinCode } from "@/lib/classes/join-code";

/**
 * Facility and discrimination as classical test theory defines them. The
 * expected figures were computed with Python's statistics.correlation on the
 * same six students (item score against the share right on the other three
 * questions), not with this code.
 */
const table: Record<string, number[]> = { s1: [1, 1, 1, 0], s2: [1, 1, 0, 0], s3: [1, 0, 1, 1], s4: [0, 1, 0, 0], s5: [0, 0, 0, 1], s6: [1, 1, 1, 1] };
const answers = Object.entries(table).flatMap(([userId, scores]) => scores.map((score, index) => ({ userId, questionId: `q${index + 1}`, correct: score === 1 })));

describe("item analysis", () => {
  it("gives each question's facility and corrected item-total correlation, hardest first", () => {
    const result = itemAnalysis(answers).map((item) => ({ ...item, facility: Number(item.facility.toFixed(6)), discrimination: item.discrimination === null ? null : Number(item.discrimination.toFixed(6)) }));
    expect(result).toEqual([
      { questionId: "q3", students: 6, facility: 0.5, discrimination: 0.727607 },
      { questionId: "q4", students: 6, facility: 0.5, discrimination: -0.156174 },
      { questionId: "q1", students: 6, facility: 0.666667, discrimination: 0.632456 },
      { questionId: "q2", students: 6, facility: 0.666667, discrimination: -0.213201 },
    ]);
  });

  it("leaves discrimination out for fewer than five students, or when nobody (or everybody) got it right", () => {
    expect(itemAnalysis(answers.filter((answer) => ["s1", "s2", "s3", "s4"].includes(answer.userId)))[0]!.discrimination).toBeNull();
    const everyoneRight = answers.map((answer) => (answer.questionId === "q1" ? { ...answer, correct: true } : answer));
    expect(itemAnalysis(everyoneRight).find((item) => item.questionId === "q1")).toEqual({ questionId: "q1", students: 6, facility: 1, discrimination: null });
  });
});

describe("join codes", () => {
  it("are 8 characters of Crockford base32, read back as people type them", () => {
    const code = newJoinCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(normalizeJoinCode(formatJoinCode(code).toLowerCase())).toBe(code);
    expect(normalizeJoinCode(" abcd-efgo ")).toBe("ABCDEFG0");
    expect(normalizeJoinCode("ilo1-2345")).toBe("1101" + "2345");
    expect(normalizeJoinCode("ABCD-EFGU")).toBeUndefined();
    expect(normalizeJoinCode("ABC")).toBeUndefined();
  });
});
