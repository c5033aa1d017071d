"use client";

import { useEffect, useMemo, useState } from "react";
import { dueToday } from "@/lib/quiz/memory";
import type { PracticeItem } from "@/lib/quiz/question-query";
import { fetchPracticeQuestions, messageOf } from "./fetch-json";
import { QuestionRunner } from "./QuestionRunner";
import { examMoment, useMemory } from "./useMemory";

const DRILL_SIZE = 10;

/**
 * The weak-points drill: questions on the exam points FSRS says are due
 * today (with the exam date as the goal), weakest first. Every answer
 * updates the memory, so the due count falls as the learner works.
 */
export function Drill({ points }: { points: string[] }) {
  const state = useMemory();
  const [questions, setQuestions] = useState<PracticeItem[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [seed] = useState(() => 1 + Math.floor(Math.random() * (2 ** 31 - 2)));

  const due = useMemo(() => {
    if (state.status !== "ready") return undefined;
    const now = new Date();
    const examDate = examMoment(state.examDate);
    return dueToday(state.memory, points, now, examDate && examDate > now ? { date: examDate } : undefined);
  }, [state, points]);

  // The draw is made once, from what was due when the drill began; answers then change what is due.
  const [drawnFor, setDrawnFor] = useState<string[] | null>(null);
  useEffect(() => {
    if (due && drawnFor === null) setDrawnFor(due.slice(0, DRILL_SIZE));
  }, [due, drawnFor]);

  useEffect(() => {
    if (!drawnFor || drawnFor.length === 0) return;
    fetchPracticeQuestions({ points: drawnFor.join(","), count: DRILL_SIZE, seed })
      .then(setQuestions)
      .catch((error: unknown) => setProblem(`The questions could not be loaded: ${messageOf(error)}`));
  }, [drawnFor, seed]);

  if (state.status === "unavailable") return <p role="alert">The drill needs your progress, which this browser cannot keep: {state.message}</p>;
  if (problem) return <p role="alert">{problem}</p>;
  if (!due || !drawnFor) return <p aria-busy="true">Reading your progress…</p>;
  return (
    <div>
      <p className="mb-4 text-slate-700 dark:text-slate-300">
        Due today: <strong data-testid="drill-due-count">{due.length}</strong> of {points.length} exam points.
      </p>
      {drawnFor.length === 0 ? (
        <p>Nothing is due today. Come back tomorrow, or take a chapter quiz or a practice exam.</p>
      ) : questions ? (
        <QuestionRunner questions={questions} mode="drill" context={`drill:${seed}`} />
      ) : (
        <p aria-busy="true">Drawing questions on your weakest points…</p>
      )}
    </div>
  );
}
