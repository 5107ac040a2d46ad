import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/chromium';

// CROSSWINDS_TEST_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.CROSSWINDS_TEST_PORT ?? 4173);
const baseURL = `http://localhost:${PORT}`;

// Throws (and so fails `npm test`) with install instructions when there is no Chromium.
const executablePath = findChromium();

export default defineConfig({
  testDir: 'tests',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure'
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath, args: CHROMIUM_ARGS }
      }
    }
  ],
  // Tests run against the built, prerendered site, never the dev server.
  webServer: {
    command: `npm run build && npx vite preview --port ${PORT} --strictPort`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe'
  }
});
