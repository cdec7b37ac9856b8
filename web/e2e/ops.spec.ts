// The ops console against the real system: a changed admission rate reaches admission, the live charts move, and
// booking's confirmations panel shows its queues' counts.
import { expectAccessible } from './support/accessibility';
import { api, apiPlayer, bookingPlayer, freshRound, getAdmission, nickname, putAdmission } from './support/api';
import { baseUrl, opsToken } from './support/env';
import { expect, test } from './support/fixtures';
import { log, sleep } from './support/stack';
import { until } from './support/until';

test.use({ viewport: { width: 1280, height: 1000 } });

test('ops change the admission rate; the admin API shows it; the live charts move', async ({ page, shot }) => {
  const original = await getAdmission();
  try {
    await page.goto(`${baseUrl()}/#/ops`);
    await page.getByLabel('운영 토큰').waitFor();
    await expectAccessible(page, 'ops console (token form)');
    await page.getByLabel('운영 토큰').fill(opsToken());
    await page.getByRole('button', { name: '접속' }).click();
    const rate = page.getByTestId('rate');
    await rate.waitFor();
    await until(
      'the current settings in the form',
      async () => Number(await rate.inputValue()) === original.ratePerSecond,
      {
        timeoutMs: 5_000,
      },
    );
    await freshRound(26_000);
    const wanted = original.ratePerSecond === 2.5 ? 3.5 : 2.5;
    await rate.fill(String(wanted));
    await page.getByTestId('save-admission').click();
    await page.getByText('✓ 저장했습니다').first().waitFor();
    const settings = await getAdmission();
    expect(settings.ratePerSecond, 'GET admin/admission after the save').toBe(wanted);

    // a small crowd at the slow rate: a queue that drains, admissions per second, bookings, a sell-out curve; the
    // door is shut while it enters (a round entered earlier would have the rate's credit since its open to let all ten
    // in at once; shut, it gains none, and the scenarios before this one wait their rounds out), then opened
    await putAdmission({ ...settings, paused: true });
    const crowd = Array.from({ length: 10 }, (_, i) => (i < 6 ? bookingPlayer : apiPlayer)(nickname('crowd')));
    for (const player of crowd) player.catch(() => undefined); // reported by Promise.all below
    const stats = await until(
      'admin/stats to show the new rate for this round',
      async () => {
        const { json } = await api('/api/v1/admin/stats', { token: opsToken() });
        return json?.current?.settings?.ratePerSecond === wanted ? json : undefined;
      },
      { timeoutMs: 10_000, everyMs: 500 },
    );
    log(
      `  rate ${original.ratePerSecond} → ${wanted}/s; admin/stats of ${stats.currentRoundId}: entered ${stats.current.entered}, waiting ${stats.current.waiting}`,
    );
    await until(
      'a queue on the page',
      async () => Number((await page.getByTestId('stat-waiting').textContent())?.replace(/\D/g, '')) > 0,
      { timeoutMs: 10_000 },
    );
    await putAdmission({ ...settings, paused: false });
    await Promise.all(crowd);
    await until('four live charts', async () => (await page.locator('.ops-live canvas').count()) === 4, {
      timeoutMs: 5_000,
    });
    // booking's confirmations panel: whatever the queues hold (any count, commas grouping thousands), numbers show
    for (const figure of ['confirm-waiting', 'confirm-dead-letters']) {
      await until(
        `a count in ${figure}`,
        async () =>
          /^\d{1,3}(,\d{3})*$/.test((await page.getByTestId(figure).textContent({ timeout: 1_000 }))?.trim() ?? ''),
        { timeoutMs: 10_000 },
      );
    }
    await sleep(2_500); // the last bookings reach the charts
    await shot('ops');
    await expectAccessible(page, 'ops console (live charts, confirmations)');
  } finally {
    await putAdmission(original).catch(() => undefined);
  }
});
