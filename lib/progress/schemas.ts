/**
 * What the progress API accepts, checked with zod before anything is stored.
 * Sizes are bounded so no request can make the server hold or write much.
 */
import * as z from "zod";
import { isSitePath } from "@/lib/content/site-paths";
import { attemptSchema } from "@/lib/quiz/progress/attempt";

export const MAX_ITEMS_PER_ATTEMPT = 100;
export const MAX_MERGE_ATTEMPTS = 2_000;
export const MAX_SANDBOX_SNAPSHOT_BYTES = 512 * 1024;
export const MAX_SANDBOX_SAVES = 50;

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

const sitePath = z.string().max(300).refine(isSitePath, { message: "That page is not part of the course." });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date as YYYY-MM-DD.").refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), "That is not a date.");

/** An attempt as the browser sends it: bounded, and never dated in the future. */
export const attemptInputSchema = attemptSchema
  .extend({
    id: z.string().min(8).max(64),
    context: z.string().max(300),
    items: attemptSchema.shape.items.max(MAX_ITEMS_PER_ATTEMPT),
  })
  .refine((attempt) => Date.parse(attempt.at) <= Date.now() + 5 * 60_000, { message: "An attempt cannot be finished in the future.", path: ["at"] });

export const sectionReadSchema = z.strictObject({ path: sitePath, at: z.iso.datetime().optional() });

export const examDateSchema = z.strictObject({ examDate: isoDay.nullable() });

export const sandboxSaveSchema = z.strictObject({
  name: z.string().trim().min(1, "Name the save.").max(80, "Keep the name under 80 characters.").regex(/^[^\p{Cc}]+$/u, "The name cannot contain control characters."),
  scenario: z.string().min(1).max(100),
  /** The workspace's snapshot, as JSON text. */
  snapshot: z
    .string()
    .min(2)
    .max(MAX_SANDBOX_SNAPSHOT_BYTES, `A sandbox save is at most ${MAX_SANDBOX_SNAPSHOT_BYTES / 1024} KiB.`)
    .refine(isJsonObject, "The snapshot is not a JSON object."),
});

export const MAX_LAB_COMMANDS = 2_000;

/**
 * A lab's command log as the browser kept it: every command line run in the
 * lab's sandbox, in order, from the moment it started. The server replays it
 * (lib/labs/replay.ts); nothing the browser says about steps is believed.
 */
export const labCommandLogSchema = z.strictObject({
  labId: z.string().regex(/^[a-z0-9-]{1,80}$/, "Lab ids are lower-case words joined by hyphens."),
  /** The simulated time the lab's sandbox started at, ISO 8601. */
  startedAt: z.iso.datetime(),
  commands: z.array(z.string().max(10_000, "A command line is at most 10,000 characters.")).max(MAX_LAB_COMMANDS, `A lab's log holds at most ${MAX_LAB_COMMANDS} commands; reset the lab to start again.`),
  solutionsShown: z.number().int().min(0).max(100),
  /** The instructor resets of this lab the browser knew of when it made the log. */
  resets: z.number().int().min(0).max(10_000).default(0),
});

/** Everything a browser kept without an account, sent once at sign-in or sign-up. */
export const browserProgressSchema = z.strictObject({
  attempts: z.array(attemptInputSchema).max(MAX_MERGE_ATTEMPTS),
  sectionsRead: z.array(z.strictObject({ path: sitePath, at: z.iso.datetime() })).max(1_000),
  examDate: isoDay.optional(),
});
export type BrowserProgress = z.output<typeof browserProgressSchema>;
