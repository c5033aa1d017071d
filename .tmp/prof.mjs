import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { migrate, signUp } from "../scripts/lib/app-server.mjs";
import { rmSync } from "node:fs";
rmSync("/tmp/prof.db", { force: true }); rmSync("/tmp/prof.db-wal", { force: true });
const databaseUrl = "file:/tmp/prof.db";
await migrate(databaseUrl);
rmSync("/tmp/cpuprof", { recursive: true, force: true });
const child = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir=/tmp/cpuprof", "node_modules/next/dist/bin/next", "start", "-p", "3390", "-H", "127.0.0.1"], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "ignore" });
const url = "http://127.0.0.1:3390";
for (;;) { try { if ((await fetch(url + "/api/health")).ok) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
const cookie = await signUp(url, "p@example.com");
let i = 0;
const r = await new Promise((res, rej) => autocannon({ connections: 100, duration: 6, url, requests: [{ method: "POST", path: "/api/progress/attempts", setupRequest(q) { q.headers = { "content-type": "application/json", cookie, origin: url }; q.body = JSON.stringify({ id: `prof-${i++}-xxxxxxxx`, mode: "drill", at: new Date().toISOString(), context: "/", items: [{ questionId: "q", examPoints: ["kms.key-policy"], correct: true, answered: true, confidence: "sure" }] }); return q; } }] }, (e, r) => e ? rej(e) : res(r)));
console.log(Math.round(r.requests.average), "rps");
child.kill("SIGINT");
await new Promise(r => child.once("exit", r));
