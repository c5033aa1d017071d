"use client";

import { useEffect, useRef, useState } from "react";
import type { PracticeItem } from "@/lib/quiz/question-query";
import { fetchPracticeQuestions, messageOf } from "./fetch-json";
import { PracticeQuestion } from "./PracticeQuestion";

type State = { status: "closed" } | { status: "loading" } | { status: "ready"; questions: PracticeItem[] } | { status: "failed"; message: string };

/**
 * The questions of a folded set, fetched when the learner opens it. A long
 * section can hold fifty of them: sending and hydrating them all with the
 * page would make reading slow for everyone, so the page carries only their ids.
 */
export function FoldedQuestions({ ids }: { ids: string[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ status: "closed" });

  useEffect(() => {
    const details = box.current?.closest("details");
    if (!details) return;
    const load = () => {
      if (!details.open) return;
      setState((previous) => {
        if (previous.status !== "closed" && previous.status !== "failed") return previous;
        fetchPracticeQuestions({ ids: ids.join(",") })
          .then((questions) => setState({ status: "ready", questions }))
          .catch((error: unknown) => setState({ status: "failed", message: messageOf(error) }));
        return { status: "loading" };
      });
    };
    load();
    details.addEventListener("toggle", load);
    return () => details.removeEventListener("toggle", load);
  }, [ids]);

  return (
    <div ref={box}>
      {state.status === "ready" ? (
        state.questions.map((question) => <PracticeQuestion key={question.id} question={question} mode="section-check" />)
      ) : state.status === "failed" ? (
        <p role="alert" className="my-4">
          The questions could not be loaded: {state.message}. Close and open this list to try again.
        </p>
      ) : (
        <p className="my-4 text-sm text-slate-600 dark:text-slate-300" aria-busy={state.status === "loading"}>
          {state.status === "loading" ? "Loading the questions…" : "The questions load when you open this list (they need JavaScript)."}
        </p>
      )}
    </div>
  );
}
