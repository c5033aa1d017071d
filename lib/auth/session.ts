/**
 * Who a request comes from, for the platform's own routes and pages.
 *
 * better-auth's getSession does more than these routes need (refreshing the
 * session, setting cookies) and costs about 3 ms of CPU a call on this
 * machine, most of a progress write's budget. This reads the same thing the
 * same way, in one prepared statement (lib/db/prepared.ts): the session cookie better-auth set (the token and its
 * HMAC-SHA256 under the auth secret), checked in constant time, then the
 * Session row joined to its user, refused when expired or revoked (deleted).
 * Sessions are still created, refreshed and revoked only by better-auth.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { prepared } from "@/lib/db/client";
import { rawDate } from "@/lib/db/raw-values";
import { roles, type Role } from "./auth";
import { authSecret } from "./secret";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** better-auth's cookie: advanced.cookiePrefix "keystone", with __Secure- when served over https. */
const SESSION_COOKIES = ["__Secure-keystone.session_token", "keystone.session_token"];

let secret: string | undefined;

function cookieValue(header: string | null, names: readonly string[]): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (names.includes(name)) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The session token of a signed cookie value, or undefined when the signature is not the server's. */
export function verifiedToken(raw: string, key: string): string | undefined {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return undefined;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), "base64");
  const expected = createHmac("sha256", key).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
}

const SESSION_USER = `SELECT s."expiresAt" AS "expiresAt", u."id" AS "id", u."email" AS "email", u."name" AS "name", u."role" AS "role"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."token" = $1`;

/** The user the request's session cookie belongs to, or null (no cookie, bad signature, expired or revoked session). */
export async function currentUser(headers: Headers): Promise<SignedInUser | null> {
  const raw = cookieValue(headers.get("cookie"), SESSION_COOKIES);
  if (!raw) return null;
  secret ??= authSecret();
  const token = verifiedToken(raw, secret);
  if (!token) return null;
  const [user] = await prepared().rows(SESSION_USER, [token]);
  if (!user || rawDate(user.expiresAt).getTime() <= Date.now()) return null;
  const role = String(user.role);
  return { id: String(user.id), email: String(user.email), name: String(user.name), role: (roles as readonly string[]).includes(role) ? (role as Role) : "learner" };
}
