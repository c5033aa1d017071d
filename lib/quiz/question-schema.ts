/**
 * What an author writes for a question in MDX (`<Quiz>` and `<SandboxTask>`),
 * as zod schemas. The content compiler checks every question against them at
 * its file and line, so a question that reaches the bank is well formed: the
 * right number of right answers, answers in range, an explanation for every
 * option, and a "(Choose two.)" that agrees with the key.
 */
import * as z from "zod";

const text = z.string().trim().min(1, "must not be empty");

export const difficulties = ["easy", "medium", "hard"] as const;
export type Difficulty = (typeof difficulties)[number];

export const questionTypes = ["single-choice", "multiple-response", "ordering", "matching"] as const;
export type QuestionType = (typeof questionTypes)[number];

/** An option with the reason it is right or wrong, shown after answering. */
const Choice = z.strictObject({ text, why: text });
export type AuthoredChoice = z.output<typeof Choice>;

const common = {
  /** Stable id: progress and the question bank refer to it, so never reuse or renumber. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "question ids are kebab-case, e.g. kms-aws-managed-rotation"),
  examPoints: z.array(text).min(1),
  difficulty: z.enum(difficulties),
  /** The lesson of the question as a whole, shown after the per-option reasons. */
  explanation: text,
};

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six"];

/** An author's 0-based index into a list must point inside it. */
function inRange(index: number, length: number, path: (string | number)[], what: string, ctx: z.RefinementCtx) {
  if (index >= length) ctx.addIssue({ code: "custom", path, message: `answer ${index} is out of range: there are ${length} ${what} (0-based)` });
}

function distinct(values: readonly string[], path: string, ctx: z.RefinementCtx) {
  if (new Set(values).size !== values.length) ctx.addIssue({ code: "custom", path: [path], message: `${path} must be distinct` });
}

const SingleChoice = z
  .strictObject({
    ...common,
    type: z.literal("single-choice"),
    question: text,
    choices: z.array(Choice).min(3).max(6),
    /** Index into `choices` of the one right answer (0-based). */
    answer: z.number().int().nonnegative(),
  })
  .superRefine((value, ctx) => {
    inRange(value.answer, value.choices.length, ["answer"], "choices", ctx);
    distinct(value.choices.map((choice) => choice.text), "choices", ctx);
  });

const MultipleResponse = z
  .strictObject({
    ...common,
    type: z.literal("multiple-response"),
    question: text,
    choices: z.array(Choice).min(4).max(8),
    /** Indexes into `choices` of every right answer (0-based); the question says how many, e.g. "(Choose two.)". */
    answers: z.array(z.number().int().nonnegative()).min(2),
  })
  .superRefine((value, ctx) => {
    for (const answer of value.answers) inRange(answer, value.choices.length, ["answers"], "choices", ctx);
    if (new Set(value.answers).size !== value.answers.length) ctx.addIssue({ code: "custom", path: ["answers"], message: "answers must be distinct" });
    if (value.answers.length >= value.choices.length) {
      ctx.addIssue({ code: "custom", path: ["answers"], message: "at least one choice must be wrong" });
    }
    distinct(value.choices.map((choice) => choice.text), "choices", ctx);
    const asked = /\(Choose (\w+)\.\)\s*$/.exec(value.question)?.[1];
    const expected = NUMBER_WORDS[value.answers.length] ?? String(value.answers.length);
    if (asked !== expected) {
      ctx.addIssue({
        code: "custom",
        path: ["question"],
        message: `a multiple-response question ends with "(Choose ${expected}.)" to match its ${value.answers.length} answers`,
      });
    }
  });

const Ordering = z
  .strictObject({
    ...common,
    type: z.literal("ordering"),
    question: text,
    /** The steps in their right order; learners see them shuffled. `why` says why a step stands where it does. */
    items: z.array(Choice).min(3).max(6),
  })
  .superRefine((value, ctx) => distinct(value.items.map((item) => item.text), "items", ctx));

const MatchingPrompt = z.strictObject({
  text,
  /** Index into `options` of the option that goes with this prompt. */
  answer: z.number().int().nonnegative(),
  why: text,
});

const Matching = z
  .strictObject({
    ...common,
    type: z.literal("matching"),
    question: text,
    prompts: z.array(MatchingPrompt).min(3).max(6),
    /** What the prompts are matched to; an option may fit several prompts, or none. */
    options: z.array(text).min(2).max(6),
  })
  .superRefine((value, ctx) => {
    value.prompts.forEach((prompt, index) => inRange(prompt.answer, value.options.length, ["prompts", index, "answer"], "options", ctx));
    distinct(value.options, "options", ctx);
    distinct(value.prompts.map((prompt) => prompt.text), "prompts", ctx);
  });

/** `<Quiz>`'s props. `type` defaults to single choice, the common case. */
export const QuizProps = z.preprocess(
  (raw) => (raw && typeof raw === "object" && !("type" in raw) ? { ...raw, type: "single-choice" } : raw),
  z.discriminatedUnion("type", [SingleChoice, MultipleResponse, Ordering, Matching]),
);
export type QuizQuestion = z.output<typeof QuizProps>;

/**
 * `<SandboxTask>`'s props: a job to do in the sandbox, graded by the state it
 * leaves, never by the commands typed. `check` is a command line that exits 0
 * when the job is done; it runs on a copy of the learner's session, so it
 * changes nothing they can see. The content check runs it on the fresh
 * scenario (it must fail) and after `solution` (it must pass).
 */
export const SandboxTaskProps = z.strictObject({
  ...common,
  /** The scenario the task starts from. */
  scenario: z.string().default("chapter-27"),
  /** What the learner is asked to do. */
  task: text,
  /** A command line that exits 0 when the task is done (e.g. `test "$(aws ... --output text)" = 30`). */
  check: text,
  /** Commands that do the task; they prove the check can pass. */
  solution: z.array(text).min(1),
  /** A nudge for a stuck learner. */
  hint: text,
});
export type SandboxTaskQuestion = z.output<typeof SandboxTaskProps>;
