import type { Card } from "ts-fsrs";

/** A ts-fsrs Card as stored in MemoryCard.card: the same fields, dates as ISO strings. */
export function cardToJson(card: Card): string {
  return JSON.stringify(card);
}

/** A Card as it travels in JSON (the database column, the progress API): its dates as strings. */
export type StoredCard = Omit<Card, "due" | "last_review"> & { due: string; last_review?: string | null };

export function cardFromStored(raw: StoredCard): Card {
  return { ...raw, due: new Date(raw.due), last_review: raw.last_review ? new Date(raw.last_review) : undefined } as Card;
}

export function cardFromJson(text: string): Card {
  return cardFromStored(JSON.parse(text) as StoredCard);
}
