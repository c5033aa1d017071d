/**
 * Starts the built app (`next start`) on a database of one's choosing, for the
 * durability tests and the benchmarks: a throw-away one of either provider,
 * migrated first; waits until /api/health answers, and can stop it politely
 * or kill it (-9) as a crash would.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../prepare-db.mjs";
import { freePort } from "./free-port.mjs";
import { startPostgres } from "./postgres-cluster.mjs";

/** A throw-away database: a SQLite file in a temporary directory, or a database in its own PostgreSQL cluster. */
export async function throwawayDatabase(provider) {
  if (provider === "sqlite") {
    const directory = mkdtempSync(path.join(os.tmpdir(), "keystone-app-"));
    return { url: `file:${path.join(directory, "app.db")}`, remove: () => rmSync(directory, { recursive: true, force: true }) };
  }
  const cluster = await startPostgres({ databases: ["keystone"] });
  return { url: cluster.url, remove: cluster.stop };
}

export async function migrate(databaseUrl) {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  try {
    await prepareDatabase({ quiet: true });
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

export async function startApp({ databaseUrl, port, env = {} }) {
  port ??= await freePort();
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}: ${stderr}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (tries > 300) throw new Error(`the app did not answer on ${url} within 60 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    pid: child.pid,
    stderr: () => stderr,
    /** SIGKILL: no shutdown hooks, no flushing; what a power cut does to the process. */
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

/** Signs a new user up over HTTP; resolves with the Cookie header that carries their session. */
export async function signUp(url, email, password = "a long enough passphrase") {
  const response = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, "x-forwarded-for": `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1` },
    body: JSON.stringify({ name: email.split("@")[0], email, password }),
  });
  if (!response.ok) throw new Error(`sign-up of ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).find((pair) => pair.includes("session_token"));
  if (!cookie) throw new Error("sign-up set no session cookie");
  return cookie;
}
