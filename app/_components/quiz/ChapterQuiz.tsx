"use client";

import { useEffect, useState } from "react";
import type { PracticeItem } from "@/lib/quiz/question-query";
import { fetchPracticeQuestions, messageOf } from "./fetch-json";
import { QuestionRunner } from "./QuestionRunner";

/**
 * A chapter quiz: a random draw of the chapter's questions whose order stays
 * fixed for the sitting (its seed is kept for the tab, so a reload shows the
 * same quiz); "New quiz" draws again.
 */
export function ChapterQuiz({ chapter, count }: { chapter: string; count: number }) {
  const storageKey = `keystone:chapter-quiz:${chapter}`;
  const [seed, setSeed] = useState<number | null>(null);
  const [questions, setQuestions] = useState<PracticeItem[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const kept = Number(sessionStorage.getItem(storageKey));
    setSeed(Number.isInteger(kept) && kept > 0 ? kept : newSeed(storageKey));
  }, [storageKey]);

  useEffect(() => {
    if (seed === null) return;
    setQuestions(null);
    fetchPracticeQuestions({ chapter, count, seed })
      .then(setQuestions)
      .catch((error: unknown) => setProblem(`The questions could not be loaded: ${messageOf(error)}`));
  }, [chapter, count, seed]);

  if (problem) return <p role="alert">{problem}</p>;
  if (!questions || seed === null) return <p aria-busy="true">Drawing your questions…</p>;
  return (
    <div>
      <QuestionRunner key={seed} questions={questions} mode="chapter-quiz" context={`chapter-quiz:${chapter}:${seed}`} />
      <button type="button" className="mt-6 text-sm underline underline-offset-2" onClick={() => setSeed(newSeed(storageKey))}>
        New quiz (draw other questions)
      </button>
    </div>
  );
}

function newSeed(storageKey: string): number {
  const seed = 1 + Math.floor(Math.random() * (2 ** 31 - 2));
  sessionStorage.setItem(storageKey, String(seed));
  return seed;
}
