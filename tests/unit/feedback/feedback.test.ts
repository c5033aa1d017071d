import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackInputSchema } from "@/lib/feedback/feedback";
import { useMigratedDatabase } from "../migrated-database";

const kmsSection = "/chapters/kms-secrets-manager-parameter-store/kms";
let file = "";
let removeDatabase: () => void = () => undefined;

beforeAll(() => {
  ({ file, remove: removeDatabase } = useMigratedDatabase("feedback-"));
});

afterAll(() => removeDatabase());

describe("feedback input", () => {
  it("accepts a report about a page of the course, trimming the message", () => {
    expect(feedbackInputSchema.parse({ pagePath: kmsSection, kind: "error", message: "  The rotation period is wrong.  ", website: "" })).toEqual({
      pagePath: kmsSection,
      kind: "error",
      message: "The rotation period is wrong.",
      website: "",
    });
  });

  it.each([
    ["a page that is not in the course", { pagePath: "/admin", kind: "error", message: "Long enough message" }, "That page is not part of the course."],
    ["an unknown kind", { pagePath: kmsSection, kind: "praise", message: "Long enough message" }, "Choose what kind of problem it is."],
    ["a message that is too short", { pagePath: kmsSection, kind: "other", message: "short" }, "Please describe the problem in at least 10 characters."],
    ["a message that is too long", { pagePath: kmsSection, kind: "other", message: "x".repeat(2001) }, "Please keep it under 2000 characters."],
    ["a filled honeypot", { pagePath: kmsSection, kind: "other", message: "Long enough message", website: "spam.example" }, "Leave the website field empty."],
    ["an unexpected field", { pagePath: kmsSection, kind: "other", message: "Long enough message", admin: true }, 'Unrecognized key: "admin"'],
  ])("rejects %s", (_name, input, message) => {
    const result = feedbackInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});

describe("storing feedback", () => {
  it("stores a valid report and answers with its id only after it is written", async () => {
    const { submitFeedback } = await import("@/lib/feedback/store");
    const result = await submitFeedback({ pagePath: kmsSection, kind: "unclear", message: "Envelope encryption needs a picture." });
    expect(result).toEqual({ ok: true, id: expect.any(Number) });
    const database = new Database(file, { readonly: true });
    const row = database.prepare("SELECT pagePath, kind, message FROM Feedback WHERE id = ?").get(result.ok ? result.id : -1);
    database.close();
    expect(row).toEqual({ pagePath: kmsSection, kind: "unclear", message: "Envelope encryption needs a picture." });
  });

  it("stores nothing and says which field is wrong for an invalid report", async () => {
    const { submitFeedback } = await import("@/lib/feedback/store");
    const before = new Database(file, { readonly: true }).prepare("SELECT COUNT(*) AS n FROM Feedback").get() as { n: number };
    const result = await submitFeedback({ pagePath: kmsSection, kind: "error", message: "no" });
    expect(result).toEqual({ ok: false, errors: { message: "Please describe the problem in at least 10 characters." } });
    const after = new Database(file, { readonly: true }).prepare("SELECT COUNT(*) AS n FROM Feedback").get() as { n: number };
    expect(after.n).toBe(before.n);
  });
});
