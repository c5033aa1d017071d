/**
 * Where a learner's progress goes from the browser: to the account when one
 * is signed in (each write acknowledged by the server after it commits), to
 * the browser's IndexedDB otherwise. The pages call these and never ask which.
 */
import { cardFromStored, type StoredCard } from "@/lib/progress/card-json";
import type { Memory } from "@/lib/quiz/memory";
import type { Attempt } from "@/lib/quiz/progress/attempt";
import { currentAccount, postJson } from "../account/account-client";

export const PROGRESS_EVENT = "keystone:progress";

export interface ProgressSnapshot {
  where: "account" | "browser";
  memory: Memory;
  examDate: string | undefined;
  sectionsRead: { path: string; readAt: string }[];
}

function changed() {
  window.dispatchEvent(new Event(PROGRESS_EVENT));
}

const browserStore = () => import("@/lib/quiz/progress/browser-store");

export async function loadProgress(): Promise<ProgressSnapshot> {
  if (await currentAccount()) {
    const response = await fetch("/api/progress", { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) throw new Error(`Your progress could not be read from your account (the server answered ${response.status}).`);
    const body = (await response.json()) as { memory: Record<string, StoredCard>; examDate: string | null; sectionsRead: { path: string; readAt: string }[] };
    return { where: "account", memory: new Map(Object.entries(body.memory).map(([point, card]) => [point, cardFromStored(card)])), examDate: body.examDate ?? undefined, sectionsRead: body.sectionsRead };
  }
  const store = await browserStore();
  const [memory, examDate, sectionsRead] = await Promise.all([store.loadMemory(), store.loadExamDate(), store.loadSectionsRead()]);
  return { where: "browser", memory, examDate, sectionsRead };
}

/** The sections marked read, alone: a section page needs no memory replayed for it. */
export async function loadSectionsRead(): Promise<{ path: string; readAt: string }[]> {
  if (await currentAccount()) {
    const response = await fetch("/api/progress/sections", { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) throw new Error(`Your progress could not be read from your account (the server answered ${response.status}).`);
    return ((await response.json()) as { sectionsRead: { path: string; readAt: string }[] }).sectionsRead;
  }
  return (await browserStore()).loadSectionsRead();
}

/** Records an attempt; a second call with the same attempt id changes nothing, wherever it is kept. */
export async function recordAttempt(attempt: Attempt): Promise<void> {
  // keepalive: the answer still reaches the server when the learner leaves the page right after answering.
  if (await currentAccount()) await postJson("/api/progress/attempts", attempt, "POST", { keepalive: JSON.stringify(attempt).length < 60_000 });
  else await (await browserStore()).recordAttempt(attempt);
  changed();
}

export async function saveExamDate(date: string | undefined): Promise<void> {
  if (await currentAccount()) await postJson("/api/progress/exam-date", { examDate: date ?? null }, "PUT");
  else await (await browserStore()).saveExamDate(date);
  changed();
}

export async function setSectionRead(path: string, read: boolean): Promise<void> {
  if (await currentAccount()) await postJson("/api/progress/sections", { path }, read ? "POST" : "DELETE");
  else await (await browserStore()).setSectionRead(path, read);
  changed();
}

export interface MergeOutcome {
  attemptsAdded: number;
  attemptsAlreadyThere: number;
  sectionsAdded: number;
  examDateSet: boolean;
}

/**
 * After sign-in or sign-up: sends what this browser kept without an account to
 * the account, and empties the browser's copy only once the server has
 * committed it. Resolves with null when there was nothing to send.
 */
export async function mergeBrowserIntoAccount(): Promise<MergeOutcome | null> {
  const store = await browserStore();
  const progress = await store.exportBrowserProgress();
  if (progress.attempts.length === 0 && progress.sectionsRead.length === 0 && !progress.examDate) return null;
  const outcome = await postJson<MergeOutcome>("/api/progress/merge", progress);
  await store.clearBrowserProgress();
  return outcome;
}
