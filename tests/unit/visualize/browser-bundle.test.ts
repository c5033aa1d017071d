import { describe, expect, it } from "vitest";
import { bundleForBrowser } from "../browser-bundle";

/**
 * The sandbox workspace draws machines in the browser, in a chunk it loads
 * lazily: the diagram must bundle for the browser (no Node built-ins) and
 * must not drag the whole engine in with the machines it draws.
 */
describe("the state machine diagram in the browser", () => {
  it("bundles for the browser with dagre and the machines, without the engine", async () => {
    const result = await bundleForBrowser("app/_components/diagrams/StateMachineDiagram.tsx", { minify: true, jsx: "automatic", external: ["react", "react/jsx-runtime"] });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => input.startsWith("node:"))).toEqual([]);
    expect(inputs.some((input) => input.includes("@dagrejs/dagre"))).toBe(true);
    // The machines' own modules, not the services, the shell or the CLI.
    expect(inputs.filter((input) => /lib\/sandbox\/(cli|shell|iam|crypto|trail)\/|service\.ts$/.test(input))).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/\bprocess\.env\b|\brequire\("/);
  });
});
