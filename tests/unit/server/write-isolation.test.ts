import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FifoLock } from "@/lib/db/serialized-sqlite";
import { testProvider, useTestDatabase } from "./test-database";

/**
 * A write the server acknowledged stays written when another request's
 * transaction, open at the same moment, rolls back. With Prisma 6.19's
 * better-sqlite3 adapter alone it did not: the lone write ran inside the
 * other transaction on the shared connection and was rolled back with it
 * (lib/db/serialized-sqlite.ts).
 */
let remove = async () => {};
beforeAll(async () => {
  ({ remove } = await useTestDatabase("isolation-"));
});
afterAll(() => remove());

describe(`write isolation on ${testProvider}`, () => {
  it("keeps an acknowledged write made while another transaction is open and then rolls back", async () => {
    const { db } = await import("@/lib/db/client");
    const failing = db()
      .$transaction(async (tx) => {
        await tx.feedback.create({ data: { pagePath: "/inside", kind: "other", message: "written by a transaction that fails" } });
        await new Promise((resolve) => setTimeout(resolve, 200));
        throw new Error("this transaction rolls back");
      })
      .catch((error: unknown) => (error as Error).message);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const acknowledged = await db().feedback.create({ data: { pagePath: "/outside", kind: "other", message: "acknowledged to its sender" }, select: { id: true } });
    expect(await failing).toBe("this transaction rolls back");
    const rows = await db().feedback.findMany({ select: { id: true, pagePath: true } });
    expect(rows).toEqual([{ id: acknowledged.id, pagePath: "/outside" }]);
  });

  it("serves waiters in the order they came", async () => {
    const lock = new FifoLock();
    const order: number[] = [];
    const first = await lock.acquire();
    const waiting = [1, 2, 3].map((index) => lock.acquire().then((release) => {
      order.push(index);
      release();
    }));
    first();
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
  });
});
