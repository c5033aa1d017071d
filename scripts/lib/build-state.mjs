import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Everything a production build is made from; a change to any of them means rebuild. */
const inputs = ["app", "lib", "content", "public", "package.json", "package-lock.json", "next.config.mjs", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Why the app needs building, or null when .next holds a build newer than every input. */
export function buildNeeded(root = process.cwd()) {
  const marker = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(marker)) return "there is no production build yet";
  const built = statSync(marker).mtimeMs;
  for (const input of inputs) {
    if (newestMtime(path.join(root, input)) > built) return `${input} changed since the last build`;
  }
  return null;
}
