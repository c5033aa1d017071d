"use client";

import { useEffect } from "react";
import { currentSandboxTarget, type SandboxTarget } from "@/lib/terminal/bridge";
import { openOptionsFor, prestartSandbox } from "@/lib/workspace/worker-spawn";

/**
 * The Copy and "Run in sandbox" buttons of every code block on the page,
 * the buttons that open a sandbox pane (OpenInSandbox) and a sandbox task's
 * "Open the sandbox", handled by one
 * listener. The buttons are server-rendered HTML, so a long
 * section with dozens of code blocks hydrates one small island instead of
 * two per block. The terminal, xterm.js and the engine load on the first
 * "Run in sandbox" click.
 */
export function CodeBlockActions() {
  useEffect(() => {
    function onClick(event: MouseEvent) {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button[data-code-action]");
      if (!button) return;
      const figure = button.closest("figure");
      const code = figure?.querySelector("pre code")?.textContent ?? "";
      if (button.dataset.codeAction === "copy") void copy(button, figure, code);
      else if (button.dataset.codeAction === "run") void run(button, code);
      else if (button.dataset.codeAction === "pane") void showPane(button, button.dataset.pane ?? "");
      else if (button.dataset.codeAction === "open") void sandboxTarget(button, false);
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  return null;
}

async function copy(button: HTMLButtonElement, figure: Element | null, code: string) {
  const status = figure?.querySelector<HTMLElement>("[data-code-status]");
  let copied = true;
  try {
    await navigator.clipboard.writeText(code);
  } catch {
    copied = false;
  }
  button.textContent = copied ? "Copied" : "Copy";
  if (status) status.textContent = copied ? "Code copied to the clipboard" : "Copying failed";
  window.setTimeout(() => {
    button.textContent = "Copy";
    if (status) status.textContent = "";
  }, 2000);
}

/** The sandbox on the page, opening the docked one (loading its code) if needed; `withPanes` wants one that shows panes. */
async function sandboxTarget(button: HTMLButtonElement, withPanes: boolean): Promise<SandboxTarget> {
  const current = currentSandboxTarget();
  if (current && (!withPanes || current.showPane)) return current;
  // The worker loads the engine and opens the sandbox while this page loads the terminal.
  prestartSandbox(openOptionsFor(button.dataset.scenario ?? "chapter-27"));
  const label = button.textContent;
  button.setAttribute("aria-busy", "true");
  button.textContent = "Opening…";
  try {
    const { openDock } = await import("../terminal/dock");
    return openDock(button.dataset.scenario ?? "chapter-27", button);
  } finally {
    button.setAttribute("aria-busy", "false");
    button.textContent = label;
  }
}

async function run(button: HTMLButtonElement, code: string) {
  (await sandboxTarget(button, false)).typeCommands(code);
}

async function showPane(button: HTMLButtonElement, pane: string) {
  (await sandboxTarget(button, true)).showPane?.(pane);
}
