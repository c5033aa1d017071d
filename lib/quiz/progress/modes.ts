/** The kinds of attempt and their names, kept free of zod: the dashboard ships them to the browser. */
export const attemptModes = ["section-check", "chapter-quiz", "practice-exam", "drill"] as const;
export type AttemptMode = (typeof attemptModes)[number];

export const modeNames: Record<AttemptMode, string> = {
  "section-check": "Section check",
  "chapter-quiz": "Chapter quiz",
  "practice-exam": "Practice exam",
  drill: "Drill",
};
