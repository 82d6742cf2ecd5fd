/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets parallel checkouts/test runs build side by side (default .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native binding and the SQLite driver must be loaded by Node, not bundled.
  serverExternalPackages: ["zookeeper", "better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  async headers() {
    return [{
      source: "/:path*",
      headers: [
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "same-origin" },
        { key: "X-Frame-Options", value: "DENY" },
        { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
      ],
    }];
  },
};
module.exports = nextConfig;
