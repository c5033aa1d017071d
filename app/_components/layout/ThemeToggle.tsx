"use client";

import { useEffect, useState } from "react";
import { nextTheme, storeTheme, type Theme } from "@/lib/ui/theme";

/**
 * Switches between light and dark. The page starts in the theme the inline
 * script in the root layout chose, so the button reads it after mounting.
 */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme | null>(null);

  useEffect(() => {
    setTheme(document.documentElement.dataset.theme === "dark" ? "dark" : "light");
  }, []);

  function toggle() {
    const next = nextTheme(theme ?? "light");
    document.documentElement.dataset.theme = next;
    storeTheme(window.localStorage, next);
    setTheme(next);
  }

  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={theme === "dark"}
      className="inline-flex items-center gap-2 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true">{theme === "dark" ? "☾" : "☀"}</span>
      <span className="sr-only sm:not-sr-only">Dark mode</span>
    </button>
  );
}
