/**
 * What the feedback form and the server agree on. Kept free of zod and of
 * server code because the form ships to the browser.
 */
export const feedbackKinds = ["error", "unclear", "other"] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];

export const feedbackKindLabels: Record<FeedbackKind, string> = {
  error: "Something is wrong",
  unclear: "Something is unclear",
  other: "Something else",
};

export const MAX_FEEDBACK_LENGTH = 2000;

export type FeedbackField = "pagePath" | "kind" | "message" | "website" | "form";

export type FeedbackResult = { ok: true; id: number } | { ok: false; errors: Partial<Record<FeedbackField, string>> };
