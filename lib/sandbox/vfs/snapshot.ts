import * as z from "zod";
import { fromBase64, toBase64 } from "../core/encoding";
import type { MemoryFileSystem } from "./memory";

/**
 * The learner's files as plain JSON, for the session snapshot: every
 * directory and file, parents first, file bytes as base64 so binary files
 * (encrypted.txt) survive export and import unchanged.
 */
export const FILES_FORMAT = "keystone-files";
export const FILES_VERSION = 1;

const entrySchema = z.union([
  z.object({ path: z.string().startsWith("/"), type: z.literal("directory"), modifiedAt: z.number() }),
  z.object({ path: z.string().startsWith("/"), type: z.literal("file"), modifiedAt: z.number(), base64: z.string() }),
]);

export const filesSnapshotSchema = z.object({
  format: z.literal(FILES_FORMAT),
  version: z.literal(FILES_VERSION),
  home: z.string().startsWith("/"),
  cwd: z.string().startsWith("/"),
  entries: z.array(entrySchema),
});

export type FilesSnapshot = z.infer<typeof filesSnapshotSchema>;

export function snapshotFiles(fs: MemoryFileSystem): FilesSnapshot {
  return {
    format: FILES_FORMAT,
    version: FILES_VERSION,
    home: fs.home,
    cwd: fs.cwd,
    entries: fs.entries().map((entry) =>
      entry.type === "file"
        ? { path: entry.path, type: "file", modifiedAt: entry.modifiedAt, base64: toBase64(entry.data ?? new Uint8Array(0)) }
        : { path: entry.path, type: "directory", modifiedAt: entry.modifiedAt },
    ),
  };
}

/** Why a files snapshot cannot be restored, or undefined when it can. Checks everything, changes nothing. */
export function checkFilesSnapshot(value: unknown): string | undefined {
  const parsed = filesSnapshotSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`;
  }
  for (const entry of parsed.data.entries) {
    if (entry.type !== "file") continue;
    try {
      fromBase64(entry.base64);
    } catch {
      return `the file ${entry.path} is not valid base64`;
    }
  }
  return undefined;
}

/** Replaces the files of `fs` with a snapshot; throws (changing nothing) when the snapshot is damaged. */
export function restoreFiles(fs: MemoryFileSystem, value: unknown): void {
  const problem = checkFilesSnapshot(value);
  if (problem) throw new Error(problem);
  const snapshot = value as FilesSnapshot;
  fs.replaceAll(
    snapshot.entries.map((entry) =>
      entry.type === "file"
        ? { path: entry.path, type: "file", modifiedAt: entry.modifiedAt, data: fromBase64(entry.base64) }
        : { path: entry.path, type: "directory", modifiedAt: entry.modifiedAt },
    ),
    snapshot.cwd,
  );
}
