"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "../account/account-client";
import { buttonClass, Field } from "../account/Field";

/** Joins a class by its code (prefilled from a join link). */
export function JoinClassForm({ initialCode = "" }: { initialCode?: string }) {
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const join = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const joined = await postJson<{ name: string; joined: boolean }>("/api/classes/join", { code });
      setMessage({ kind: "ok", text: joined.joined ? `You joined ${joined.name}.` : `You are already in ${joined.name}.` });
      setCode("");
      router.refresh();
    } catch (error) {
      setMessage({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void join(event)} className="flex flex-wrap items-end gap-3">
      <Field label="Class code" name="code" value={code} onChange={(event) => setCode(event.target.value)} required maxLength={40} autoComplete="off" placeholder="ABCD-2345" />
      <button type="submit" disabled={busy} className={buttonClass}>
        Join class
      </button>
      <p role="status" aria-live="polite" className={`w-full text-sm ${message?.kind === "error" ? "text-rose-700 dark:text-rose-300" : "text-emerald-800 dark:text-emerald-300"}`}>
        {message?.text ?? ""}
      </p>
    </form>
  );
}
