// Browser end-to-end tests (`npm run e2e`): the real system started once for the run by e2e/global-setup.ts, the
// built app behind vite preview's production-like proxy, and Debian's Chromium — never a downloaded browser.
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from './e2e/support/chromium';

const only = process.env.E2E_ONLY;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  // one system, one browser: the scenarios change shared admission settings and must not overlap
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // a scenario may wait for the next round to open (up to a period) before it plays one through
  timeout: 180_000,
  expect: { timeout: 10_000 },
  grep: only ? new RegExp(only.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : undefined,
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['./e2e/support/summaryReporter.ts']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
    viewport: { width: 1280, height: 860 },
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    // as playwright-core's default the hand-written harness ran with: a step that hangs fails within 30 s
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
