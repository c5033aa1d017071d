/**
 * Gives each page that shows account data a Content-Security-Policy with a
 * fresh nonce (Next puts it on its own scripts when it finds it in the
 * request's policy). Course pages are built ahead of time and keep the static
 * policy from next.config.mjs (lib/http/security-headers.mjs says why).
 */
import { createHash, randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { noncePagePolicy } from "@/lib/http/security-headers.mjs";
import { themeBootScript } from "@/lib/ui/theme";

const themeScriptHash = `sha256-${createHash("sha256").update(themeBootScript).digest("base64")}`;

export function proxy(request: NextRequest) {
  const nonce = randomBytes(16).toString("base64");
  const policy = noncePagePolicy(nonce, themeScriptHash, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Keep in step with NONCE_PAGES in lib/http/security-headers.mjs.
export const config = {
  matcher: ["/dashboard", "/account", "/classes", "/instructor/:path*", "/sign-in", "/sign-up", "/forgot-password", "/reset-password"],
};
