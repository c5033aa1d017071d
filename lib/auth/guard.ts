/**
 * The checks every route that reads or writes a learner's data starts with:
 * who is asking (401 without a session), from where (403 for a cross-site
 * write), and in what role (403 for an instructor route).
 */
import type { NextResponse } from "next/server";
import { problem } from "@/lib/http/json-request";
import { isCrossSite } from "@/lib/http/same-origin";
import type { Role } from "./auth";
import { currentUser, type SignedInUser } from "./session";

export type Guarded = { ok: true; user: SignedInUser } | { ok: false; response: NextResponse };

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The 403 for a write a browser says comes from another site; null when it may go on. Also for routes open to everyone. */
export function refuseCrossSite(request: Request): NextResponse | null {
  return isCrossSite(request) ? problem(403, "This request came from another site, so it was refused.") : null;
}

export async function requireUser(request: Request, options: { role?: Role } = {}): Promise<Guarded> {
  const refused = WRITES.has(request.method) ? refuseCrossSite(request) : null;
  if (refused) return { ok: false, response: refused };
  const user = await currentUser(request.headers);
  if (!user) return { ok: false, response: problem(401, "Sign in to keep progress on your account.") };
  if (options.role && user.role !== options.role) return { ok: false, response: problem(403, `Only an ${options.role} can do this.`) };
  return { ok: true, user };
}
