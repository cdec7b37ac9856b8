// The history page on a phone: a player with no attempts yet sees the empty state, readable at 390 px.
import { expectAccessible } from './support/accessibility';
import { nickname } from './support/api';
import { baseUrl } from './support/env';
import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 390, height: 844 } });

test('mobile history page: empty state for a new player, in Korean', async ({ page, shot }) => {
  await page.goto(`${baseUrl()}/#/`);
  await page.evaluate((name) => localStorage.setItem('tw.nickname', name), nickname('phone'));
  await page.goto(`${baseUrl()}/#/history`);
  await page.getByRole('heading', { name: '내 기록' }).waitFor();
  await page.getByTestId('history-empty').waitFor({ timeout: 10_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling on a phone').toBeLessThanOrEqual(0);
  await shot('history-mobile-empty');
  await expectAccessible(page, 'mobile history (empty)');
});
