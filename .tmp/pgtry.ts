import { startPostgres } from "../scripts/lib/postgres-cluster.mjs";
import { execFileSync } from "node:child_process";
const pg = await startPostgres();
try {
  console.log(execFileSync("node", ["scripts/prepare-db.mjs"], { env: { ...process.env, DATABASE_URL: pg.url }, encoding: "utf8" }));
  console.log(execFileSync("node", ["scripts/prepare-db.mjs"], { env: { ...process.env, DATABASE_URL: pg.url }, encoding: "utf8" }));
  const { createDatabase } = await import("../lib/db/client");
  const d = createDatabase(pg.url);
  const row = await d.feedback.create({ data: { pagePath: "/x", kind: "error", message: "hello there" } });
  console.log(row, await d.feedback.count());
  await d.$disconnect();
} finally { pg.stop(); }
