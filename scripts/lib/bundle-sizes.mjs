import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/** The emptiest route: the framework and the root layout, the floor every page pays. */
export const FLOOR_ROUTE = "/_not-found";

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

/**
 * First-load JavaScript of every route of the last `next build`, raw and
 * gzipped (level 9), from the chunk lists Next writes to
 * .next/diagnostics/route-bundle-stats.json.
 */
export function firstLoadJs(statsFile = ".next/diagnostics/route-bundle-stats.json") {
  const stats = JSON.parse(readFileSync(statsFile, "utf8"));
  return stats
    .map(({ route, firstLoadChunkPaths }) => {
      let raw = 0;
      let gzip = 0;
      for (const chunk of firstLoadChunkPaths) {
        const bytes = readFileSync(chunk);
        raw += bytes.length;
        gzip += gzipSync(bytes, { level: 9 }).length;
      }
      return { route, chunks: firstLoadChunkPaths.length, rawKB: kb(raw), gzipKB: kb(gzip) };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
