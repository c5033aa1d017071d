/**
 * Prints the first-load JavaScript of every route of the last `next build`,
 * and how far each is over the floor (/_not-found). The README's budget:
 * chapter pages within 15 KB gzip of the floor.
 *
 *   npm run build && node scripts/bundle-sizes.mjs [--json]
 */
import { FLOOR_ROUTE, firstLoadJs } from "./lib/bundle-sizes.mjs";

const routes = firstLoadJs();
const floor = routes.find((route) => route.route === FLOOR_ROUTE);
if (!floor) throw new Error(`no ${FLOOR_ROUTE} in the build's route-bundle-stats.json`);
if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ floorRoute: FLOOR_ROUTE, routes }, null, 2));
} else {
  console.log("| route | first-load JS raw | gzip | over the floor |\n|---|---|---|---|");
  for (const route of routes) {
    const over = route.route === FLOOR_ROUTE ? "(floor)" : `+${(route.gzipKB - floor.gzipKB).toFixed(1)} KB`;
    console.log(`| \`${route.route}\` | ${route.rawKB} KB | ${route.gzipKB} KB | ${over} |`);
  }
}
