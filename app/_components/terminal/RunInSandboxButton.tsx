"use client";

import { useRef, useState } from "react";
import { currentSandboxTarget } from "@/lib/terminal/bridge";

/**
 * "Run in sandbox" on a command block: types the block's commands into the
 * terminal on the page (the embedded one, else a docked panel it opens)
 * and runs them line by line. Only this button and the tiny bridge load
 * with the page; the terminal, xterm.js and the engine load on the click.
 */
export function RunInSandboxButton({ scenario }: { scenario: string }) {
  const button = useRef<HTMLButtonElement>(null);
  const [opening, setOpening] = useState(false);

  async function run() {
    const code = button.current?.closest("figure")?.querySelector("pre code")?.textContent ?? "";
    let target = currentSandboxTarget();
    if (!target) {
      setOpening(true);
      try {
        const { openDock } = await import("./dock");
        target = openDock(scenario, button.current);
      } finally {
        setOpening(false);
      }
    }
    target.typeCommands(code);
  }

  return (
    <button
      ref={button}
      type="button"
      onClick={() => void run()}
      aria-busy={opening}
      className="rounded px-2 py-0.5 text-xs font-medium text-white bg-brand-600 hover:bg-brand-700"
      data-run-in-sandbox=""
    >
      {opening ? "Opening…" : "Run in sandbox"}
    </button>
  );
}
