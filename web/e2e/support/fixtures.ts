// `test` for every spec: the page's errors and console errors in the output, the Content-Security-Policy CloudFront
// sends (web/security-headers.json) on every page and nothing it refused, and a named screenshot helper.
import { expect, test as base, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, RESULTS, WEB } from './stack';

export { expect } from '@playwright/test';

const CSP = (
  JSON.parse(readFileSync(new URL('../../security-headers.json', import.meta.url), 'utf8')) as Record<string, string>
)['Content-Security-Policy'];

let taken = 0;

export const test = base.extend<{ watchConsole: void; shot: (name: string) => Promise<void> }>({
  watchConsole: [
    async ({ page }, use, testInfo) => {
      const label = testInfo.titlePath.at(-1)?.slice(0, 40) ?? 'page';
      const refused: string[] = [];
      const withoutPolicy: string[] = [];
      page.on('pageerror', (error) => log(`  [${label} page error] ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        log(`  [${label} console] ${message.text()}`);
        if (message.text().includes('Content Security Policy')) refused.push(message.text());
      });
      page.on('response', (response) => {
        if (response.request().resourceType() === 'document' && response.headers()['content-security-policy'] !== CSP)
          withoutPolicy.push(response.url());
      });
      await use();
      expect(withoutPolicy, 'pages served without the Content-Security-Policy').toEqual([]);
      expect(refused, 'what the Content-Security-Policy refused').toEqual([]);
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
