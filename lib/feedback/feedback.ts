import * as z from "zod";
import { isSitePath } from "@/lib/content/site-paths";
import { feedbackKinds, MAX_FEEDBACK_LENGTH, type FeedbackField, type FeedbackResult } from "./form";

/** What a learner submits from the "Report a problem" form on a page. */
export const feedbackInputSchema = z.strictObject({
  pagePath: z
    .string()
    .max(300)
    .refine(isSitePath, { message: "That page is not part of the course." }),
  kind: z.enum(feedbackKinds, { message: "Choose what kind of problem it is." }),
  message: z
    .string()
    .trim()
    .min(10, { message: "Please describe the problem in at least 10 characters." })
    .max(MAX_FEEDBACK_LENGTH, { message: `Please keep it under ${MAX_FEEDBACK_LENGTH} characters.` }),
  /** Honeypot: hidden from people, filled in by bots. Must stay empty. */
  website: z.string().max(0, { message: "Leave the website field empty." }).optional(),
});

export type FeedbackInput = z.output<typeof feedbackInputSchema>;

/** Turns zod's issues into one message per form field, for the form to show next to each. */
export function fieldErrors(error: z.ZodError): Extract<FeedbackResult, { ok: false }>["errors"] {
  const errors: Extract<FeedbackResult, { ok: false }>["errors"] = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    const key: FeedbackField = field === "pagePath" || field === "kind" || field === "message" || field === "website" ? field : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
