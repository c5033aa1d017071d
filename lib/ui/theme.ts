export type Theme = "light" | "dark";

export const THEME_STORAGE_KEY = "theme";

export function nextTheme(current: Theme): Theme {
  return current === "dark" ? "light" : "dark";
}

export function storeTheme(storage: Pick<Storage, "setItem">, theme: Theme): void {
  try {
    storage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Private modes may refuse storage; the theme still applies to this page.
  }
}

/**
 * Runs inline in <head> before the first paint, so a dark-mode reader never
 * sees a white flash: the stored choice wins, else the system preference.
 */
export const themeBootScript = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t!=="dark"&&t!=="light"){t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"}document.documentElement.dataset.theme=t}catch(e){document.documentElement.dataset.theme="light"}})();`;
