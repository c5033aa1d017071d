"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/limits";
import { messageOf } from "../quiz/fetch-json";
import { postJson } from "./account-client";
import { buttonClass, Field } from "./Field";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function RequestResetForm() {
  const [state, setState] = useState<"idle" | "busy" | "sent">("idle");
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!email) return setProblem("Enter the email address of your account.");
    setState("busy");
    setProblem(null);
    try {
      await postJson("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" });
      setState("sent");
    } catch (error) {
      setState("idle");
      setProblem(messageOf(error));
    }
  }
  if (state === "sent")
    return (
      <p role="status" className="rounded-md bg-emerald-50 p-3 dark:bg-emerald-950">
        If that address has an account, a link to choose a new password is on its way. It works for one hour.
      </p>
    );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      {problem ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{problem}</p> : null}
      <button type="submit" className={buttonClass} disabled={state === "busy"}>
        {state === "busy" ? "Sending…" : "Send me a reset link"}
      </button>
    </form>
  );
}

/** Sets a new password with the token from the emailed link; every session of the account is signed out. */
export function ResetPasswordForm({ token, linkError }: { token?: string; linkError?: string }) {
  const [state, setState] = useState<"idle" | "busy" | "done">("idle");
  const [problem, setProblem] = useState<string | null>(null);
  if (linkError || !token)
    return (
      <p role="alert" className="rounded-md bg-rose-50 p-3 dark:bg-rose-950">
        This reset link is not valid any more (links work once, for an hour). <Link href="/forgot-password" className="underline">Ask for a new one</Link>.
      </p>
    );
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get("password") ?? "");
    if (password.length < PASSWORD_MIN) return setProblem(`Choose a password of at least ${PASSWORD_MIN} characters.`);
    if (password !== String(data.get("confirm") ?? "")) return setProblem("The two passwords differ.");
    setState("busy");
    setProblem(null);
    try {
      await postJson("/api/auth/reset-password", { newPassword: password, token });
      setState("done");
    } catch (error) {
      setState("idle");
      setProblem(messageOf(error));
    }
  }
  if (state === "done")
    return (
      <p role="status" className="rounded-md bg-emerald-50 p-3 dark:bg-emerald-950">
        Your password is changed and every device was signed out. <Link href="/sign-in" className="font-semibold underline">Sign in</Link> with the new one.
      </p>
    );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label="New password" name="password" type="password" autoComplete="new-password" minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} required hint={`At least ${PASSWORD_MIN} characters.`} />
      <Field label="The new password again" name="confirm" type="password" autoComplete="new-password" required />
      {problem ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{problem}</p> : null}
      <button type="submit" className={buttonClass} disabled={state === "busy"}>
        {state === "busy" ? "Saving…" : "Set the new password"}
      </button>
    </form>
  );
}
