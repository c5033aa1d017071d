"use client";

import { useRef, useState } from "react";

/**
 * Copies the code of the block it sits in. It reads the text from the page
 * rather than taking it as a prop, so the code is not sent twice.
 */
export function CopyButton() {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  const button = useRef<HTMLButtonElement>(null);

  async function copy() {
    const code = button.current?.closest("figure")?.querySelector("pre code");
    try {
      await navigator.clipboard.writeText(code?.textContent ?? "");
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
    window.setTimeout(() => setStatus("idle"), 2000);
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        onClick={copy}
        className="rounded px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-white dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800"
      >
        {status === "copied" ? "Copied" : "Copy"}
      </button>
      <span role="status" className="sr-only">
        {status === "copied" ? "Code copied to the clipboard" : status === "failed" ? "Copying failed" : ""}
      </span>
    </>
  );
}
