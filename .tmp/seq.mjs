import { migrate, signUp, startApp } from "../scripts/lib/app-server.mjs";
import { rmSync } from "node:fs";
rmSync("/tmp/seq.db", { force: true }); rmSync("/tmp/seq.db-wal", { force: true });
await migrate("file:/tmp/seq.db");
const app = await startApp({ databaseUrl: "file:/tmp/seq.db" });
const cookie = await signUp(app.url, "s@example.com");
const body = (i) => JSON.stringify({ id: `seq-${i}-xxxxxxxx`, mode: "drill", at: new Date().toISOString(), context: "/", items: [{ questionId: "q", examPoints: ["kms.key-policy"], correct: true, answered: true, confidence: "sure" }] });
async function time(label, fn, n = 300) {
  for (let i = 0; i < 30; i++) await fn(i + 100000);
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  console.log(label.padEnd(16), ((performance.now() - t) / n).toFixed(2), "ms/req sequential");
}
await time("live", () => fetch(app.url + "/api/health/live").then(r => r.arrayBuffer()));
await time("health(db)", () => fetch(app.url + "/api/health").then(r => r.arrayBuffer()));
await time("progress GET", () => fetch(app.url + "/api/progress", { headers: { cookie } }).then(r => r.arrayBuffer()));
await time("attempt POST", (i) => fetch(app.url + "/api/progress/attempts", { method: "POST", headers: { cookie, origin: app.url, "content-type": "application/json" }, body: body(i) }).then(r => r.arrayBuffer()));
await time("unauth POST", (i) => fetch(app.url + "/api/progress/attempts", { method: "POST", headers: { origin: app.url, "content-type": "application/json" }, body: body(i) }).then(r => r.arrayBuffer()));
await app.stop();
