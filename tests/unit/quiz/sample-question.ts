import type { SingleChoiceQuestion } from "@/lib/quiz/bank";

/** A small single-choice bank question (the fixture course's first quiz), with any fields changed. */
export function sampleQuestion(overrides: Partial<SingleChoiceQuestion> = {}): SingleChoiceQuestion {
  return {
    id: "kms-demo",
    type: "single-choice",
    examPoints: ["kms.envelope-encryption"],
    services: ["kms"],
    question: "What encrypts the data?",
    difficulty: "easy",
    choices: [
      { text: "The KMS key", why: "It encrypts the data key, not the data." },
      { text: "A data key", why: "Right: the data key encrypts the data locally." },
      { text: "The root user", why: "A user is not a key." },
    ],
    answer: 1,
    explanation: "KMS keys encrypt at most 4 KB.",
    section: { chapter: "demo", slug: "first", title: "First steps", href: "/chapters/demo/first" },
    source: { file: "content/chapters/demo/01-first.mdx", line: 15 },
    ...overrides,
  };
}
