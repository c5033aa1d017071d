import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/conformance/**/*.test.ts"],
    environment: "node",
    // Compiling the whole course takes a few seconds on two cores.
    testTimeout: 60_000,
  },
});
