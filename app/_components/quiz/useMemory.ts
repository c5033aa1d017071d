"use client";

import { useEffect, useState } from "react";
import type { Memory } from "@/lib/quiz/memory";
import { loadProgress, PROGRESS_EVENT } from "../progress/progress-client";
import { messageOf } from "./fetch-json";

export type MemoryState =
  | { status: "loading" }
  | { status: "ready"; memory: Memory; examDate: string | undefined; where: "account" | "browser" }
  | { status: "unavailable"; message: string };

/** The learner's exam-point memory and exam date (account or browser), kept current as answers are recorded. */
export function useMemory(): MemoryState {
  const [state, setState] = useState<MemoryState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    const load = () =>
      loadProgress()
        .then((progress) => live && setState({ status: "ready", memory: progress.memory, examDate: progress.examDate, where: progress.where }))
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
