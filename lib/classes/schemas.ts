/** What the classes API accepts, checked with zod before anything is read or stored. */
import * as z from "zod";

const name = z.string().trim().min(1, "Name the class.").max(80, "Keep the name under 80 characters.").regex(/^[^\p{Cc}]+$/u, "The name cannot contain control characters.");
const stuckMinutes = z.number().int().min(1, "At least 1 minute.").max(600, "At most 600 minutes.");

export const createClassSchema = z.strictObject({ name, stuckMinutes: stuckMinutes.default(15) });

export const updateClassSchema = z
  .strictObject({ name: name.optional(), stuckMinutes: stuckMinutes.optional(), archived: z.literal(true).optional() })
  .refine((value) => Object.keys(value).length > 0, { message: "Say what to change: name, stuckMinutes or archived." });

export const joinClassSchema = z.strictObject({ code: z.string().max(40) });

export const assignmentSchema = z.strictObject({
  kind: z.enum(["lab", "quiz"]),
  /** A lab's id, or a chapter's slug for its chapter quiz. */
  itemId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Give a lab id or a chapter slug.").max(80),
  dueAt: z.iso.datetime({ offset: true, message: "Give the due date as an ISO 8601 date and time." }),
});

export const extensionSchema = z.strictObject({ dueAt: z.iso.datetime({ offset: true, message: "Give the new due date as an ISO 8601 date and time." }) });

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
