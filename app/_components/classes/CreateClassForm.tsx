"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { postJson } from "../account/account-client";

/** Creates a class and opens its dashboard. */
export function CreateClassForm() {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const nameId = useId();
  const stuckId = useId();
  const create = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const created = await postJson<{ id: string }>("/api/classes", { name: String(form.get("name") ?? ""), stuckMinutes: Number(form.get("stuckMinutes")) });
      router.push(`/instructor/classes/${created.id}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const field = "mt-1 rounded-md border border-slate-400 bg-white px-2 py-1.5 dark:border-slate-500 dark:bg-slate-900";
  return (
    <form onSubmit={(event) => void create(event)} className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={nameId} className="block text-sm font-medium">
          Class name
        </label>
        <input id={nameId} name="name" required maxLength={80} className={`${field} w-72`} />
      </div>
      <div>
        <label htmlFor={stuckId} className="block text-sm font-medium">
          Stuck after (minutes on one step)
        </label>
        <input id={stuckId} name="stuckMinutes" type="number" min={1} max={600} defaultValue={15} required className={`${field} w-24`} />
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
        Create class
      </button>
      <p role="alert" className="w-full text-sm text-rose-700 dark:text-rose-300">
        {error ?? ""}
      </p>
    </form>
  );
}
