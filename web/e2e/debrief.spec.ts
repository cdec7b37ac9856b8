// Debrief and progress (SPEC §12, issue 19) against the real system: a seat lost to a rival shows up in the debrief
// with the rival's nickname and the margin; two rounds of one player fill the history and race the second against
// the first (the ghost); the history can be erased.
import { randomBytes } from 'node:crypto';
import { expectAccessible } from './support/accessibility';
import { api, apiPlayer, freshRound, nickname, roundClock } from './support/api';
import { bookFirstAvailable, homeReady, loseSeatToRival, playToSeatMap, solveLetter } from './support/drill';
import { baseUrl } from './support/env';
import { expect, test } from './support/fixtures';
import { log, sleep } from './support/stack';
import { until } from './support/until';

/** Another device's secret: the rival is a human player of their own. */
const otherSecret = () => randomBytes(32).toString('base64url');

test('a seat lost to a rival: the debrief names the rival and the margin', async ({ page, shot }) => {
  await page.goto(`${baseUrl()}/#/`);
  await homeReady(page);
  await freshRound(26_000);
  const rivalName = nickname('rival');
  const rival = await apiPlayer(rivalName);
  await playToSeatMap(page, nickname('e2e'), { navigate: false });

  // the browser's map is held back a moment while the rival takes the seat the player is about to pick
  const target = await loseSeatToRival(page, rival, {
    nth: 2,
    rivalHeaders: { 'X-Player-Secret': otherSecret() },
  });

  // the player gives up on this round: when it closes, the result is a loser's, with the debrief
  const { closesInMs } = await roundClock();
  log(`  ${target} taken by ${rivalName}; waiting for the round to close (in ${Math.round(closesInMs / 1000)} s)`);
  await page.getByRole('heading', { name: '예매 결과' }).waitFor({ timeout: Math.max(closesInMs, 0) + 20_000 });
  await expect(page.getByTestId('booking-status')).toHaveText('좌석을 잡지 못했어요');
  const lost = page.getByTestId('timeline-step').filter({ hasText: `${target} 좌석 놓침` });
  await lost.waitFor({ timeout: 15_000 });
  const text = (await lost.textContent()) ?? '';
  expect(text, 'the lost seat names the rival and the margin').toMatch(
    new RegExp(`${target} 좌석 놓침 — ${rivalName}님이 \\d+ms 먼저 잡았어요`),
  );
  await expect(page.getByTestId('timeline-step').filter({ hasText: /대기 순번 \d+번/ })).toHaveCount(1);
  await expect(page.getByTestId('ghost-you').getByRole('img')).toBeVisible();
  log(`  debrief: ${text}`);
  await shot('debrief-lose');
  await expectAccessible(page, 'result (seat lost, debrief)');
});

test('two rounds: the second races the first as a ghost, the history shows both, and erasing empties it', async ({
  page,
  shot,
}) => {
  const name = nickname('ghost');
  await page.goto(`${baseUrl()}/#/`);
  await homeReady(page);
  await freshRound(26_000);

  // round 1: no personal best yet
  await playToSeatMap(page, name, { navigate: false });
  await expect(page.getByTestId('pb-marker')).toHaveCount(0);
  const first = await bookFirstAvailable(page);
  await page.getByTestId('timeline').waitFor({ timeout: 15_000 });
  await expect(page.getByTestId('ghost-pb')).toBeVisible();
  log(`  round 1: booked ${first}`);

  // round 2: the retry waits for the next open and goes in by itself; the best is where it was at each step
  const { next } = await roundClock();
  await page.getByTestId('retry').click();
  await page.getByRole('heading', { name: '보안문자 입력' }).waitFor({ timeout: next.opensInMs + 25_000 });
  await expect(page.getByTestId('pb-marker')).toContainText(/PB.*보안문자 \+\d+\.\d초/);
  await solveLetter(page);
  await expect(page.getByTestId('pb-marker')).toContainText(/좌석 \+\d+\.\d초/);
  const second = await bookFirstAvailable(page);
  await page.getByTestId('timeline').waitFor({ timeout: 15_000 });
  const pbRow = page.getByTestId('ghost-pb');
  await expect(pbRow.getByRole('img'), 'the personal best races beside the player').toBeVisible();
  await expect(pbRow).toContainText(/\d+\.\d{3}초/);
  // the round's best human races too, or is the player (alone in the round): then it runs once, as the player
  await expect(
    page
      .getByTestId('ghost-best')
      .getByRole('img')
      .or(page.getByTestId('ghost-you').filter({ hasText: '나 (라운드 1위)' })),
  ).toBeVisible();
  await expect(page.getByTestId('timeline-step').last()).toContainText(/예매 (접수|확정)/);
  log(`  round 2: booked ${second}; ghost: ${await pbRow.textContent()}`);
  await shot('debrief-win');

  // the history: both attempts, won both, a trend, bests (a round's attempts may reach it only once it is archived,
  // after the round closes, so the page is read again until both are there)
  const { closesInMs } = await roundClock();
  await page.getByTestId('to-history').click();
  await page.getByRole('heading', { name: '내 기록' }).waitFor();
  const rows = page.getByTestId('history-attempts').locator('tbody tr');
  await until(
    'both attempts in the history',
    async () => {
      if ((await rows.count()) === 2) return true;
      await page.reload();
      await page.getByRole('heading', { name: '내 기록' }).waitFor();
      await sleep(500);
      return (await rows.count()) === 2;
    },
    { timeoutMs: Math.max(closesInMs, 0) + 40_000, everyMs: 2_000 },
  );
  await expect(page.getByTestId('history-summary')).toContainText('참가한 라운드2');
  await expect(page.getByTestId('history-summary')).toContainText('예매 성공2회 (100%)');
  await expect(rows.nth(0)).toContainText(second);
  await expect(rows.nth(1)).toContainText(first);
  await expect(page.getByTestId('trend-chart').locator('path.trend-line[data-series="total"]')).toHaveCount(1);
  await shot('history');
  await expectAccessible(page, 'history (two attempts, trend)');

  // erase, confirmed in the dialog: the empty state, and the debrief is gone too
  await page.getByRole('button', { name: '내 기록 지우기' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('button', { name: '취소' })).toBeFocused();
  await expectAccessible(page, 'history (erase confirmation dialog)');
  await dialog.getByRole('button', { name: '모두 지우기' }).click();
  await page.getByTestId('history-empty').waitFor();
  await expect(page.getByRole('status').filter({ hasText: '기록을 지웠습니다.' })).toBeVisible();
  const secret = await page.evaluate(() => localStorage.getItem('tw.playerSecret'));
  const again = await api(`/api/v1/players/history?nickname=${encodeURIComponent(name)}`, {
    headers: { 'X-Player-Secret': secret! },
  });
  expect(again.status).toBe(200);
  expect(again.json.attempts).toEqual([]);
});
