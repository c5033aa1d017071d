"use client";

import { useState, type FormEvent } from "react";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/limits";
import { messageOf } from "../quiz/fetch-json";
import { postJson } from "./account-client";
import { buttonClass, Field, secondaryButtonClass } from "./Field";

function useAction() {
  const [state, setState] = useState<{ busy: boolean; problem: string | null; done: string | null }>({ busy: false, problem: null, done: null });
  const run = async (work: () => Promise<string>) => {
    setState({ busy: true, problem: null, done: null });
    try {
      setState({ busy: false, problem: null, done: await work() });
    } catch (error) {
      setState({ busy: false, problem: messageOf(error), done: null });
    }
  };
  return [state, run] as const;
}

export function ChangePasswordForm() {
  const [state, run] = useAction();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      const newPassword = String(data.get("newPassword") ?? "");
      if (newPassword.length < PASSWORD_MIN) throw new Error(`Choose a password of at least ${PASSWORD_MIN} characters.`);
      await postJson("/api/auth/change-password", { currentPassword: String(data.get("currentPassword") ?? ""), newPassword, revokeOtherSessions: data.get("revokeOthers") === "on" });
      form.reset();
      return "Your password is changed.";
    });
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} required hint={`At least ${PASSWORD_MIN} characters.`} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="revokeOthers" defaultChecked className="accent-brand-600" /> Sign out my other devices
      </label>
      {state.problem ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{state.problem}</p> : null}
      {state.done ? <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">{state.done}</p> : null}
      <button type="submit" className={buttonClass} disabled={state.busy}>
        Change password
      </button>
    </form>
  );
}

export function SignOutButton() {
  const [state, run] = useAction();
  return (
    <>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={state.busy}
        onClick={() =>
          void run(async () => {
            await postJson("/api/auth/sign-out", {});
            window.location.assign("/");
            return "Signed out.";
          })
        }
      >
        Sign out
      </button>
      {state.problem ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{state.problem}</p> : null}
    </>
  );
}

/** Deletes the account and all its data after the password is given again. */
export function DeleteAccountForm() {
  const [state, run] = useAction();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void run(async () => {
      if (data.get("confirm") !== "on") throw new Error("Tick the box to confirm that everything goes.");
      await postJson("/api/auth/delete-user", { password: String(data.get("password") ?? "") });
      window.location.assign("/?account=deleted");
      return "Your account is deleted.";
    });
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label="Your password" name="password" type="password" autoComplete="current-password" required />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="confirm" className="mt-1 accent-rose-600" /> I understand that my progress, attempts, sandbox saves and reports are deleted for good.
      </label>
      {state.problem ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{state.problem}</p> : null}
      <button type="submit" className="rounded-md bg-rose-700 px-4 py-2 font-semibold text-white hover:bg-rose-800 disabled:opacity-60" disabled={state.busy}>
        Delete my account
      </button>
    </form>
  );
}
