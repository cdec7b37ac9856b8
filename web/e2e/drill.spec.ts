// The player drill against the real system: waiting room, security letter, seat map, result; and a seat lost to a
// faster player.
import {
  api,
  apiPlayer,
  expectStatus,
  firstSseEvent,
  freshRound,
  getAdmission,
  nextOpen,
  nickname,
  putAdmission,
  roundClock,
} from './support/api';
import { expectAccessible } from './support/accessibility';
import { holdAndBook, homeReady, loseSeatToRival, playToSeatMap } from './support/drill';
import { baseUrl } from './support/env';
import { expect, test } from './support/fixtures';
import { log, sleep } from './support/stack';

test('a player enters, waits, solves the letter, books a seat and sees a rank', async ({ page, shot }) => {
  const original = await getAdmission();
  try {
    await page.goto(`${baseUrl()}/#/`);
    await homeReady(page);
    await shot('home');
    await expectAccessible(page, 'home');
    // a round from its open: four axe runs of up to 5 s each on a loaded machine are inside it, before the booking
    await nextOpen();
    // hold the door so the waiting room has a line to show: two players ahead, admission paused
    await putAdmission({ ...original, paused: true });
    const ahead = [];
    for (const n of ['crowd', 'crowd']) {
      ahead.push(
        await expectStatus(
          api('/api/v1/queue', { method: 'POST', body: { nickname: nickname(n) } }),
          201,
          'crowd entry',
        ),
      );
    }
    // the event stream passes the proxy unbuffered: the first event arrives while the stream stays open
    const event = await firstSseEvent(`/api/v1/queue/${ahead[1].ticketId}/events`);
    expect(event, 'the first event of the stream').toMatch(/^event: ?position$/m);
    await playToSeatMap(page, nickname('e2e'), {
      navigate: false,
      wrongFirst: true,
      onLetter: async () => {
        await expectAccessible(page, 'security letter (after a wrong answer)');
        // the letter read aloud for a player who cannot see it: booking's WAV, through the preview's proxy and CSP
        const [heard] = await Promise.all([
          page.waitForResponse((response) => /\/api\/v1\/captcha\/[^/]+\/audio$/.test(response.url())),
          page.getByRole('button', { name: '보안문자 음성으로 듣기' }).click(),
        ]);
        expect(heard.status(), 'the letter read aloud').toBe(200);
        expect(heard.headers()['content-type']).toBe('audio/wav');
        // six characters said one by one: seconds of 16 kHz 16-bit sound (the body itself the page has taken)
        expect(Number(heard.headers()['content-length']), "the WAV file's length").toBeGreaterThan(50_000);
        // playing (the button busy) after its file has loaded: a refused play() or source fails within moments, and
        // the round is not long enough to wait for the six seconds' end
        await expect(page.getByRole('button', { name: '보안문자 음성으로 듣기' })).toHaveAttribute('aria-busy', 'true');
        await page.waitForTimeout(1_500);
        await expect(page.getByText('이 기기에서 음성을 재생하지 못했어요')).toHaveCount(0);
      },
      onWaiting: async () => {
        await page.getByTestId('position').filter({ hasText: /^3$/ }).waitFor({ timeout: 10_000 });
        await page.getByTestId('ahead').filter({ hasText: '2명' }).waitFor();
        await page.getByText('실시간 연결').waitFor(); // SSE, not the polling fallback
        await shot('waiting-room');
        await expectAccessible(page, 'waiting room');
        await putAdmission({ ...original, paused: false });
      },
    });
    // keyboard only: the map has focus on the first available seat; two to the right, Enter
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-seat-id'));
    expect(focused, 'the seat map takes the focus').toBeTruthy();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const target = await page.evaluate(() => document.activeElement?.getAttribute('data-seat-id'));
    await page.keyboard.press('Enter');
    await page.getByTestId('seat-summary').filter({ hasText: target! }).waitFor();
    log(`  picked ${target} with the keyboard (focus started on ${focused})`);
    await shot('seat-map');
    await expectAccessible(page, 'seat map (a seat picked)');
    await holdAndBook(page, async () => {
      await shot('seat-held');
      await expectAccessible(page, 'seat map (seat held, hold timer)');
      log(`  held with ${Math.round((await roundClock()).closesInMs / 1000)} s of the round left`);
    });
    const total = await page.getByTestId('total-time').textContent();
    const rank = await page.getByTestId('rank').textContent();
    // the place among the round's players; no top-% for a round of a handful (1st of 1 is not "top 100 %")
    expect(rank, 'the place in the rank block').toMatch(/이번 라운드 사람 중 \d+위 \/ \d+명/);
    await page.locator('.result canvas').first().waitFor();
    await sleep(500); // let the histogram draw
    log(`  booked ${target}: total ${total}; ${rank}`);
    await shot('result');
    await expectAccessible(page, 'result (booked, rank, histogram, debrief)');
  } finally {
    await putAdmission(original).catch(() => undefined);
  }
});

test('another player holds the picked seat first: seat-taken, and the player books another', async ({ page, shot }) => {
  await page.goto(`${baseUrl()}/#/`);
  await homeReady(page);
  await freshRound(34_000);
  const rival = await apiPlayer(nickname('rival'));
  await playToSeatMap(page, nickname('e2e'), { navigate: false });

  // from here the browser's map is a moment old: its refreshes are held back while the rival takes the seat
  const target = await loseSeatToRival(page, rival, { nth: 3 });
  await page.locator(`[data-seat-id="${target}"][data-status="HELD"]`).waitFor({ timeout: 5_000 });
  await shot('seat-taken');
  await expectAccessible(page, 'seat map (seat taken: the alert, the map refreshed)');

  const other = await page.locator('[data-status="AVAILABLE"]').first().getAttribute('data-seat-id');
  await page.locator(`[data-seat-id="${other}"]`).click();
  await holdAndBook(page);
  log(`  ${target} was taken by the rival; booked ${other} instead`);
  await shot('result-after-seat-taken');
});
