/** The browser's localStorage, or undefined where it is disabled (callers then keep things for the page only). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
