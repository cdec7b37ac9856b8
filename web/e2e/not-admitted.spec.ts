// A player the round closes on while it waits (SPEC §12: every attempt ends in a debrief), against the real system:
// admission paused, the player enters, the round closes; the result shows the debrief that booking reads from
// admission's record of the ticket, and the history lists the round before its archive.
import { expectAccessible } from './support/accessibility';
import { apiPlayer, freshRound, getAdmission, nickname, putAdmission, roundClock } from './support/api';
import { homeReady } from './support/drill';
import { baseUrl } from './support/env';
import { expect, test } from './support/fixtures';
import { log } from './support/stack';

test('the round closes while the player waits: its debrief says how far the queue got and what the entry cost', async ({
  page,
  shot,
}) => {
  const original = await getAdmission();
  const name = nickname('late');
  try {
    await page.goto(`${baseUrl()}/#/`);
    await homeReady(page);
    await freshRound(20_000);
    // one human admitted before the door shuts, so the debrief has an admitted entry to compare with
    await apiPlayer(nickname('early'));
    await putAdmission({ ...original, paused: true });
    await page.getByLabel('닉네임').fill(name);
    await page.getByRole('button', { name: /대기열 입장|미리 입장 대기/ }).click();
    await page.getByRole('heading', { name: '대기열' }).waitFor();
    const { closesInMs } = await roundClock();
    log(`  waiting in a paused queue for the round to close (in ${Math.round(closesInMs / 1000)} s)`);

    await page.getByRole('heading', { name: '예매 결과' }).waitFor({ timeout: Math.max(closesInMs, 0) + 20_000 });
    await expect(page.getByTestId('booking-status')).toHaveText('입장하지 못했어요');
    const closed = page.getByTestId('timeline-step').filter({ hasText: '라운드 종료' });
    await closed.waitFor({ timeout: 15_000 });
    expect(await closed.textContent()).toMatch(/입장까지 \d+명 남았어요 \(입장 허가는 봇 포함 대기 순번 \d+번까지\)/);
    await expect(page.getByTestId('timeline-step').filter({ hasText: /대기 순번 \d+번 \/ \d+명/ })).toHaveCount(1);
    const costliest = page.getByTestId('costliest');
    await expect(costliest).toContainText('번으로 입장했어요');
    await expect(costliest).toContainText('입장 허가를 받은 사람');
    log(`  debrief: ${await costliest.textContent()}`);
    await shot('debrief-not-admitted');
    await expectAccessible(page, 'result (not admitted, debrief)');
    // on a phone: the same debrief, no sideways scrolling
    await page.setViewportSize({ width: 390, height: 844 });
    // (charts follow the new width when their resize observers fire, a frame or two later)
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
        message: 'no sideways scrolling on a phone',
      })
      .toBeLessThanOrEqual(0);
    await shot('debrief-not-admitted-phone');
    await page.setViewportSize({ width: 1280, height: 860 });

    // the history has the round at once (before its archive), as not admitted
    await page.getByRole('link', { name: '내 기록 보기' }).click();
    const rows = page.getByTestId('history-attempts').getByRole('row');
    await expect(rows.nth(1)).toContainText('입장 못 함', { timeout: 10_000 });
  } finally {
    await putAdmission(original).catch(() => undefined);
  }
});
