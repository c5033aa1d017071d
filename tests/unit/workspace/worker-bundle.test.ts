import type { Plugin } from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleForBrowser } from "../browser-bundle";

/**
 * The worker opens the sandbox before it loads the shell's commands and the
 * aws command (lib/sandbox/tools.ts), so that the first prompt waits for
 * less code. That holds only while nothing the worker imports statically
 * reaches them; this bundles the worker's entry with every dynamic import
 * left out and looks at what came in.
 */
const leaveDynamicImportsOut: Plugin = {
  name: "leave-dynamic-imports-out",
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) => (args.kind === "dynamic-import" ? { path: args.path, external: true } : undefined));
  },
};

describe("the sandbox worker's first load", () => {
  it("opens a sandbox without the tools, the CLI, JMESPath, YAML or re2js, and imports the tools dynamically", async () => {
    const result = await bundleForBrowser("lib/workspace/sandbox.worker.ts", { plugins: [leaveDynamicImportsOut] });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    // It does open sessions: the engine, the session, the shell's interpreter.
    expect(inputs.some((input) => input.endsWith("lib/sandbox/session.ts"))).toBe(true);
    expect(inputs.some((input) => input.endsWith("lib/sandbox/kms/service.ts"))).toBe(true);
    expect(inputs.filter((input) => /lib\/sandbox\/(tools|create-sandbox)\.ts$|lib\/sandbox\/cli\/(?!types\.ts)|lib\/sandbox\/shell\/commands\/(?!types\.ts)|node_modules\/(re2js|yaml)\//.test(input))).toEqual([]);
    expect(result.outputFiles[0]!.text).toContain('import("@/lib/sandbox/tools")');
  });
});
