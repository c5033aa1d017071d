/**
 * `npm run bench`: runs every benchmark in tests/bench, prints a Markdown
 * report (the figures the README quotes) and saves the raw results in
 * bench-results/. Exits non-zero when a target is missed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { benchSite, siteReport } from "../tests/bench/site.bench.mjs";

const started = new Date();
const site = await benchSite();
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/site.json", JSON.stringify({ date: started.toISOString(), ...site }, null, 2) + "\n");

console.log(`\n## Benchmarks (${started.toISOString().slice(0, 10)})\n`);
console.log(siteReport(site));
const missed = site.targets.filter((target) => !target.met);
if (missed.length > 0) {
  console.log(`\n${missed.length} target(s) missed`);
  process.exit(1);
}
