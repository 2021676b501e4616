// Next.js configuration. Database drivers and the password hasher stay outside the server bundle:
// PGlite loads its WebAssembly from its own package folder, argon2 is a native addon.
import createNextIntlPlugin from "next-intl/plugin";

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "@node-rs/argon2"],
  poweredByHeader: false,
  // forbidden() answers 403 with app/forbidden.tsx for people outside a council.
  experimental: { authInterrupts: true },
  // A separate build folder lets the test suite build and serve without touching the dev build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Static files skip proxy.ts (which sets the full set, with a CSP nonce, on everything else).
  async headers() {
    return [
      {
        source: "/_next/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

// next-intl finds its request configuration in i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
