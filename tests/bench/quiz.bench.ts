/**
 * Grading a practice exam on the server: a 65-question exam (the length of
 * the associate exams) drawn from the real bank, answered at random, then
 * submitted through the same code the endpoint runs (read the stored draw and
 * answers from SQLite, grade, store the report) on a throw-away database
 * migrated with the project's migrations. Also the pure grading alone.
 * Prints one JSON line for scripts/bench.mjs.
 */
import { useMigratedDatabase } from "../unit/migrated-database";

const { remove: removeDatabase } = useMigratedDatabase("quiz-bench-");

const { createExam, saveAnswer, submitExam, examQuestions, isProblem } = await import("../../lib/quiz/practice-exam/exam-store");
const { gradeExam } = await import("../../lib/quiz/practice-exam/grade-exam");
const { drawExam, examPool } = await import("../../lib/quiz/practice-exam/draw");
const { seededRandom } = await import("../../lib/quiz/presentation");
type View = import("../../lib/quiz/presentation").QuestionView;
type Response = import("../../lib/quiz/presentation").ViewResponse;

const QUESTIONS = 65;
const EXAMS = 200;
const random = seededRandom(65);
const pick = (n: number) => Math.floor(random() * n);

function randomResponse(view: View): Response {
  switch (view.type) {
    case "single-choice":
      return { type: "single-choice", choice: pick(view.options.length) };
    case "multiple-response":
      return { type: "multiple-response", choices: [...new Set([pick(view.options.length), pick(view.options.length)])].sort() };
    case "ordering":
      return { type: "ordering", order: view.options.map((_, index) => index).sort(() => random() - 0.5) };
    case "matching":
      return { type: "matching", pairs: view.prompts.map(() => pick(view.options.length)) };
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (value: number) => Math.round(value * 100) / 100;

const questions = await examQuestions();

// Pure grading: the draw and answers in memory.
const pool = examPool([...questions.values()]);
const pure: number[] = [];
for (let run = 0; run < 2000; run++) {
  const { drawn, views } = drawExam(pool, QUESTIONS, random);
  const answers = Object.fromEntries(views.map((view) => [view.id, { response: randomResponse(view), touched: true, confidence: "sure" as const }]));
  const started = performance.now();
  gradeExam(questions, drawn, answers);
  pure.push(performance.now() - started);
}

// The endpoint's work at submission, through Prisma and SQLite.
const submit: number[] = [];
for (let run = 0; run < EXAMS; run++) {
  const exam = await createExam({ count: QUESTIONS, minutes: 130 });
  if (isProblem(exam)) throw new Error(exam.message);
  for (const view of exam.questions) await saveAnswer(exam.id, null, { questionId: view.id, answer: { response: randomResponse(view), touched: true, confidence: "sure" } });
  const started = performance.now();
  const graded = await submitExam(exam.id, null);
  submit.push(performance.now() - started);
  if (isProblem(graded) || graded.report?.score.total !== QUESTIONS) throw new Error("the exam was not graded");
}
removeDatabase();

const submitP99 = round(percentile(submit, 99));
console.log(
  JSON.stringify({
    questions: QUESTIONS,
    bank: questions.size,
    pure: { runs: pure.length, medianMs: round(percentile(pure, 50)), p99Ms: round(percentile(pure, 99)) },
    submit: { runs: submit.length, medianMs: round(percentile(submit, 50)), p99Ms: submitP99 },
    targets: [{ name: `submitting a ${QUESTIONS}-question practice exam (read, grade, store) p99 < 20 ms`, value: `${submitP99} ms`, met: submitP99 < 20 }],
  }),
);
