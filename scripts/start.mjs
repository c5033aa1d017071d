/**
 * `npm start`: everything a fresh clone needs, then the production server.
 * Prepares the database, builds when the build is missing or older than the
 * sources, and serves on PORT (default 3000).
 */
import { buildNeeded } from "./lib/build-state.mjs";
import { prepareDatabase } from "./prepare-db.mjs";
import { bin, mustRun, run } from "./lib/run.mjs";

const port = process.env.PORT ?? "3000";
const host = process.env.HOST;

console.log("▸ Preparing the database");
await prepareDatabase({ quiet: true });

const reason = buildNeeded();
if (reason) {
  console.log(`▸ Building the site (${reason}); this takes a minute or two`);
  await mustRun("npm", ["run", "build"]);
}

console.log(`▸ Serving on http://${host ?? "localhost"}:${port}`);
// Started through node (not npx) so that stopping this process stops the server too.
const args = ["node_modules/next/dist/bin/next", "start", "-p", port, ...(host ? ["-H", host] : [])];
process.exit(await run(process.execPath, args));
