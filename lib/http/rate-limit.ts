/**
 * A fixed-window rate limiter counted in the database (the RateLimit table
 * better-auth uses too), so every app instance behind a load balancer counts
 * against the same limit and a restart forgets nothing.
 */
import { randomUUID } from "node:crypto";
import { db, type Database } from "@/lib/db/client";

export interface Limit {
  /** Requests allowed per window. */
  max: number;
  windowSeconds: number;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one request for `key`; refuses it when the window's count is used up. */
export async function consume(key: string, limit: Limit, now: number = Date.now(), database: Database = db()): Promise<LimitDecision> {
  const windowMs = limit.windowSeconds * 1000;
  return database.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    if (!row || now - Number(row.lastRequest) >= windowMs) {
      // lastRequest marks the start of the window here.
      await tx.rateLimit.upsert({ where: { key }, create: { id: randomUUID(), key, count: 1, lastRequest: BigInt(now) }, update: { count: 1, lastRequest: BigInt(now) } });
      return { allowed: true };
    }
    if (row.count >= limit.max) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Number(row.lastRequest) + windowMs - now) / 1000)) };
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return { allowed: true };
  });
}

/**
 * The client's address as the app sees it: the first X-Forwarded-For entry
 * (Next fills it from the connection when no proxy did). Behind a load
 * balancer that overwrites X-Forwarded-For this is the real client.
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
