import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPERATIONS_DOC_END, OPERATIONS_DOC_START, operationsMarkdown } from "@/lib/sandbox/cli/operations-doc";

/** lib/sandbox/README.md lists every operation as the code has it (regenerate with scripts/generate-operations-doc.ts). */
describe("the sandbox README's operations section", () => {
  const readme = readFileSync(new URL("../../../lib/sandbox/README.md", import.meta.url), "utf8");

  it("is the one generated from the models and the engine", () => {
    const section = readme.slice(readme.indexOf(OPERATIONS_DOC_START), readme.indexOf(OPERATIONS_DOC_END) + OPERATIONS_DOC_END.length);
    expect(section).toBe(operationsMarkdown());
  });

  it("marks each operation simulated, partly simulated with what is left out, or not simulated", () => {
    const markdown = operationsMarkdown();
    expect(markdown).toMatch(/\| Encrypt \| `encrypt` \| simulated \(As in CLI v2/);
    expect(markdown).toMatch(/\| Decrypt \| `decrypt` \| simulated \|/);
    expect(markdown).toMatch(/\| GenerateDataKeyPair \| `generate-data-key-pair` \| partly: SM2 and ECC_NIST_EDWARDS25519 pairs are not simulated\. \|/);
    expect(markdown).toMatch(/\| DeriveSharedSecret \| `derive-shared-secret` \| not simulated: /);
    expect(markdown).toMatch(/operations are not simulated \(listed on the site's \/sandbox\/operations page\)/);
  });
});
