import type { Card } from "ts-fsrs";

/** A ts-fsrs Card as stored in MemoryCard.card: the same fields, dates as ISO strings. */
export function cardToJson(card: Card): string {
  return JSON.stringify(card);
}

export function cardFromJson(text: string): Card {
  const raw = JSON.parse(text) as Omit<Card, "due" | "last_review"> & { due: string; last_review?: string | null };
  return { ...raw, due: new Date(raw.due), last_review: raw.last_review ? new Date(raw.last_review) : undefined } as Card;
}
