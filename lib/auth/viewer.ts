/**
 * For routes open to everyone that behave differently for a signed-in user
 * (practice exams, feedback): the user, or null; and a 403 for a write that
 * comes from another site.
 */
import { problem } from "@/lib/http/json-request";
import { isCrossSite } from "@/lib/http/same-origin";
import { currentUser, type SignedInUser } from "./session";

export async function viewerOf(request: Request): Promise<SignedInUser | null> {
  return currentUser(request.headers);
}

export function refuseCrossSite(request: Request) {
  return isCrossSite(request) ? problem(403, "This request came from another site, so it was refused.") : null;
}
