"use client";

import { useEffect, useState } from "react";
import { messageOf } from "../quiz/fetch-json";
import { loadSectionsRead, PROGRESS_EVENT, setSectionRead } from "../progress/progress-client";

/**
 * "I have read this section": kept with the rest of the learner's progress
 * (account or browser) and counted on the dashboard. A toggle, so a section
 * can go back on the reading list.
 */
export function MarkAsRead({ path }: { path: string }) {
  const [read, setRead] = useState<boolean | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      loadSectionsRead()
        .then((sections) => live && setRead(sections.some((section) => section.path === path)))
        .catch(() => live && setRead(false));
    void load();
    window.addEventListener(PROGRESS_EVENT, load);
    return () => {
      live = false;
      window.removeEventListener(PROGRESS_EVENT, load);
    };
  }, [path]);
  return (
    <div className="mt-8 flex min-h-10 flex-wrap items-center gap-3">
      <button
        type="button"
        aria-pressed={read ?? false}
        disabled={read === undefined}
        onClick={() => {
          const next = !read;
          setProblem(null);
          setSectionRead(path, next)
            .then(() => setRead(next))
            .catch((error: unknown) => setProblem(messageOf(error)));
        }}
        className="rounded-md border border-emerald-600 px-3 py-1.5 text-sm font-semibold text-emerald-800 aria-pressed:bg-emerald-600 aria-pressed:text-white disabled:opacity-50 dark:text-emerald-300"
      >
        {read ? "✓ Read" : "Mark this section as read"}
      </button>
      {problem ? (
        <span role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
