import { defineConfig, devices } from "@playwright/test";
import { e2eDatabaseFile, e2eMailFile, e2ePort as PORT } from "./tests/e2e/e2e-env";

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  reporter: [["list"], ["json"]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: "off" },
  projects: [
    {
      name: "debian-chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: {
    // The production build (scripts/test.mjs builds first when needed) on a fresh database.
    command: `rm -f ${e2eDatabaseFile}* ${e2eMailFile} && node scripts/prepare-db.mjs && node node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1`,
    env: { DATABASE_URL: `file:${e2eDatabaseFile}`, MAIL_TRANSPORT: `file:${e2eMailFile}` },
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
