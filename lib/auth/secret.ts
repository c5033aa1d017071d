import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The key that signs session cookies. BETTER_AUTH_SECRET wins, and must be
 * set (to the same value) on every instance when several serve one database.
 * A single machine without it gets a random key written once to
 * .keystone-secret, so `npm start` needs no set-up and restarts keep people
 * signed in.
 */
export function authSecret(env: Readonly<Record<string, string | undefined>> = process.env, file = path.join(process.cwd(), ".keystone-secret")): string {
  const configured = env.BETTER_AUTH_SECRET;
  if (configured) {
    if (configured.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`).");
    return configured;
  }
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  // wx: when two processes race, the second one reads the first one's key.
  try {
    writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}
