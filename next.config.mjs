import { nextHeaderRules } from "./lib/http/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The course pages are generated at build time from content/; the account pages, the
  // dashboard and the API are rendered per request.
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return nextHeaderRules();
  },
};

export default nextConfig;
