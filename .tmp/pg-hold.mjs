import { startPostgres } from "../scripts/lib/postgres-cluster.mjs";
import { writeFileSync } from "node:fs";
const pg = await startPostgres({ databases: ["keystone"] });
writeFileSync("/tmp/pg-url.txt", pg.url);
process.on("SIGTERM", () => { pg.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
