/**
 * Practice exams on the server (Prisma): created with a draw the page never
 * sees, answered question by question (so a reload or a closed tab loses
 * nothing), and graded once, at submission or after the time is up. After
 * the deadline (plus a grace for the last request in flight) answers are no
 * longer accepted; a submission then grades what was saved in time.
 */
import { randomBytes } from "node:crypto";
import * as z from "zod";
import { db } from "@/lib/db/client";
import { recordAttempt } from "@/lib/progress/attempts";
import { loadCourse } from "@/lib/content/course";
import { questionBank, isChoiceQuestion, type ChoiceQuestion } from "../bank";
import { seededRandom, viewOf, type QuestionView } from "../presentation";
import { drawExam, examPool, type DrawnQuestion } from "./draw";
import { gradeExam, type ExamReport } from "./grade-exam";
import { savedAnswerSchema, type CreateExamRequest, type SaveAnswerRequest, type SavedAnswer } from "./schemas";

/** Time after the deadline in which a request sent before it still counts. */
export const GRACE_MS = 30_000;

export type ExamProblem = { status: 404 | 409 | 422; message: string };

/** What the page gets: the questions as shown, never their answers (until submitted: the report). */
export interface ExamState {
  id: string;
  minutes: number;
  deadline: string;
  /** The server's clock when this was read, so the page's timer does not trust the learner's clock. */
  now: string;
  questions: QuestionView[];
  answers: Record<string, SavedAnswer>;
  flagged: string[];
  submitted: boolean;
  report?: ExamReport;
}

const drawSchema = z.array(z.strictObject({ questionId: z.string(), map: z.strictObject({ options: z.array(z.number().int()) }) }));
const answersSchema = z.record(z.string(), savedAnswerSchema);
const flaggedSchema = z.array(z.string());

let questionsById: Promise<Map<string, ChoiceQuestion>> | undefined;
/** The bank's choice questions by id (built once per server process from the compiled course). */
export function examQuestions(): Promise<Map<string, ChoiceQuestion>> {
  questionsById ??= loadCourse().then((course) => new Map(questionBank(course).filter(isChoiceQuestion).map((question) => [question.id, question])));
  return questionsById;
}

function views(questions: ReadonlyMap<string, ChoiceQuestion>, drawn: readonly DrawnQuestion[]): QuestionView[] {
  return drawn.flatMap(({ questionId, map }) => {
    const question = questions.get(questionId);
    return question ? [viewOf(question, map)] : [];
  });
}

/** Exams started without an account are kept this long, then deleted (an owned exam stays with its owner). */
export const ANONYMOUS_EXAM_DAYS = 30;

/**
 * Who may see an exam: its owner only, when it has one (anyone else is told it
 * does not exist, so an id reveals nothing); anyone with the id otherwise.
 */
function visibleTo(row: { userId: string | null }, viewer: string | null): boolean {
  return row.userId === null || row.userId === viewer;
}

export async function createExam(request: CreateExamRequest, now = new Date(), owner: string | null = null): Promise<ExamState | ExamProblem> {
  const questions = await examQuestions();
  const pool = examPool([...questions.values()], request.services);
  if (pool.length < request.count) return { status: 422, message: `There are ${pool.length} questions for that choice of services; ask for at most ${pool.length}.` };
  const seed = randomBytes(4).readInt32LE();
  const { drawn } = drawExam(pool, request.count, seededRandom(seed));
  const id = randomBytes(16).toString("base64url");
  const deadline = new Date(now.getTime() + request.minutes * 60_000);
  await db().practiceExam.create({ data: { id, minutes: request.minutes, deadline, draw: JSON.stringify(drawn), createdAt: now, userId: owner } });
  await db().practiceExam.deleteMany({ where: { userId: null, createdAt: { lt: new Date(now.getTime() - ANONYMOUS_EXAM_DAYS * 86_400_000) } } });
  return { id, minutes: request.minutes, deadline: deadline.toISOString(), now: now.toISOString(), questions: views(questions, drawn), answers: {}, flagged: [], submitted: false };
}

const NOT_FOUND: ExamProblem = { status: 404, message: "There is no practice exam with that id (it may have been started on another server or deleted)." };

type ExamRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["practiceExam"]["findUnique"]>>>;

/** The page's view of a stored exam; `report` once it is graded. */
function stateOf(row: ExamRow, questions: ReadonlyMap<string, ChoiceQuestion>, now: Date, report?: ExamReport): ExamState {
  return {
    id: row.id,
    minutes: row.minutes,
    deadline: row.deadline.toISOString(),
    now: now.toISOString(),
    questions: views(questions, drawSchema.parse(JSON.parse(row.draw))),
    answers: answersSchema.parse(JSON.parse(row.answers)),
    flagged: flaggedSchema.parse(JSON.parse(row.flagged)),
    submitted: report !== undefined,
    ...(report ? { report } : {}),
  };
}

