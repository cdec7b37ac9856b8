// The home screen on a phone, in Korean and then in English from the toggle, which the app remembers; no page scrolls
// sideways at 390, 360 or 320 px in English (the wider header), whose links are touch targets of 44 px. The security
// letter and the seat map on a 360 px phone, and a reload on the map; the seat map on a 320 px phone, and the panel's
// button in sight under it.
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { freshRound, nickname } from './support/api';
import { homeReady, playToSeatMap } from './support/drill';
import { baseUrl } from './support/env';
import { expect, test } from './support/fixtures';

/** How far the page reaches past the viewport sideways (0: it does not scroll sideways). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.use({ viewport: { width: 390, height: 844 } });

/** The letter's picture as wide as the card, its shape kept (at its own 200 px its letters are small on a phone). */
async function letterFillsTheWidth(page: Page) {
  const image = page.getByTestId('captcha-image');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const box = (await image.boundingBox())!;
  expect(box.width, 'the letter picture uses the width of the phone').toBeGreaterThanOrEqual(300);
  const natural = await image.evaluate((img: HTMLImageElement) => img.naturalWidth / img.naturalHeight);
  expect(box.width / box.height, 'the picture keeps its aspect ratio').toBeCloseTo(natural, 1);
  await expect(image).toBeInViewport({ ratio: 1 });
  const input = (await page.getByLabel('보안문자', { exact: true }).boundingBox())!;
  expect(input.width, 'the answer field as wide as the picture').toBeGreaterThanOrEqual(box.width);
  expect(await overflow(page), 'no sideways scrolling on the letter').toBeLessThanOrEqual(0);
}

/** The seat map's ten columns in the width: no sideways scrolling, the tenth seat and the row letters in view. */
async function mapFits(page: Page, width: number) {
  expect(await overflow(page), `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
  const scroll = page.locator('.seatmap-scroll');
  expect(await scroll.evaluate((el) => el.scrollWidth - el.clientWidth), 'the map needs no scrolling').toBe(0);
  await expect(page.locator('[data-seat-id="A-10"]')).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('rowheader', { name: /A/ }).first()).toBeInViewport({ ratio: 1 });
  const seat = (await page.locator('[data-seat-id="A-1"]').boundingBox())!;
  expect(seat.width, 'a seat is still a usable touch target').toBeGreaterThanOrEqual(24);
  expect(seat.height, 'a seat is still a usable touch target').toBeGreaterThanOrEqual(24);
}

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
  for (const width of [390, 360, 320]) {
    await page.setViewportSize({ width, height: 844 });
    for (const [hash, heading] of [
      ['#/', /Like the real thing/],
      ['#/history', 'My record'],
      ['#/ops', 'Ops console'],
    ] as const) {
      await page.goto(`${baseUrl()}/${hash}`);
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
      expect(await overflow(page), `no sideways scrolling on ${hash} at ${width} px (English)`).toBeLessThanOrEqual(0);
      await expect(page.getByRole('button', { name: '한국어로 보기' })).toBeInViewport({ ratio: 1 });
    }
    await headerTouchTargets(page, width);
  }
});

/** The header's links and its language toggle are touch targets of 44 px, and the header no taller than two rows of them. */
async function headerTouchTargets(page: Page, width: number) {
  const targets = page.locator('header .brand, header nav a, header nav button');
  expect(await targets.count()).toBe(5);
  for (const box of await Promise.all((await targets.all()).map((target) => target.boundingBox()))) {
    expect(box!.height, `a header link at ${width} px is a touch target of 44 px`).toBeGreaterThanOrEqual(44);
    expect(box!.width, `a header link at ${width} px is a touch target of 44 px`).toBeGreaterThanOrEqual(44);
  }
  const header = (await page.locator('header').boundingBox())!;
  expect(header.height, `the header at ${width} px takes two rows of links, no more`).toBeLessThanOrEqual(2 * 44 + 2);
}

test.describe('a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test('the letter fills the width; the seat map fits ten columns with the row letters; a reload on it comes back to it, not to a new letter', async ({
    page,
    shot,
  }) => {
    // the clock synced before the entry: until then the app counts to a default round's open
    await page.goto(`${baseUrl()}/#/`);
    await homeReady(page);
    await freshRound(34_000);
    await playToSeatMap(page, nickname('phone'), { navigate: false, onLetter: () => letterFillsTheWidth(page) });
    const fits = () => mapFits(page, 360);
    await fits();
    await shot('seats-mobile');
    await expectAccessible(page, 'mobile seat map');

    const letters: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/v1/captcha')) letters.push(request.url());
    });
    await page.reload();
    await page.getByRole('button', { name: '이어서 하기' }).click();
    await page.getByRole('heading', { name: '좌석 선택' }).waitFor({ timeout: 10_000 });
    await page.locator('[data-seat-id]').first().waitFor();
    expect(letters, 'the letter solved before the reload is not asked again').toEqual([]);
    await fits();
  });
});

test.describe('a 320 px phone', () => {
  // the narrowest phones in use (iPhone SE 1st generation): at 340 px and under the map's gaps give way, not the seats
  test.use({ viewport: { width: 320, height: 568 } });

  test('the seat map fits ten columns of seats at least 24 px wide, with the row letters; at 640 px tall the pick and its button stay in sight', async ({
    page,
    shot,
  }) => {
    await page.goto(`${baseUrl()}/#/`);
    await homeReady(page);
    await freshRound(20_000);
    await playToSeatMap(page, nickname('narrow'), { navigate: false });
    await mapFits(page, 320);
    await shot('seats-mobile-320');

    // the panel under the map is a bar at the bottom of the screen: a seat picked at the top of the map, the pick and
    // 좌석 선택 완료 are in sight without scrolling (at 568 px tall the bar would take too much of the screen: it scrolls)
    await page.setViewportSize({ width: 320, height: 640 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const seat = (await page.locator('[data-status="AVAILABLE"]').first().getAttribute('data-seat-id'))!;
    await page.locator(`[data-seat-id="${seat}"]`).click();
    const hold = page.getByRole('button', { name: '좌석 선택 완료' });
    await expect(hold).toBeEnabled();
    expect(await page.evaluate(() => window.scrollY), 'nothing scrolled').toBe(0);
    const box = (await hold.boundingBox())!;
    expect(box.y, 'the button is below the top of the screen').toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, 'the button is in sight without scrolling').toBeLessThanOrEqual(640);
    expect(box.height, 'the button is a touch target of 44 px at least').toBeGreaterThanOrEqual(44);
    await expect(page.getByTestId('seat-summary')).toBeInViewport({ ratio: 1 });
    await shot('seats-mobile-320-picked');
  });
});
