// Browser tests in Debian's Chromium (Playwright cannot download its own browsers here).
// scripts/test.ts runs them after the unit and integration tests, and says so when it skips them.
import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/lib/chromium";

const port = Number(process.env.E2E_PORT || 3210);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_REPORTERS === "json" ? [["list"], ["json", { outputFile: ".data/test-results/playwright.json" }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /phone\.spec\.ts/ },
    // The main flows run at both sizes (issue 8): founding, joining, voting and the result (story),
    // a ranked election counted round by round (election), and the phone-only checks.
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /(phone|story|election)\.spec\.ts/ },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/councils`,
    timeout: 240_000,
    // E2E_REUSE_SERVER=1 runs against a server already started with `npx tsx scripts/e2e-server.ts`.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    stdout: "ignore",
    stderr: "pipe",
  },
});
