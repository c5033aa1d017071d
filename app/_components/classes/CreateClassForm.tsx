"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "../account/account-client";
import { buttonClass, Field } from "../account/Field";

/** Creates a class and opens its dashboard. */
export function CreateClassForm() {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
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
  return (
    <form onSubmit={(event) => void create(event)} className="flex flex-wrap items-end gap-3">
      <Field label="Class name" name="name" required maxLength={80} />
      <Field label="Stuck after (minutes on one step)" name="stuckMinutes" type="number" min={1} max={600} defaultValue={15} required />
      <button type="submit" className={buttonClass}>
        Create class
      </button>
      <p role="alert" className="w-full text-sm text-rose-700 dark:text-rose-300">
        {error ?? ""}
      </p>
    </form>
  );
}
