import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundleForBrowser } from "../browser-bundle";

/** The engine runs in the browser as well as in Node: these keep it that way. */
function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith(".ts") ? [file] : [];
  });
}

describe("the sandbox engine is isomorphic", () => {
  it("imports nothing from Node, React, Next.js or the DOM-bound app", () => {
    const offenders = sourceFiles("lib/sandbox").flatMap((file) => {
      const text = readFileSync(file, "utf8");
      const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((match) => match[1]!);
      return imports.filter((name) => name.startsWith("node:") || /^(react|next|fs|path|crypto|buffer)(\/|$)/.test(name) || name.startsWith("@/app")).map((name) => `${file}: ${name}`);
    });
    expect(offenders).toEqual([]);
  });

  it("bundles for the browser with no Node built-ins", async () => {
    const result = await bundleForBrowser("lib/sandbox/index.ts", { minify: true });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => input.startsWith("node:") || input.includes("node_modules/buffer"))).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/\bprocess\.env\b|\brequire\("/);
  });
});
