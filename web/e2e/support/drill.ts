// The player's steps in the browser, as the scenarios share them.
import type { Page } from '@playwright/test';
import { api, expectStatus, type ApiPlayer } from './api';
import { baseUrl, CAPTCHA_ANSWER } from './env';
import { sleep } from './stack';
import { until } from './until';

/** The home screen with the clock synced and the last round's card filled in. */
export async function homeReady(page: Page): Promise<void> {
  await page.getByTestId('countdown').waitFor();
  await page
    .getByTestId('sync-note')
    .filter({ hasText: /서버 시간 기준|Server time/ })
    .waitFor({ timeout: 10_000 });
  await until(
    'the last round card',
    async () => !/불러오는 중|Loading/.test((await page.locator('.last-round').textContent()) ?? ''),
    { timeoutMs: 10_000 },
  );
}

interface ToSeatMap {
  /** A wrong answer first: the letter must be replaced by a new one. */
  wrongFirst?: boolean;
  /** Runs in the waiting room (which is then awaited); without it, an admission at once may skip past it. */
  onWaiting?: () => Promise<void>;
  /** Runs on the security letter (after the wrong answer's alert and the new letter, with `wrongFirst`). */
  onLetter?: () => Promise<void>;
  /** Open the home screen first (false: the page is on it already). */
  navigate?: boolean;
}

/** Home → waiting room → security letter → seat map. */
export async function playToSeatMap(
  page: Page,
  name: string,
  { wrongFirst = false, onWaiting, onLetter, navigate = true }: ToSeatMap = {},
) {
  if (navigate) await page.goto(`${baseUrl()}/#/`);
  await page.getByLabel('닉네임').fill(name);
  await page.getByRole('button', { name: /대기열 입장|미리 입장 대기/ }).click();
  if (onWaiting) {
    await page.getByRole('heading', { name: '대기열' }).waitFor();
    await onWaiting();
  } else {
    // admitted at once, the waiting room may show for a frame only (a CI run missed it): either screen is fine
    await page
      .getByRole('heading', { name: /대기열|보안문자 입력/ })
      .first()
      .waitFor();
  }
  await page.getByRole('heading', { name: '보안문자 입력' }).waitFor({ timeout: 20_000 });
  const image = page.getByTestId('captcha-image');
  await image.waitFor();
  const input = page.getByLabel('보안문자', { exact: true });
  if (wrongFirst) {
    const first = await image.getAttribute('src');
    await input.fill('WRONG1');
    await page.getByRole('button', { name: '입력 완료' }).click();
    await page.getByRole('alert').filter({ hasText: '보안문자가 일치하지 않습니다' }).waitFor();
    await until('a new letter', async () => (await image.getAttribute('src')) !== first, { timeoutMs: 5_000 });
  }
  if (onLetter) await onLetter();
  await input.fill(CAPTCHA_ANSWER.toLowerCase());
  await page.getByRole('button', { name: '입력 완료' }).click();
  await page.getByRole('heading', { name: '좌석 선택' }).waitFor();
  await page.locator('[data-seat-id]').first().waitFor();
}

/** Hold the picked seat, confirm, and wait for the result with a rank; `held` runs while the hold timer shows. */
export async function holdAndBook(page: Page, held?: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: '좌석 선택 완료' }).click();
  await page.getByTestId('hold-timer').waitFor();
  if (held) await held();
  await page.getByRole('button', { name: '예매 확정' }).click();
  await page.getByRole('heading', { name: '예매 결과' }).waitFor();
  await page.getByTestId('booking-status').filter({ hasText: '예매 성공!' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('rank').waitFor({ timeout: 15_000 });
}

/** The security letter on screen → answered right → the seat map. */
export async function solveLetter(page: Page): Promise<void> {
  await page.getByRole('heading', { name: '보안문자 입력' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('captcha-image').waitFor();
  await page.getByLabel('보안문자', { exact: true }).fill(CAPTCHA_ANSWER);
  await page.getByRole('button', { name: '입력 완료' }).click();
  await page.getByRole('heading', { name: '좌석 선택' }).waitFor();
  await page.locator('[data-seat-id]').first().waitFor();
}

/** Picks the first available seat on the map, holds and books it; returns its id. */
export async function bookFirstAvailable(page: Page): Promise<string> {
  const seat = (await page.locator('[data-status="AVAILABLE"]').first().getAttribute('data-seat-id'))!;
  await page.locator(`[data-seat-id="${seat}"]`).click();
  await page.getByTestId('seat-summary').filter({ hasText: seat }).waitFor();
  await holdAndBook(page);
  return seat;
}

interface SeatRace {
  /** Which free seat the player picks (0 = the first on the map). */
  nth: number;
  /** Extra headers on the rival's hold, e.g. a player secret of its own. */
  rivalHeaders?: Record<string, string>;
}

/**
 * The player loses the picked seat to a faster rival: the browser's map is held back (its refreshes wait) while the
 * player picks a free seat and the rival holds it through the API, so the player's hold is refused as seat-taken.
 * Returns the seat's id; the map refreshes again afterwards.
 */
export async function loseSeatToRival(page: Page, rival: ApiPlayer, { nth, rivalHeaders }: SeatRace): Promise<string> {
  let release = () => undefined as void;
  const gate = new Promise<void>((r) => (release = r));
  let heldBack = () => undefined as void;
  const firstHeldBack = new Promise<void>((r) => (heldBack = r));
  await page.route('**/api/v1/rounds/*/seats', async (route) => {
    heldBack();
    await gate;
    await route.continue().catch(() => undefined);
  });
  // the map asks one request at a time: once one is held back here, a refresh already on its way has landed
  await Promise.race([
    firstHeldBack,
    sleep(10_000).then(() => Promise.reject(new Error('the seat map did not refresh within 10 s'))),
  ]);
  const target = (await page.locator('[data-status="AVAILABLE"]').nth(nth).getAttribute('data-seat-id'))!;
  await page.locator(`[data-seat-id="${target}"]`).click();
  await page.getByTestId('seat-summary').filter({ hasText: target }).waitFor();
  await expectStatus(
    api(`/api/v1/rounds/${rival.roundId}/holds`, {
      method: 'POST',
      token: rival.token,
      body: { seatId: target },
      headers: rivalHeaders,
    }),
    201,
    'rival hold',
  );
  await page.getByRole('button', { name: '좌석 선택 완료' }).click();
  await page.getByRole('alert').filter({ hasText: '이미 선택된 좌석입니다' }).waitFor();
  release();
  await page.unroute('**/api/v1/rounds/*/seats');
  return target;
}
