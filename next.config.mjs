/** @type {import('next').NextConfig} */
const nextConfig = {
  // Every page is generated at build time from content/; nothing is rendered per request
  // except the API routes, so the production server needs no MDX compiler at run time.
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
