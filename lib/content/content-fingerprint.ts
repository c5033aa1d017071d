import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/**
 * A cheap summary of every file under the content folder: path, size and
 * modification time. Two equal fingerprints mean nothing an author could have
 * edited has changed, so the course built for the first is still right.
 */
export async function contentFingerprint(root: string): Promise<string> {
  const entries: string[] = [];
  async function walk(folder: string): Promise<void> {
    const children = await readdir(folder, { withFileTypes: true });
    await Promise.all(
      children.map(async (child) => {
        const full = path.join(folder, child.name);
        if (child.isDirectory()) return walk(full);
        const info = await stat(full);
        entries.push(`${full}:${info.size}:${info.mtimeMs}`);
      }),
    );
  }
  await walk(root);
  return entries.sort().join("\n");
}
