/**
 * CSRF defence for the platform's own state-changing routes: a request is
 * accepted only when the browser says it comes from this site. Browsers send
 * Origin on every cross-origin POST/PUT/DELETE and Sec-Fetch-Site on all of
 * them; a client that sends neither (curl, a test) is not a browser acting
 * for someone else. Session cookies are SameSite=Lax as well.
 */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  if (origin === "null") return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
