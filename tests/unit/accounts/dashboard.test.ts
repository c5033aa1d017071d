import { describe, expect, it } from "vitest";
import { createEmptyCard } from "ts-fsrs";
import { buildDashboard, validTimeZone, type CourseOutline } from "@/lib/progress/dashboard";

/**
 * The dashboard as a learner reads it, on a small made-up course: the
 * expected figures are counted by hand from the inputs.
 */
const outline: CourseOutline = {
  chapters: [
    {
      slug: "keys",
      title: "Keys",
      href: "/chapters/keys",
      sections: [
        { href: "/chapters/keys/one", title: "One", examPoints: ["kms.a", "kms.b"] },
        { href: "/chapters/keys/two", title: "Two", examPoints: ["kms.b", "kms.c"] },
      ],
    },
  ],
  examPoints: [
    { id: "kms.a", title: "Point A", serviceName: "AWS KMS" },
    { id: "kms.b", title: "Point B", serviceName: "AWS KMS" },
    { id: "kms.c", title: "Point C", serviceName: "AWS KMS" },
  ],
};

const at = (iso: string) => new Date(iso);

describe("the dashboard", () => {
  it("counts days in the learner's time zone, and the streak up to today or yesterday", () => {
    const dashboard = buildDashboard({
      outline,
      // 23:30 UTC on 2 Dec is 00:30 on 3 Dec in Paris (UTC+1 in winter).
      answers: [
        { at: at("2026-12-01T10:00:00Z"), correct: true },
        { at: at("2026-12-02T23:30:00Z"), correct: false },
        { at: at("2026-12-04T08:00:00Z"), correct: true },
        { at: at("2026-12-04T09:00:00Z"), correct: true },
      ],
      recentAttempts: [],
      memory: new Map(),
      sectionsRead: [{ path: "/chapters/keys/one", readAt: at("2026-12-02T12:00:00Z") }],
      now: at("2026-12-04T12:00:00Z"),
      timeZone: "Europe/Paris",
    });
    const last = dashboard.days.slice(-4);
    expect(last).toEqual([
      { day: "2026-12-01", answered: 1, correct: 1 },
      { day: "2026-12-02", answered: 0, correct: 0 },
      { day: "2026-12-03", answered: 1, correct: 0 },
      { day: "2026-12-04", answered: 2, correct: 2 },
    ]);
    expect(dashboard.days).toHaveLength(30);
    // Active on 1, 2 (a section), 3 and 4 December: four days running.
    expect(dashboard.streak).toEqual({ current: 4, longest: 4, activeToday: true });
    expect(dashboard.totals).toEqual({ answers: 4, correct: 3, sectionsRead: 1, sections: 2, pointsPractised: 0, points: 3 });
    expect(dashboard.chapters[0]).toMatchObject({ sectionsRead: 1, sections: 2, nextSection: { href: "/chapters/keys/two", title: "Two" } });
  });

  it("keeps a streak through a day not yet studied and breaks it after a missed day", () => {
    const base = { outline, recentAttempts: [], memory: new Map(), sectionsRead: [], timeZone: "UTC" };
    const answers = [at("2026-12-01T10:00:00Z"), at("2026-12-02T10:00:00Z"), at("2026-12-03T10:00:00Z")].map((date) => ({ at: date, correct: true }));
    expect(buildDashboard({ ...base, answers, now: at("2026-12-04T08:00:00Z") }).streak).toEqual({ current: 3, longest: 3, activeToday: false });
    expect(buildDashboard({ ...base, answers, now: at("2026-12-05T08:00:00Z") }).streak).toEqual({ current: 0, longest: 3, activeToday: false });
  });

  it("counts an exam point never practised as 0 and due, and sorts a chapter's points weakest first", () => {
    const now = at("2026-12-04T12:00:00Z");
    // A card reviewed just now is fresh: recall close to 1 and not due.
    const fresh = { ...createEmptyCard(now), state: 2, stability: 30, difficulty: 5, last_review: now, due: at("2027-01-03T12:00:00Z"), reps: 1 };
    const dashboard = buildDashboard({ outline, answers: [], recentAttempts: [], memory: new Map([["kms.b", fresh]]), sectionsRead: [], now, timeZone: "UTC" });
    const points = dashboard.chapters[0]!.points;
    expect(points.map((point) => point.id)).toEqual(["kms.a", "kms.c", "kms.b"]);
    expect(points[0]).toMatchObject({ recall: 0, practised: false, due: true });
    expect(points[2]!.recall).toBeGreaterThan(0.99);
    expect(points[2]!.due).toBe(false);
    expect(dashboard.due.count).toBe(2);
    expect(dashboard.chapters[0]!.mastery).toBeCloseTo(points[2]!.recall / 3, 10);
  });

  it("says how many days are left to the exam", () => {
    const dashboard = buildDashboard({ outline, answers: [], recentAttempts: [], memory: new Map(), sectionsRead: [], now: at("2026-12-04T23:00:00Z"), timeZone: "UTC", examDate: "2026-12-20" });
    expect(dashboard.daysToExam).toBe(16);
  });

  it("takes a known time zone and falls back to UTC for anything else", () => {
    expect(validTimeZone("America/New_York")).toBe("America/New_York");
    expect(validTimeZone("Not/AZone")).toBe("UTC");
    expect(validTimeZone(undefined)).toBe("UTC");
  });
});
