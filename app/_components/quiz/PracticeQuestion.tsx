"use client";

import { useMemo, useState } from "react";
import { answerKeyOf } from "@/lib/quiz/answer-key";
import { grade } from "@/lib/quiz/grading";
import type { Confidence } from "@/lib/quiz/memory";
import { correctViewResponse, emptyResponse, isAnswered, present, reasonsInView, seededRandom, seedFrom, toAuthoredResponse, type ViewResponse } from "@/lib/quiz/presentation";
import type { AttemptMode } from "@/lib/quiz/progress/attempt";
import type { QuizQuestion } from "@/lib/quiz/question-schema";
import { newAttemptId, recordProgress } from "./record";
import { ResponseInput } from "./ResponseInput";

export interface AnsweredQuestion {
  questionId: string;
  correct: boolean;
  confidence: Confidence;
}

interface Props {
  question: QuizQuestion;
  mode: AttemptMode;
  /** Where it is answered (a quiz sitting); the page's path when not given. */
  context?: string;
  legend?: string;
  /** The section that teaches it, linked after answering (quizzes away from the section). */
  section?: { title: string; href: string };
  onAnswered?: (answer: AnsweredQuestion) => void;
}

const typeHints: Record<QuizQuestion["type"], string> = {
  "single-choice": "Choose one.",
  "multiple-response": "",
  ordering: "Put the steps in order with the arrow buttons.",
  matching: "Match each item to one option.",
};

/**
 * A question with instant feedback: answer, say how sure you are by the
 * button you press, and see every option's reason. The answer is recorded in
 * the browser and updates the memory of the question's exam points.
 */
export function PracticeQuestion({ question, mode, context, legend = "Check yourself", section, onAnswered }: Props) {
  // The same shuffle on the server and in the browser, so the page hydrates as rendered.
  const presentation = useMemo(() => present(question, seededRandom(seedFrom(question.id))), [question]);
  const { view, map } = presentation;
  const [response, setResponse] = useState<ViewResponse>(() => emptyResponse(view));
  const [touched, setTouched] = useState(false);
  const [result, setResult] = useState<{ correct: boolean; confidence: Confidence } | null>(null);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  // Where the answer's record stands; on the form as data-progress, so what waits on it (a test, a script) can tell.
  const [progress, setProgress] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const answered = isAnswered(response, touched);

  const check = (confidence: Confidence) => {
    const correct = grade(answerKeyOf(question), toAuthoredResponse(map, response)).correct;
    setResult({ correct, confidence });
    onAnswered?.({ questionId: question.id, correct, confidence });
    setProgress("saving");
    void recordProgress({
      id: newAttemptId(),
      mode,
      at: new Date().toISOString(),
      context: context ?? window.location.pathname,
      items: [{ questionId: question.id, examPoints: question.examPoints, correct, answered: true, confidence }],
    }).then((outcome) => {
      setProgress(outcome.saved ? "saved" : "failed");
      setSaveProblem(outcome.saved ? null : `Your answer could not be saved to your progress: ${outcome.problem}`);
    });
  };

  return (
    <form
      className="quiz not-prose my-8 rounded-xl border border-slate-300 bg-white p-4 shadow-sm dark:border-slate-600 dark:bg-slate-900"
      data-question-id={question.id}
      data-question-type={question.type}
      data-progress={progress}
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset className="min-w-0 [overflow-wrap:anywhere]">
        <legend className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">
          {legend} <span className="ml-1 font-normal normal-case tracking-normal text-slate-600 dark:text-slate-300">· {question.difficulty}</span>
        </legend>
        <p className="mt-1 font-medium text-slate-900 dark:text-slate-100">{question.question}</p>
        {typeHints[question.type] ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{typeHints[question.type]}</p> : null}
        <ResponseInput
          view={view}
          value={response}
          onChange={(next) => {
            setResponse(next);
            setTouched(true);
          }}
          {...(result ? { review: { correctResponse: correctViewResponse(question, map), reasons: reasonsInView(question, map) } } : {})}
        />
      </fieldset>
      {result === null ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {question.type === "ordering" && !touched ? (
            <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600" onClick={() => setTouched(true)}>
              This order is right
            </button>
          ) : null}
          <button type="button" disabled={!answered} onClick={() => check("sure")} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-50">
            Check: I’m sure
          </button>
          <button type="button" disabled={!answered} onClick={() => check("unsure")} className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:opacity-50 dark:text-brand-300 dark:hover:bg-slate-800">
            Check: I’m guessing
          </button>
        </div>
      ) : (
        <div className="mt-3">
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
            onClick={() => {
              setResult(null);
              setResponse(emptyResponse(view));
              setTouched(false);
            }}
          >
            Try again
          </button>
        </div>
      )}
      <div role="status" aria-live="polite" className="mt-3">
        {result !== null ? (
          <div className={`rounded-lg px-3 py-2 text-[0.95rem] ${result.correct ? "bg-emerald-50 text-emerald-950 dark:bg-emerald-950/40 dark:text-emerald-100" : "bg-rose-50 text-rose-950 dark:bg-rose-950/40 dark:text-rose-100"}`}>
            <p className="font-semibold">{result.correct ? "Correct." : "Not quite: the right answer is marked above."}</p>
            <p className="mt-1">{question.explanation}</p>
            {section ? (
              <p className="mt-1 text-sm">
                Taught in{" "}
                <a href={section.href} className="underline underline-offset-2">
                  {section.title}
                </a>
              </p>
            ) : null}
          </div>
        ) : null}
        {saveProblem ? <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">{saveProblem}</p> : null}
      </div>
    </form>
  );
}
