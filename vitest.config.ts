import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    environment: "node",
    // Compiling the whole course takes a few seconds on two cores.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/conformance/**/*.test.ts"] },
      },
      {
        // The server suite again, on a real PostgreSQL (a throw-away cluster for the run).
        extends: true,
        test: {
          name: "server-postgresql",
          include: ["tests/unit/server/**/*.test.ts"],
          env: { TEST_DATABASE_PROVIDER: "postgresql" },
          globalSetup: ["tests/unit/server/postgres-setup.ts"],
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
