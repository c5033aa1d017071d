/**
 * The security headers of every response, and the Content-Security-Policy of
 * each kind of page. Plain JavaScript because next.config.mjs reads it.
 *
 * Pages built ahead of time (the course, the sandbox, practice) cannot carry a
 * per-request nonce, and Next inlines its own bootstrap scripts in them, so
 * their policy allows inline scripts; the MDX runtime compiles each section's
 * code with `new Function`, hence 'unsafe-eval' there. Pages rendered per
 * request that show account data (dashboard, account, instructor views,
 * sign-in) get a nonce from proxy.ts instead, with 'strict-dynamic' and no
 * 'unsafe-inline' or 'unsafe-eval' (NONCE_PAGES).
 */

/** Paths whose pages get the nonce policy from proxy.ts (and not the static one below). */
export const NONCE_PAGES = ["/dashboard", "/account", "/classes", "/instructor", "/sign-in", "/sign-up", "/forgot-password", "/reset-password"];

const common = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
];

export const staticPagePolicy = [...common, "script-src 'self' 'unsafe-inline' 'unsafe-eval'"].join("; ");

/** The policy of a NONCE_PAGES response: its own nonce, the theme script by hash, nothing inline otherwise. */
export function noncePagePolicy(nonce, themeScriptHash, { development = false } = {}) {
  return [...common, `script-src 'self' 'nonce-${nonce}' '${themeScriptHash}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`].join("; ");
}

export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nonceAlternation = NONCE_PAGES.map((path) => path.slice(1)).join("|");

/** For next.config.mjs headers(): the common headers everywhere, the static policy outside NONCE_PAGES. */
export function nextHeaderRules() {
  return [
    { source: "/:path*", headers: securityHeaders },
    { source: `/((?!${nonceAlternation}|api/).*)`, headers: [{ key: "Content-Security-Policy", value: staticPagePolicy }] },
    { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
  ];
}
