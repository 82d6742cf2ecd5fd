import { defineConfig } from "@playwright/test";
import { oidcServerEnv } from "./e2e/fixtures/oidc-config";

const port = process.env.E2E_PORT ?? "3100";

export default defineConfig({
  testDir: "e2e",
  // Separate output folders let several runs (E2E_PORT, NEXT_DIST_DIR) share a checkout.
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: "node e2e/serve.mjs",
    url: `http://127.0.0.1:${port}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { E2E_PORT: port, ...oidcServerEnv(port) },
  },
});
