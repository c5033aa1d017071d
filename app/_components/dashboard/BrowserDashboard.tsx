"use client";

import { useEffect, useState } from "react";
import { buildDashboard, type CourseOutline, type Dashboard } from "@/lib/progress/dashboard";
import { messageOf } from "../quiz/fetch-json";
import { DashboardView } from "./DashboardView";

/** The dashboard of someone without an account, computed from what this browser kept. */
export function BrowserDashboard({ outline }: { outline: CourseOutline }) {
  const [state, setState] = useState<{ dashboard: Dashboard } | { problem: string } | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const store = await import("@/lib/quiz/progress/browser-store");
        const [attempts, memory, sections, examDate] = await Promise.all([store.allAttempts(), store.loadMemory(), store.loadSectionsRead(), store.loadExamDate()]);
        const recent = [...attempts].reverse().slice(0, 10);
        const dashboard = buildDashboard({
          outline,
          answers: attempts.flatMap((attempt) => attempt.items.map((item) => ({ at: new Date(attempt.at), correct: item.correct }))),
          recentAttempts: recent.map((attempt) => ({ mode: attempt.mode, at: attempt.at, context: attempt.context, correct: attempt.items.filter((item) => item.correct).length, total: attempt.items.length })),
          memory,
          sectionsRead: sections.map((section) => ({ path: section.path, readAt: new Date(section.readAt) })),
          ...(examDate ? { examDate } : {}),
          now: new Date(),
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        });
        if (live) setState({ dashboard });
      } catch (error) {
        if (live) setState({ problem: messageOf(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [outline]);
  if (!state) return <p aria-busy="true">Reading your progress in this browser…</p>;
  if ("problem" in state) return <p role="alert">Your progress cannot be read in this browser: {state.problem}</p>;
  return <DashboardView dashboard={state.dashboard} where="browser" />;
}
