"use client";

import { useState, type FormEvent } from "react";
import { feedbackKindLabels, feedbackKinds, MAX_FEEDBACK_LENGTH, type FeedbackResult } from "@/lib/feedback/form";

type Status = { state: "idle" } | { state: "sending" } | { state: "sent" } | { state: "failed"; errors: Extract<FeedbackResult, { ok: false }>["errors"] };

/**
 * "Report a problem with this page". Works without JavaScript (a plain form
 * post); with it, the report is sent in place and the text is kept if
 * sending fails.
 */
export function FeedbackForm({ pagePath }: { pagePath: string }) {
  const [status, setStatus] = useState<Status>({ state: "idle" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    setStatus({ state: "sending" });
    try {
      const response = await fetch("/api/feedback", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(data),
      });
      const result = (await response.json()) as FeedbackResult;
      if (result.ok) {
        form.reset();
        setStatus({ state: "sent" });
      } else {
        setStatus({ state: "failed", errors: result.errors });
      }
    } catch {
      setStatus({ state: "failed", errors: { form: "The report could not be sent. Check your connection and try again; your text is still here." } });
    }
  }

  const errors = status.state === "failed" ? status.errors : {};
  return (
    <details id="feedback" className="mt-10 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-700">
      <summary className="cursor-pointer font-semibold">Report a problem with this page</summary>
      <form method="post" action="/api/feedback" onSubmit={submit} className="mt-3 space-y-3" noValidate>
        <input type="hidden" name="pagePath" value={pagePath} />
        <div aria-hidden="true" className="hidden">
          <label>
            Website <input type="text" name="website" tabIndex={-1} autoComplete="off" />
          </label>
        </div>
        <fieldset className="min-w-0">
          <legend className="font-medium">What kind of problem?</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {feedbackKinds.map((kind, index) => (
              <label key={kind} className="flex items-center gap-2">
                <input type="radio" name="kind" value={kind} defaultChecked={index === 0} className="accent-brand-600" />
                {feedbackKindLabels[kind]}
              </label>
            ))}
          </div>
          {errors.kind ? <p className="mt-1 text-rose-700 dark:text-rose-300">{errors.kind}</p> : null}
        </fieldset>
        <div>
          <label htmlFor="feedback-message" className="font-medium">
            What should we fix?
          </label>
          <textarea
            id="feedback-message"
            name="message"
            required
            minLength={10}
            maxLength={MAX_FEEDBACK_LENGTH}
            rows={4}
            aria-invalid={errors.message ? true : undefined}
            aria-describedby={errors.message ? "feedback-message-error" : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white p-2 dark:border-slate-600 dark:bg-slate-900"
          />
          {errors.message ? (
            <p id="feedback-message-error" className="mt-1 text-rose-700 dark:text-rose-300">
              {errors.message}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          disabled={status.state === "sending"}
          className="rounded-md bg-slate-800 px-3 py-1.5 font-semibold text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-200 dark:text-slate-900"
        >
          {status.state === "sending" ? "Sending…" : "Send report"}
        </button>
        <p role="status" aria-live="polite" className="min-h-5">
          {status.state === "sent" ? "Thank you. Your report is saved." : errors.form ?? errors.pagePath ?? ""}
        </p>
      </form>
    </details>
  );
}
