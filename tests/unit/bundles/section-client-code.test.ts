import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What a section page sends to the browser: the client components its server
 * code imports, and everything they import. The section route has a budget of
 * 15 KB gzip over the framework (npm run bench -- site); zod alone is about
 * 30 KB, and once slipped in through the lab step's client code. This follows
 * the static imports (dynamic import() loads later, on demand) and says which
 * chain brings a forbidden module in.
 */
const ROOT = path.resolve(".");
const FORBIDDEN = ["zod", "better-auth", "@prisma/client", "xstate"];

function resolve(from: string, spec: string): string | undefined {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : undefined;
  if (!base) return undefined;
  return ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((file) => existsSync(file) && !file.endsWith("/"));
}

/** Static value imports of a module (type-only imports and dynamic import() excluded). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((match) => match[1]!);
}

const isClient = (file: string) => /^\s*["']use client["']/.test(readFileSync(file, "utf8"));

/** The first chain from a client module of the page to a forbidden package, if any. */
function forbiddenChain(entry: string): string[] | undefined {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[], inClient: boolean): string[] | undefined => {
    const client = inClient || isClient(file);
    const key = `${file}|${client}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    for (const spec of importsOf(file)) {
      if (client && FORBIDDEN.some((name) => spec === name || spec.startsWith(`${name}/`))) return [...chain, spec];
      const next = resolve(file, spec);
      if (next) {
        const found = walk(next, [...chain, path.relative(ROOT, next)], client);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(entry, [path.relative(ROOT, entry)], false);
}

describe("the JavaScript a section page sends", () => {
  it("brings no schema library, auth, database client or state machine into the browser", () => {
    expect(forbiddenChain(path.join(ROOT, "app/chapters/[chapter]/[section]/page.tsx"))).toBeUndefined();
  });

  it("would notice one: a lab page does bring zod, through its step's record", () => {
    expect(forbiddenChain(path.join(ROOT, "app/labs/[id]/page.tsx"))).toContain("zod");
  });
});
