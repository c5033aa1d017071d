import autocannon from "autocannon";
import { migrate, signUp, startApp } from "../scripts/lib/app-server.mjs";
const databaseUrl = "file:/tmp/micro.db";
import { rmSync } from "node:fs"; rmSync("/tmp/micro.db", { force: true }); rmSync("/tmp/micro.db-wal", { force: true });
await migrate(databaseUrl);
const app = await startApp({ databaseUrl });
const cookie = await signUp(app.url, "m@example.com");
const run = (opts) => new Promise((res, rej) => autocannon({ connections: 100, duration: 4, ...opts }, (e, r) => e ? rej(e) : res(r)));
let i = 0;
for (const [name, opts] of [
  ["live", { url: `${app.url}/api/health/live` }],
  ["health(db)", { url: `${app.url}/api/health` }],
  ["get-session", { url: `${app.url}/api/auth/get-session`, headers: { cookie } }],
  ["progress GET", { url: `${app.url}/api/progress`, headers: { cookie } }],
  ["attempt POST", { url: app.url, requests: [{ method: "POST", path: "/api/progress/attempts", setupRequest(r) { r.headers = { "content-type": "application/json", cookie, origin: app.url }; r.body = JSON.stringify({ id: `micro-${i++}-xxxxxxxx`, mode: "drill", at: new Date().toISOString(), context: "/", items: [{ questionId: "q", examPoints: ["kms.key-policy"], correct: true, answered: true, confidence: "sure" }] }); return r; } }] }],
]) {
  const r = await run(opts);
  console.log(name.padEnd(14), Math.round(r.requests.average), "req/s p50", r.latency.p50, "p99", r.latency.p99, "non2xx", r.non2xx);
}
await app.stop();
