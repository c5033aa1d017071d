"use client";

import { useEffect, useState } from "react";
import type { Memory } from "@/lib/quiz/memory";
import { loadExamDate, loadMemory, PROGRESS_EVENT } from "@/lib/quiz/progress/browser-store";
import { messageOf } from "./fetch-json";

export type MemoryState = { status: "loading" } | { status: "ready"; memory: Memory; examDate: string | undefined } | { status: "unavailable"; message: string };

/** The learner's exam-point memory and exam date from the browser, kept current as answers are recorded. */
export function useMemory(): MemoryState {
  const [state, setState] = useState<MemoryState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    const load = () =>
      Promise.all([loadMemory(), loadExamDate()])
        .then(([memory, examDate]) => live && setState({ status: "ready", memory, examDate }))
        .catch((error: unknown) => live && setState({ status: "unavailable", message: messageOf(error) }));
    void load();
    window.addEventListener(PROGRESS_EVENT, load);
    return () => {
      live = false;
      window.removeEventListener(PROGRESS_EVENT, load);
    };
  }, []);
  return state;
}

/** The exam date as the moment the exam starts (9:00 local time that day). */
export function examMoment(date: string | undefined): Date | undefined {
  return date ? new Date(`${date}T09:00:00`) : undefined;
}
