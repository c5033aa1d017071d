/**
 * Sandboxes saved by the first version of the terminal, in localStorage
 * (`keystone.sandbox.<scenario>`, `{ format: "keystone-sandbox-save",
 * version: 1, scenario, savedAt, snapshot }`). They are read once, moved into
 * IndexedDB, and removed.
 */
export const legacyStorageKey = (scenario: string) => `keystone.sandbox.${scenario}`;

export type LegacyRead = { status: "found"; snapshot: unknown; savedAt: string } | { status: "unreadable"; message: string };

export function readLegacySave(text: string, scenario: string): LegacyRead {
  try {
    const parsed = JSON.parse(text) as { format?: unknown; version?: unknown; scenario?: unknown; savedAt?: unknown; snapshot?: unknown };
    if (parsed.format !== "keystone-sandbox-save" || parsed.version !== 1 || parsed.scenario !== scenario || parsed.snapshot === undefined) {
      return { status: "unreadable", message: "The sandbox saved by an earlier version is in a format this version does not read." };
    }
    return { status: "found", snapshot: parsed.snapshot, savedAt: typeof parsed.savedAt === "string" ? parsed.savedAt : new Date(0).toISOString() };
  } catch {
    return { status: "unreadable", message: "The sandbox saved by an earlier version is damaged." };
  }
}
