/**
 * Makes the SQLite database ready: generates the Prisma client if it is
 * missing, applies pending migrations (creating the file on first run) and
 * turns on WAL so readers never wait for a writer. Safe to run every time.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { bin, mustRun } from "./lib/run.mjs";

export async function prepareDatabase({ quiet = false } = {}) {
  const stdio = quiet ? ["ignore", "ignore", "inherit"] : "inherit";
  if (!existsSync("generated/prisma/client.ts")) await mustRun(bin("prisma"), ["generate"], { stdio });
  await mustRun(bin("prisma"), ["migrate", "deploy"], { stdio });
  const url = process.env.DATABASE_URL ?? "file:" + path.join(process.cwd(), "prisma", "dev.db");
  const database = new Database(url.replace(/^file:/, ""));
  database.pragma("journal_mode = WAL");
  database.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await prepareDatabase();
}
