"use client";

import { useCallback, useEffect, useId, useState } from "react";
import { currentAccount, postJson } from "../account/account-client";
import { jsonOrError, messageOf } from "../quiz/fetch-json";

interface SaveSummary {
  name: string;
  scenario: string;
  bytes: number;
  updatedAt: string;
}

/**
 * Named saves of the sandbox on the learner's account (signed in only): keep
 * the current sandbox under a name, open one on any device, delete one. The
 * sandbox goes as the same JSON as Export.
 */
export function AccountSaves({ scenario, exportJson, importJson, onMessage }: { scenario: string; exportJson: () => Promise<string>; importJson: (text: string) => Promise<{ ok: true } | { ok: false; message: string }>; onMessage: (message: { kind: "ok" | "error"; text: string }) => void }) {
  const [signedIn, setSignedIn] = useState(false);
  const [saves, setSaves] = useState<SaveSummary[]>([]);
  const [chosen, setChosen] = useState("");
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const listId = useId();

  const refresh = useCallback(async () => {
    const response = await fetch("/api/progress/sandbox-saves", { cache: "no-store" });
    if (!response.ok) return;
    const body = (await response.json()) as { saves: SaveSummary[] };
    setSaves(body.saves);
    setChosen((current) => (body.saves.some((save) => save.name === current) ? current : (body.saves[0]?.name ?? "")));
  }, []);

  useEffect(() => {
    let live = true;
    void currentAccount().then((account) => {
      if (!live || !account) return;
      setSignedIn(true);
      void refresh();
    });
    return () => {
      live = false;
    };
  }, [refresh]);

  if (!signedIn) return null;
  const button = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50 dark:ring-slate-600 dark:hover:bg-slate-800";
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      onMessage({ kind: "ok", text: await work() });
    } catch (error) {
      onMessage({ kind: "error", text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Saves on your account">
      <form
        className="flex items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const name = String(new FormData(form).get("name") ?? "").trim();
          void act(async () => {
            if (!name) throw new Error("Name the save first.");
            const snapshot = await exportJson();
            const result = await postJson<{ created: boolean }>(`/api/progress/sandbox-saves/${encodeURIComponent(name)}`, { scenario, snapshot }, "PUT");
            form.reset();
            await refresh();
            return result.created ? `Saved the sandbox to your account as "${name}".` : `Replaced your save "${name}".`;
          });
        }}
      >
        <label htmlFor={nameId} className="sr-only">
          Name of the save
        </label>
        <input id={nameId} name="name" maxLength={80} placeholder="Name of the save" className="w-40 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-500 dark:bg-slate-900" />
        <button type="submit" className={button} disabled={busy}>
          Save to my account
        </button>
      </form>
      {saves.length > 0 ? (
        <>
          <label htmlFor={listId} className="text-sm font-medium">
            My saves
          </label>
          <select id={listId} value={chosen} onChange={(event) => setChosen(event.target.value)} className="max-w-[12rem] rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-500 dark:bg-slate-900">
            {saves.map((save) => (
              <option key={save.name} value={save.name}>
                {save.name} ({save.scenario}, {new Date(save.updatedAt).toLocaleDateString()})
              </option>
            ))}
          </select>
          <button
            type="button"
            className={button}
            disabled={busy || !chosen}
            onClick={() =>
              void act(async () => {
                const save = await jsonOrError<{ snapshot: string }>(await fetch(`/api/progress/sandbox-saves/${encodeURIComponent(chosen)}`, { cache: "no-store" }));
                if (!window.confirm(`Open "${chosen}"? It replaces the sandbox you have now (save or export it first to keep it).`)) return "Nothing was changed.";
                const outcome = await importJson(save.snapshot);
                if (!outcome.ok) throw new Error(outcome.message);
                return `Opened your save "${chosen}".`;
              })
            }
          >
            Open
          </button>
          <button
            type="button"
            className={button}
            disabled={busy || !chosen}
            onClick={() =>
              void act(async () => {
                if (!window.confirm(`Delete your save "${chosen}"?`)) return "Nothing was deleted.";
                const response = await fetch(`/api/progress/sandbox-saves/${encodeURIComponent(chosen)}`, { method: "DELETE" });
                if (!response.ok) throw new Error(`The save could not be deleted (the server answered ${response.status}).`);
                await refresh();
                return `Deleted your save "${chosen}".`;
              })
            }
          >
            Delete
          </button>
        </>
      ) : null}
    </div>
  );
}
