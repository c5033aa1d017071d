"use client";

import { useEffect } from "react";
import { currentSandboxTarget } from "@/lib/terminal/bridge";

/**
 * The Copy and "Run in sandbox" buttons of every code block on the page,
 * handled by one listener. The buttons are server-rendered HTML, so a long
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

async function run(button: HTMLButtonElement, code: string) {
  let target = currentSandboxTarget();
  if (!target) {
    button.setAttribute("aria-busy", "true");
    button.textContent = "Opening…";
    try {
      const { openDock } = await import("../terminal/dock");
      target = openDock(button.dataset.scenario ?? "chapter-27", button);
    } finally {
      button.setAttribute("aria-busy", "false");
      button.textContent = "Run in sandbox";
    }
  }
  target.typeCommands(code);
}
