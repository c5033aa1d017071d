import { startPostgres } from "../scripts/lib/postgres-cluster.mjs";
import { migratePostgres } from "../scripts/lib/postgres-migrate.mjs";
const pg = await startPostgres();
try { console.log(await migratePostgres(pg.url, { log: console.log })); console.log(await migratePostgres(pg.url, { log: console.log })); } finally { pg.stop(); }
