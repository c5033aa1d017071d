import type { Attempt } from "@/lib/quiz/progress/attempt";
import { messageOf } from "./fetch-json";

/**
 * Records an attempt in the learner's progress: their account when signed in,
 * this browser otherwise. The store (idb and ts-fsrs) is loaded on the first
 * answer, not with the page.
 */
export async function recordProgress(attempt: Attempt): Promise<{ saved: boolean; problem?: string }> {
  try {
    const { recordAttempt } = await import("../progress/progress-client");
    await recordAttempt(attempt);
    return { saved: true };
  } catch (error) {
    return { saved: false, problem: messageOf(error) };
  }
}

export function newAttemptId(): string {
  return crypto.randomUUID();
}
