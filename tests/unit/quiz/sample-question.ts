import type { BankQuestion } from "@/lib/quiz/bank";

/** A small single-choice bank question (the fixture course's first quiz), with any fields changed. */
export function sampleQuestion(overrides: Partial<BankQuestion> = {}): BankQuestion {
  return {
    id: "kms-demo",
    type: "single-choice",
    examPoints: ["kms.envelope-encryption"],
    services: ["kms"],
    question: "What encrypts the data?",
    choices: ["The KMS key", "A data key"],
    answer: 1,
    explanation: "KMS keys encrypt at most 4 KB.",
    section: { chapter: "demo", slug: "first", title: "First steps", href: "/chapters/demo/first" },
    source: { file: "content/chapters/demo/01-first.mdx", line: 15 },
    ...overrides,
  };
}
