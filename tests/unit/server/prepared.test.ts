import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, testProvider, useTestDatabase } from "./test-database";

/**
 * The prepared statements every answer runs (lib/db/prepared.ts), on the
 * drivers beside Prisma: they read what Prisma wrote in Prisma's own formats,
 * commit all of a transaction or none of it, and on SQLite take turns with
 * Prisma's connection instead of writing inside its open transaction.
 */
const SECRET = "a test secret that is long enough for better-auth";
let remove = async () => {};
beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET = SECRET;
  ({ remove } = await useTestDatabase("prepared-"));
});
afterAll(() => remove());

const client = () => import("@/lib/db/client");

/** A request's headers carrying the session cookie better-auth would set for this token. */
function withSession(token: string): Headers {
  const signature = createHmac("sha256", SECRET).update(token).digest("base64");
  return new Headers({ cookie: `theme=dark; keystone.session_token=${encodeURIComponent(`${token}.${signature}`)}` });
}

describe(`prepared statements on ${testProvider}`, () => {
  it("finds the user of a live session Prisma wrote, and nobody for an expired, revoked or forged one", async () => {
    const { db } = await client();
    const { currentUser } = await import("@/lib/auth/session");
    const userId = await createUser("grace@example.com", "instructor");
    const session = (token: string, expiresAt: Date) => db().session.create({ data: { id: token, token, userId, expiresAt } });
    await session("live-token", new Date(Date.now() + 3_600_000));
    await session("expired-token", new Date(Date.now() - 1_000));
    await session("revoked-token", new Date(Date.now() + 3_600_000));
    await db().session.delete({ where: { token: "revoked-token" } });

    expect(await currentUser(withSession("live-token"))).toEqual({ id: userId, email: "grace@example.com", name: "grace", role: "instructor" });
    expect(await currentUser(withSession("expired-token"))).toBeNull();
    expect(await currentUser(withSession("revoked-token"))).toBeNull();
    const forged = new Headers({ cookie: `keystone.session_token=${encodeURIComponent("live-token.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")}` });
    expect(await currentUser(forged)).toBeNull();
  });

  it("commits every statement of a transaction or none of them", async () => {
    const { db, prepared } = await client();
    const insert = (id: number, message: string) => ({
      sql: `INSERT INTO "Feedback" ("id", "pagePath", "kind", "message", "createdAt") VALUES ($1, $2, $3, $4, $5)`,
      params: [id, "/prepared", "other", message, new Date("2026-12-04T10:00:00.000Z")],
    });
    expect(await prepared().transaction([insert(1001, "first"), insert(1002, "second")])).toEqual([1, 1]);
    await expect(prepared().transaction([insert(1003, "third"), insert(1001, "a duplicate id")])).rejects.toThrow();
    const rows = await db().feedback.findMany({ where: { pagePath: "/prepared" }, select: { id: true, createdAt: true }, orderBy: { id: "asc" } });
    expect(rows).toEqual([
      { id: 1001, createdAt: new Date("2026-12-04T10:00:00.000Z") },
      { id: 1002, createdAt: new Date("2026-12-04T10:00:00.000Z") },
    ]);
  });

  it("keeps a prepared write made while a Prisma transaction is open and then rolls back", async () => {
    const { db, prepared } = await client();
    const failing = db()
      .$transaction(async (tx) => {
        await tx.feedback.create({ data: { pagePath: "/rolled-back", kind: "other", message: "written by a transaction that fails" } });
        await new Promise((resolve) => setTimeout(resolve, 200));
        throw new Error("this transaction rolls back");
      })
      .catch((error: unknown) => (error as Error).message);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await prepared().transaction([
      { sql: `INSERT INTO "Feedback" ("id", "pagePath", "kind", "message", "createdAt") VALUES ($1, $2, $3, $4, $5)`, params: [2001, "/kept", "other", "acknowledged", new Date()] },
    ]);
    expect(await failing).toBe("this transaction rolls back");
    expect(await db().feedback.findMany({ where: { pagePath: { in: ["/kept", "/rolled-back"] } }, select: { id: true } })).toEqual([{ id: 2001 }]);
  });
});
