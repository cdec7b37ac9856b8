// The home screen on a phone, in Korean and then in English from the toggle, which the app remembers.
import { expectAccessible } from './support/accessibility';
import { homeReady } from './support/drill';
import { baseUrl } from './support/env';
import { test } from './support/fixtures';

test.use({ viewport: { width: 390, height: 844 } });

test('mobile home in Korean, then English from the toggle (remembered)', async ({ page, shot }) => {
  await page.goto(`${baseUrl()}/#/`);
  await homeReady(page);
  await shot('home-mobile');
  await expectAccessible(page, 'mobile home (Korean)');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: /Join the queue|Wait for the open/ }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: /Join the queue|Wait for the open/ }).waitFor();
  await homeReady(page);
  await shot('home-mobile-en');
  await expectAccessible(page, 'mobile home (English)');
});
