"use client";

import Link from "next/link";
import { useState } from "react";
import type { AttemptMode } from "@/lib/quiz/progress/attempt";
import type { PracticeItem } from "@/lib/quiz/question-query";
import { PracticeQuestion, type AnsweredQuestion } from "./PracticeQuestion";

/**
 * Questions one at a time with instant feedback (the chapter quiz and the
 * drill): each answer is recorded as it is given, so leaving half-way loses
 * nothing, and the end shows the score with links to what to reread.
 */
export function QuestionRunner({ questions, mode, context, onAnswered }: { questions: PracticeItem[]; mode: AttemptMode; context: string; onAnswered?: (answer: AnsweredQuestion) => void }) {
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Map<string, AnsweredQuestion>>(new Map());
  const current = questions[index];
  const done = index >= questions.length;

  if (done) {
    const right = [...answers.values()].filter((answer) => answer.correct).length;
    const missed = questions.filter((question) => answers.get(question.id)?.correct === false);
    return (
      <section aria-labelledby="runner-done" className="rounded-xl border border-slate-300 p-4 dark:border-slate-600">
        <h2 id="runner-done" className="text-xl font-semibold">
          {right} of {questions.length} right
        </h2>
        {missed.length > 0 ? (
          <>
            <p className="mt-2">Worth rereading:</p>
            <ul className="mt-1 list-disc pl-6">
              {[...new Map(missed.map((question) => [question.section.href, question.section.title]))].map(([href, title]) => (
                <li key={href}>
                  <Link href={href} className="underline underline-offset-2">
                    {title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-2">Every answer right.</p>
        )}
      </section>
    );
  }

  const answered = current ? answers.has(current.id) : false;
  return (
    <div>
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        Question {index + 1} of {questions.length}
      </p>
      {current ? (
        <PracticeQuestion
          key={current.id}
          question={current}
          mode={mode}
          context={context}
          legend={`Question ${index + 1}`}
          section={current.section}
          onAnswered={(answer) => {
            setAnswers((previous) => new Map(previous).set(answer.questionId, answer));
            onAnswered?.(answer);
          }}
        />
      ) : null}
      <div className="flex gap-3">
        <button type="button" onClick={() => setIndex(index + 1)} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
          {answered ? (index + 1 === questions.length ? "Finish" : "Next question") : "Skip"}
        </button>
      </div>
    </div>
  );
}
