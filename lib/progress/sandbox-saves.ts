import { db } from "@/lib/db/client";
import { MAX_SANDBOX_SAVES } from "./schemas";

export interface SandboxSaveSummary {
  name: string;
  scenario: string;
  bytes: number;
  updatedAt: Date;
}

export class TooManySaves extends Error {}

export async function listSandboxSaves(userId: string): Promise<SandboxSaveSummary[]> {
  const rows = await db().sandboxSave.findMany({ where: { userId }, select: { name: true, scenario: true, snapshot: true, updatedAt: true }, orderBy: { updatedAt: "desc" } });
  return rows.map((row) => ({ name: row.name, scenario: row.scenario, bytes: Buffer.byteLength(row.snapshot), updatedAt: row.updatedAt }));
}

/** Saves under the name, replacing a save of that name. Refuses a new name beyond MAX_SANDBOX_SAVES. */
export async function putSandboxSave(userId: string, save: { name: string; scenario: string; snapshot: string }): Promise<{ created: boolean }> {
  return db().$transaction(async (tx) => {
    const existing = await tx.sandboxSave.findUnique({ where: { userId_name: { userId, name: save.name } }, select: { id: true } });
    if (existing) {
      await tx.sandboxSave.update({ where: { id: existing.id }, data: { scenario: save.scenario, snapshot: save.snapshot } });
      return { created: false };
    }
    if ((await tx.sandboxSave.count({ where: { userId } })) >= MAX_SANDBOX_SAVES) throw new TooManySaves(`You have ${MAX_SANDBOX_SAVES} saves; delete one to make room.`);
    await tx.sandboxSave.create({ data: { userId, ...save } });
    return { created: true };
  });
}

export async function getSandboxSave(userId: string, name: string): Promise<{ name: string; scenario: string; snapshot: string; updatedAt: Date } | null> {
  return db().sandboxSave.findUnique({ where: { userId_name: { userId, name } }, select: { name: true, scenario: true, snapshot: true, updatedAt: true } });
}

export async function deleteSandboxSave(userId: string, name: string): Promise<boolean> {
  const { count } = await db().sandboxSave.deleteMany({ where: { userId, name } });
  return count > 0;
}
