/**
 * A throw-away PostgreSQL cluster for the test suite and the benchmarks:
 * Debian's PostgreSQL 15 binaries, a fresh data directory in /tmp, a free
 * loopback port, trust authentication, stopped and deleted afterwards.
 * PostgreSQL refuses to run as root, so as root the cluster runs as the
 * `postgres` user (Debian's package creates it).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./free-port.mjs";

const BIN_DIRS = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];

export const INSTALL_POSTGRESQL = "sudo apt-get install -y postgresql";

/** The directory holding initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
export function postgresBinaries() {
  const dir = process.env.PG_BIN ?? BIN_DIRS.find((candidate) => existsSync(path.join(candidate, "initdb")));
  return dir && existsSync(path.join(dir, "initdb")) ? dir : undefined;
}

function asOwner(command, args) {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
}

/**
 * Starts a cluster and creates the named databases in it. Resolves with the
 * URL of each database and a stop() that shuts the cluster down and removes
 * its files.
 */
export async function startPostgres({ databases = ["keystone"] } = {}) {
  const bin = postgresBinaries();
  if (!bin) throw new Error(`PostgreSQL was not found; install it with: ${INSTALL_POSTGRESQL}`);
  const dir = mkdtempSync(path.join(tmpdir(), "keystone-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const port = await freePort();
  asOwner(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
  // fsync stays on: the kill -9 test needs committed writes to survive, as in production.
  asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "log"), "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300`, "-w", "start"]);
  const stop = () => {
    try {
      asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const name of databases) asOwner(path.join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name]);
  } catch (error) {
    stop();
    throw error;
  }
  const urls = Object.fromEntries(databases.map((name) => [name, `postgresql://postgres@127.0.0.1:${port}/${name}`]));
  return { port, urls, url: urls[databases[0]], stop };
}
