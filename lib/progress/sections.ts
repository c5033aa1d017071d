import { db } from "@/lib/db/client";

/** Marks a section read (the first time counts; reading it again keeps the first date). */
export async function markSectionRead(userId: string, path: string, at: Date = new Date()): Promise<void> {
  await db().sectionRead.upsert({ where: { userId_path: { userId, path } }, create: { userId, path, readAt: at }, update: {} });
}

export async function unmarkSectionRead(userId: string, path: string): Promise<void> {
  await db().sectionRead.deleteMany({ where: { userId, path } });
}

export async function sectionsRead(userId: string): Promise<{ path: string; readAt: Date }[]> {
  return db().sectionRead.findMany({ where: { userId }, select: { path: true, readAt: true }, orderBy: { readAt: "asc" } });
}
