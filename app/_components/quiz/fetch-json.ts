import type { PracticeItem } from "@/lib/quiz/question-query";

/** A JSON response's body, or an Error carrying the server's message (its `error` field) when it is not 2xx. */
export async function jsonOrError<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  let message = response.statusText;
  try {
    message = ((await response.json()) as { error?: string }).error ?? message;
  } catch {
    // Not JSON: the status text says enough.
  }
  throw new Error(message);
}

/** Practice questions with their answers from /api/questions (a chapter, exam points or ids). */
export async function fetchPracticeQuestions(query: Record<string, string | number>): Promise<PracticeItem[]> {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  return (await jsonOrError<{ questions: PracticeItem[] }>(await fetch(`/api/questions?${search}`))).questions;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
