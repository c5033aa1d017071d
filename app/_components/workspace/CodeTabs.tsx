"use client";

import { useId, useState } from "react";
import type { StepCode } from "@/lib/visualize/envelope/commands";
import { buttonClass } from "./ui";
import { useWorkspace } from "./workspace-context";

/** A step's AWS CLI line (with "Run in terminal") and its SDK call, side by side on tabs. */
export function CodeTabs({ code }: { code: StepCode }) {
  const { runInTerminal } = useWorkspace();
  const [tab, setTab] = useState<"cli" | "sdk">("cli");
  const id = useId();
  const pre = "mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-2 font-mono text-xs leading-relaxed text-slate-100";
  return (
    <div className="mt-2">
      <div role="tablist" aria-label="How to do this step" className="flex gap-1 text-xs">
        {(["cli", "sdk"] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${id}-${name}`}
            aria-selected={tab === name}
            aria-controls={`${id}-${name}-panel`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            onKeyDown={(event) => {
              if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
                const next = tab === "cli" ? "sdk" : "cli";
                setTab(next);
                document.getElementById(`${id}-${next}`)?.focus();
              }
            }}
            className={`rounded-t px-2 py-1 font-medium ${tab === name ? "bg-slate-900 text-slate-100" : "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200"}`}
          >
            {name === "cli" ? "AWS CLI" : "SDK for JavaScript"}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-${tab}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === "cli" ? (
          code.cli ? (
            <>
              <pre className={pre}>{code.cli}</pre>
              <button type="button" className={`${buttonClass} mt-1`} onClick={() => runInTerminal(code.cli!)}>
                Run in terminal
              </button>
            </>
          ) : (
            <p className="mt-1 rounded bg-slate-100 p-2 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">{code.cliNote}</p>
          )
        ) : (
          <pre className={pre}>{code.sdk}</pre>
        )}
      </div>
    </div>
  );
}
