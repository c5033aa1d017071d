"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { emptyResponse, isAnswered, type ViewResponse } from "@/lib/quiz/presentation";
import type { ExamState } from "@/lib/quiz/practice-exam/exam-store";
import type { SavedAnswer } from "@/lib/quiz/practice-exam/schemas";
import { ExamReportView } from "./ExamReportView";
import { jsonOrError, messageOf } from "./fetch-json";
import { ResponseInput } from "./ResponseInput";

type Load = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; exam: ExamState; offset: number };

function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${hours > 0 ? `${hours}:` : ""}${String(minutes).padStart(hours > 0 ? 2 : 1, "0")}:${String(seconds).padStart(2, "0")}`;
}

/**
 * A timed practice exam, as the real one runs: one question at a time, a
 * navigator showing what is answered and flagged for review, a clock, and a
 * submission that happens by itself when time runs out. Every answer is saved
 * on the server as it is given, so a reload (or another tab) carries on where
 * the learner was. The page never has the answers: the server grades.
 */
export function ExamRunner({ id }: { id: string }) {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [index, setIndex] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const submitted = useRef(false);
  const indexKey = `keystone:exam:${id}:index`;

  useEffect(() => {
    fetch(`/api/practice-exams/${id}`, { cache: "no-store" })
      .then(async (response) => {
        const exam = await jsonOrError<ExamState>(response);
        submitted.current = exam.submitted;
        setLoad({ status: "ready", exam, offset: Date.parse(exam.now) - Date.now() });
        const kept = Number(sessionStorage.getItem(indexKey));
        if (Number.isInteger(kept) && kept >= 0 && kept < exam.questions.length) setIndex(kept);
      })
      .catch((error: unknown) => setLoad({ status: "failed", message: messageOf(error) }));
  }, [id, indexKey]);

  useEffect(() => {
    sessionStorage.setItem(indexKey, String(index));
  }, [index, indexKey]);

  const submit = useCallback(async () => {
    if (submitted.current) return;
    submitted.current = true;
    setSubmitting(true);
    await queue.current;
    try {
      const exam = await jsonOrError<ExamState>(await fetch(`/api/practice-exams/${id}/submit`, { method: "POST" }));
      setLoad((previous) => (previous.status === "ready" ? { ...previous, exam } : previous));
    } catch (error) {
      submitted.current = false;
      setSaveProblem(`The exam could not be submitted: ${messageOf(error)}. Try again.`);
    } finally {
      setSubmitting(false);
    }
  }, [id]);

  const ready = load.status === "ready" ? load : undefined;
  const deadline = ready ? Date.parse(ready.exam.deadline) : 0;
  const remaining = ready ? deadline - (now + ready.offset) : 0;
  const running = ready !== undefined && !ready.exam.submitted;

  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [running]);

  useEffect(() => {
    if (running && remaining <= 0) void submit();
  }, [running, remaining, submit]);

  if (load.status === "loading") return <p aria-busy="true">Loading your exam…</p>;
  if (load.status === "failed") return <p role="alert">This exam could not be loaded: {load.message}</p>;
  const { exam } = load;
  if (exam.submitted && exam.report) return <ExamReportView examId={exam.id} report={exam.report} />;

  const save = (questionId: string, change: { answer?: SavedAnswer; flagged?: boolean }) => {
    setLoad((previous) => {
      if (previous.status !== "ready") return previous;
      const next = { ...previous.exam, answers: { ...previous.exam.answers }, flagged: [...previous.exam.flagged] };
      if (change.answer) next.answers[questionId] = change.answer;
      if (change.flagged !== undefined) next.flagged = change.flagged ? [...new Set([...next.flagged, questionId])] : next.flagged.filter((flag) => flag !== questionId);
      return { ...previous, exam: next };
    });
    // One request at a time, in order: the server always ends with the latest answer.
    queue.current = queue.current.then(async () => {
      try {
        const response = await fetch(`/api/practice-exams/${id}/answers`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ questionId, ...change }) });
        if (!response.ok) await jsonOrError(response);
        setSaveProblem(null);
      } catch (error) {
        setSaveProblem(`Your last answer was not saved: ${messageOf(error)}`);
      }
    });
  };

  const view = exam.questions[index]!;
  const saved = exam.answers[view.id];
  const response: ViewResponse = saved?.response ?? emptyResponse(view);
  const flagged = new Set(exam.flagged);
  const answeredCount = exam.questions.filter((question) => {
    const answer = exam.answers[question.id];
    return answer !== undefined && isAnswered(answer.response, answer.touched);
  }).length;
  const lowTime = remaining < 5 * 60_000;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_16rem]">
      <div>
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600">
          <p className="text-sm">
            Question <strong>{index + 1}</strong> of {exam.questions.length} · {answeredCount} answered
          </p>
          <p role="timer" aria-live={lowTime ? "polite" : "off"} aria-label={`Time left ${clock(remaining)}`} className={`font-mono text-lg ${lowTime ? "text-rose-700 dark:text-rose-300" : ""}`} data-testid="exam-clock">
            {submitting ? "Submitting…" : clock(remaining)}
          </p>
        </div>
        {reviewing ? (
          <section aria-labelledby="review-heading" className="mt-4 rounded-xl border border-slate-300 p-4 dark:border-slate-600">
            <h2 id="review-heading" className="text-xl font-semibold">
              Ready to submit?
            </h2>
            <p className="mt-2">
              {answeredCount} of {exam.questions.length} answered; {exam.questions.length - answeredCount} unanswered (an unanswered question counts as wrong); {flagged.size} flagged for review.
            </p>
            <div className="mt-4 flex gap-3">
              <button type="button" onClick={() => void submit()} disabled={submitting} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50">
                Submit the exam
              </button>
              <button type="button" onClick={() => setReviewing(false)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600">
                Back to the questions
              </button>
            </div>
          </section>
        ) : (
          <form className="mt-4 rounded-xl border border-slate-300 bg-white p-4 shadow-sm dark:border-slate-600 dark:bg-slate-900" data-question-id={view.id} onSubmit={(event) => event.preventDefault()}>
            <fieldset className="min-w-0 [overflow-wrap:anywhere]">
              <legend className="sr-only">Question {index + 1}</legend>
              <p className="font-medium text-slate-900 dark:text-slate-100">{view.question}</p>
              {view.type === "ordering" ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Put the steps in order with the arrow buttons.</p> : null}
              {view.type === "matching" ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Match each item to one option.</p> : null}
              <ResponseInput view={view} value={response} onChange={(next) => save(view.id, { answer: { response: next, touched: true, confidence: saved?.confidence ?? "sure" } })} />
            </fieldset>
            <div className="mt-4 flex flex-wrap gap-4 text-sm">
              {view.type === "ordering" && !(saved?.touched ?? false) ? (
                <button type="button" className="rounded-md border border-slate-300 px-3 py-1 dark:border-slate-600" onClick={() => save(view.id, { answer: { response, touched: true, confidence: saved?.confidence ?? "sure" } })}>
                  This order is my answer
                </button>
              ) : null}
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={saved?.confidence === "unsure"}
                  disabled={saved === undefined}
                  onChange={(event) => saved && save(view.id, { answer: { ...saved, confidence: event.target.checked ? "unsure" : "sure" } })}
                />
                I am guessing
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={flagged.has(view.id)} onChange={(event) => save(view.id, { flagged: event.target.checked })} />
                Flag for review
              </label>
            </div>
          </form>
        )}
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="button" disabled={index === 0 || reviewing} onClick={() => setIndex(index - 1)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-40 dark:border-slate-600">
            Previous
          </button>
          <button type="button" disabled={index === exam.questions.length - 1 || reviewing} onClick={() => setIndex(index + 1)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-40 dark:border-slate-600">
            Next
          </button>
          <button type="button" onClick={() => setReviewing(true)} className="ml-auto rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
            Finish and submit…
          </button>
        </div>
        <div role="status" aria-live="polite" className="mt-2 text-sm text-amber-800 dark:text-amber-300">
          {saveProblem}
        </div>
      </div>
      <nav aria-label="Question navigator">
        <h2 className="text-sm font-semibold">Questions</h2>
        <ol className="mt-2 grid grid-cols-6 gap-1.5 lg:grid-cols-5">
          {exam.questions.map((question, position) => {
            const answer = exam.answers[question.id];
            const done = answer !== undefined && isAnswered(answer.response, answer.touched);
            const isFlagged = flagged.has(question.id);
            return (
              <li key={question.id}>
                <button
                  type="button"
                  onClick={() => {
                    setReviewing(false);
                    setIndex(position);
                  }}
                  aria-current={position === index && !reviewing ? "step" : undefined}
                  aria-label={`Question ${position + 1}${done ? ", answered" : ", not answered"}${isFlagged ? ", flagged" : ""}`}
                  className={`relative h-9 w-full rounded border text-sm ${position === index && !reviewing ? "ring-2 ring-brand-500" : ""} ${done ? "border-brand-600 bg-brand-50 dark:bg-slate-800" : "border-slate-300 dark:border-slate-600"}`}
                >
                  {position + 1}
                  {isFlagged ? <span className="absolute -right-1 -top-1 text-xs text-amber-600" aria-hidden="true">⚑</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
        <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">Filled: answered. ⚑: flagged for review.</p>
      </nav>
    </div>
  );
}
