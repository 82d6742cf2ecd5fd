// The session worker is forked, not imported: compiled here for every build, start and dev server.
require("./scripts/build-session-worker.cjs").ensureSessionWorker();

/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets parallel checkouts/test runs build side by side (default .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Where lib/core/zk/worker-pool.ts looks for the compiled session worker (its own source folder).
  // ZK_CONSOLE_VERSION: what GET /api/health reports.
  env: { ZK_CONSOLE_ZK_SOURCE_DIR: require("node:path").join(__dirname, "lib", "core", "zk"), ZK_CONSOLE_VERSION: require("./package.json").version },
  // Native binding and the database drivers must be loaded by Node, not bundled; so are the logger
  // (pino's stream) and the metrics registry, one each per process rather than one per route bundle.
  serverExternalPackages: ["zookeeper", "better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "pino", "prom-client"],
  // NEXT_OUTPUT=standalone: a self-contained .next/standalone (server.js) to copy elsewhere.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // Nothing imports the session worker or the binding it loads, so the tracer would leave them
  // out of a standalone build; nor server.mjs, which serves it (`node server.mjs` there).
  outputFileTracingIncludes: {
    "/**": [
      "./server.mjs",
      "./lib/core/zk/worker/generated/session-worker.cjs",
      "./node_modules/zookeeper/{package.json,lib/*.js,build/Release/zookeeper.node}",
      "./node_modules/{async,node-gyp-build}/**",
    ],
  },
  poweredByHeader: false,
  // Pages get their Content-Security-Policy (with a per-request script nonce) from middleware.ts;
  // API responses a fixed one that lets nothing run (lib/core/http/content-security-policy.ts API_CSP).
  async headers() {
    return [{
      source: "/:path*",
      headers: [
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "same-origin" },
        { key: "X-Frame-Options", value: "DENY" },
        { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
      ],
    }, {
      source: "/api/:path*",
      headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }],
    }];
  },
};
module.exports = nextConfig;
