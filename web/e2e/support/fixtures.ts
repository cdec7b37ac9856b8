// `test` for every spec: the page's errors and console errors in the output, and a named screenshot helper.
import { test as base, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { log, RESULTS, WEB } from './stack';

export { expect } from '@playwright/test';

let taken = 0;

export const test = base.extend<{ watchConsole: void; shot: (name: string) => Promise<void> }>({
  watchConsole: [
    async ({ page }, use, testInfo) => {
      const label = testInfo.titlePath.at(-1)?.slice(0, 40) ?? 'page';
      page.on('pageerror', (error) => log(`  [${label} page error] ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') log(`  [${label} console] ${message.text()}`);
      });
      await use();
    },
    { auto: true },
  ],
  /** A full-page screenshot of every screen, numbered in the order taken, in web/test-results/screens/. */
  shot: async ({ page }, use) => {
    await use(async (name: string) => {
      taken += 1;
      const dir = join(RESULTS, 'screens');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${String(taken).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      log(`  screenshot ${file.replace(`${WEB}/`, 'web/')}`);
    });
  },
});

export type { Page };
