import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests against the real app: `npm start` on a fresh data directory
 * (embedded PostgreSQL, demo data), driven by Chromium. The browser is
 * PLAYWRIGHT_CHROMIUM_PATH when set, else /usr/bin/chromium when it exists
 * (Debian's package, as CI installs it), else Playwright's own download.
 */
import { existsSync } from "node:fs";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// One data directory per port, so that runs on different ports never share (or wipe) a database.
export const E2E_DATA_DIR = process.env.E2E_PORT ? `.test-data/e2e-${process.env.E2E_PORT}` : ".test-data/e2e";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".test-data/reports/e2e.json" }]],
  use: {
    baseURL,
    locale: "es-VE",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // A fresh data directory each run: migrations, demo and build run as a new user's would.
    command: `rm -rf ${E2E_DATA_DIR} && node_modules/.bin/tsx --max-old-space-size=384 lib/runtime/start.ts`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port), CONSTANCIA_DATA_DIR: E2E_DATA_DIR, CONSTANCIA_DEMO: "1" },
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