/**
 * The report of a submitted exam, rebuilt from the draw and the answers (grading is deterministic
 * and takes well under a millisecond); the row keeps only the score it had when it was submitted.
 */
function reportOf(row: ExamRow, questions: ReadonlyMap<string, ChoiceQuestion>): ExamReport {
  return gradeExam(questions, drawSchema.parse(JSON.parse(row.draw)), answersSchema.parse(JSON.parse(row.answers)));
}

/** Grades an exam not yet submitted and records it as submitted. */
async function finish(row: ExamRow, questions: ReadonlyMap<string, ChoiceQuestion>, now: Date): Promise<ExamState | ExamProblem> {
  const report = reportOf(row, questions);
  const summary = { score: report.score, byExamPoint: report.byExamPoint, byService: report.byService, withdrawn: report.withdrawn };
  // Conditional on nothing having changed since the read: of two submissions racing, one grades and the
  // other reads its result, and an answer saved in between is graded rather than lost.
  const { count } = await db().practiceExam.updateMany({ where: { id: row.id, submittedAt: null, answers: row.answers }, data: { submittedAt: now, report: JSON.stringify(summary) } });
  if (count === 0) return submitExam(row.id, row.userId, now);
  // An owner's exam goes into their progress here, from the server's grading; the page's copy of
  // the same attempt (same id) then changes nothing.
  if (row.userId) {
    await recordAttempt(row.userId, {
      id: `exam-${row.id}`,
      mode: "practice-exam",
      at: now.toISOString(),
      context: `/practice/exam/${row.id}`,
      items: report.items.map((item) => ({ questionId: item.questionId, examPoints: item.examPoints, correct: item.correct, answered: item.answered, confidence: item.answered ? item.confidence : "unsure" })),
    });
  }
  return stateOf(row, questions, now, report);
}

export async function readExam(id: string, viewer: string | null, now = new Date()): Promise<ExamState | ExamProblem> {
  const row = await db().practiceExam.findUnique({ where: { id } });
  if (!row || !visibleTo(row, viewer)) return NOT_FOUND;
  const questions = await examQuestions();
  if (row.submittedAt) return stateOf(row, questions, now, reportOf(row, questions));
  // Time ran out with the page closed: the exam submits itself with what was saved.
  if (now.getTime() > row.deadline.getTime() + GRACE_MS) return finish(row, questions, now);
  return stateOf(row, questions, now);
}

/** Saves one answer and/or flag. Refused after submission and after the deadline. */
export async function saveAnswer(id: string, viewer: string | null, request: SaveAnswerRequest, now = new Date()): Promise<{ ok: true } | ExamProblem> {
  return db().$transaction(async (tx) => {
    const row = await tx.practiceExam.findUnique({ where: { id } });
    if (!row || !visibleTo(row, viewer)) return NOT_FOUND;
    if (row.submittedAt) return { status: 409, message: "This exam has been submitted; its answers can no longer change." } as const;
    if (now.getTime() > row.deadline.getTime() + GRACE_MS) return { status: 409, message: "Time is up: answers are no longer accepted. Submit to see your report." } as const;
    const drawn = drawSchema.parse(JSON.parse(row.draw));
    if (!drawn.some((entry) => entry.questionId === request.questionId)) return { status: 422, message: `Question "${request.questionId}" is not part of this exam.` } as const;
    const data: { answers?: string; flagged?: string } = {};
    if (request.answer) {
      const answers = answersSchema.parse(JSON.parse(row.answers));
      answers[request.questionId] = request.answer;
      data.answers = JSON.stringify(answers);
    }
    if (request.flagged !== undefined) {
      const flagged = new Set(flaggedSchema.parse(JSON.parse(row.flagged)));
      if (request.flagged) flagged.add(request.questionId);
      else flagged.delete(request.questionId);
      data.flagged = JSON.stringify([...flagged]);
    }
    await tx.practiceExam.update({ where: { id }, data });
    return { ok: true } as const;
  });
}

/** Grades the exam once; a second submission returns the same report. */
export async function submitExam(id: string, viewer: string | null, now = new Date()): Promise<ExamState | ExamProblem> {
  const row = await db().practiceExam.findUnique({ where: { id } });
  if (!row || !visibleTo(row, viewer)) return NOT_FOUND;
  const questions = await examQuestions();
  return row.submittedAt ? stateOf(row, questions, now, reportOf(row, questions)) : finish(row, questions, now);
}

export function isProblem(value: object): value is ExamProblem {
  return "status" in value && "message" in value;
}
