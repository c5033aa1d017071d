"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { messageOf } from "../quiz/fetch-json";
import { postJson } from "./account-client";

export function ResolveReportButton({ id, resolved }: { id: number; resolved: boolean }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="rounded border border-slate-300 px-2 py-1 text-xs font-semibold dark:border-slate-600"
        onClick={() =>
          postJson(`/api/feedback/${id}`, { resolved: !resolved }, "PATCH")
            .then(() => router.refresh())
            .catch((error: unknown) => setProblem(messageOf(error)))
        }
      >
        {resolved ? "Reopen" : "Mark dealt with"}
      </button>
      {problem ? <span role="alert" className="ml-2 text-xs text-rose-700">{problem}</span> : null}
    </>
  );
}
