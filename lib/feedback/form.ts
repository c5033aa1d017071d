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

/** Reports one address may send per window (every post counts, accepted or not). */
export const FEEDBACK_LIMIT = { max: 20, windowSeconds: 600 } as const;

/** What the no-JavaScript confirmation page says for each failure code (never text from the request). */
export const feedbackFailureMessages: Record<string, string> = {
  "cross-site": "Reports can only be sent from this site's pages.",
  "media-type": "The browser sent the form in a format the server does not read.",
  charset: "The browser sent the form in an encoding other than UTF-8.",
  "too-large": "The report is too large; keep it under 2,000 characters.",
  encoding: "The report holds characters that are not valid text.",
  json: "The report could not be read.",
  "too-many": "Too many reports came from your address in the last few minutes; wait a little and send it again.",
  invalid: "Something in the form is missing or too short: the message needs at least 10 characters.",
};
