/**
 * Maintainer script: rewrites the operations section of lib/sandbox/README.md
 * from the CLI models and the engine (lib/sandbox/cli/operations-doc.ts).
 *   npx tsx scripts/generate-operations-doc.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withOperationsSection } from "../lib/sandbox/cli/operations-doc";

const readme = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), "lib/sandbox/README.md");
writeFileSync(readme, withOperationsSection(readFileSync(readme, "utf8")));
console.log("lib/sandbox/README.md: operations section regenerated");
