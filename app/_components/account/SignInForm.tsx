"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/limits";
import { mergeBrowserIntoAccount } from "../progress/progress-client";
import { messageOf } from "../quiz/fetch-json";
import { postJson } from "./account-client";
import { buttonClass, Field } from "./Field";

type Mode = "sign-in" | "sign-up";

/**
 * Sign in or create an account. On success the progress this browser kept
 * without an account is carried into it (once: attempts keep their ids), and
 * the learner lands on their dashboard, told what was carried over.
 */
export function SignInForm({ mode, next }: { mode: Mode; next?: string }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const name = String(data.get("name") ?? "").trim();
    if (!email || !password || (mode === "sign-up" && !name)) {
      setProblem("Fill in every field.");
      return;
    }
    if (mode === "sign-up" && password.length < PASSWORD_MIN) {
      setProblem(`Choose a password of at least ${PASSWORD_MIN} characters.`);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      if (mode === "sign-up") await postJson("/api/auth/sign-up/email", { name, email, password });
      else await postJson("/api/auth/sign-in/email", { email, password });
    } catch (error) {
      setBusy(false);
      setProblem(messageOf(error));
      return;
    }
    let merged = "";
    try {
      const outcome = await mergeBrowserIntoAccount();
      if (outcome) merged = `merged=${outcome.attemptsAdded}.${outcome.sectionsAdded}`;
    } catch {
      // Signed in, but the browser's progress is still in the browser: the dashboard says so, and the next sign-in tries again.
      merged = "merge-failed=1";
    }
    const target = next && next.startsWith("/") && !next.startsWith("//") ? next : "/dashboard";
    window.location.assign(merged ? `${target}${target.includes("?") ? "&" : "?"}${merged}` : target);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {mode === "sign-up" ? <Field label="Your name" name="name" autoComplete="name" required maxLength={100} /> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required maxLength={254} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
        required
        minLength={mode === "sign-up" ? PASSWORD_MIN : undefined}
        maxLength={PASSWORD_MAX}
        hint={mode === "sign-up" ? `At least ${PASSWORD_MIN} characters. A passphrase of a few words is easy to remember and hard to guess.` : undefined}
      />
      {problem ? (
        <p role="alert" className="rounded-md bg-rose-50 p-3 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
          {problem}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClass} disabled={busy} aria-busy={busy}>
          {busy ? (mode === "sign-up" ? "Creating your account…" : "Signing in…") : mode === "sign-up" ? "Create account" : "Sign in"}
        </button>
        {mode === "sign-in" ? (
          <Link href="/forgot-password" className="text-sm text-brand-700 underline dark:text-brand-300">
            Forgot your password?
          </Link>
        ) : null}
      </div>
      <noscript>
        <p className="text-sm">Signing in needs JavaScript. Everything else on the site works without it.</p>
      </noscript>
    </form>
  );
}
