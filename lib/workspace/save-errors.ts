/** Saving failed: what to tell the learner. */

export function isQuotaError(error: unknown): boolean {
  if (typeof DOMException !== "undefined" && error instanceof DOMException) {
    return error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" || error.code === 22;
  }
  return error instanceof Error && /quota/i.test(error.name + error.message);
}

export const QUOTA_MESSAGE = "The browser's storage for this site is full, so the sandbox was not saved. Export it to keep your work, or free some space.";

export function saveFailureMessage(error: unknown): string {
  if (isQuotaError(error)) return QUOTA_MESSAGE;
  const reason = error instanceof Error ? error.message : String(error);
  return `The sandbox could not be saved (${reason}). Your work is still here in this tab: export it to keep it.`;
}
