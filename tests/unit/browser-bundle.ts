import { fileURLToPath } from "node:url";
import { build, type BuildOptions } from "esbuild";

const ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");

/**
 * Bundles one entry as a browser would get it (esbuild, ESM, in memory, with
 * the project's `@/` alias), for tests that look at what a bundle pulls in.
 */
export function bundleForBrowser(entry: string, options: Pick<BuildOptions, "minify" | "jsx" | "external" | "plugins"> = {}) {
  return build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
    metafile: true,
    alias: { "@": ROOT },
    ...options,
  });
}
