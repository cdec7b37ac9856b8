import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BookingView } from '../api/types';
import { AnnouncerProvider } from '../hooks/useAnnouncer';
import { I18nProvider } from '../i18n/i18n';
import { ApiError } from '../api/http';
import { playerSecret } from '../lib/playerSecret';
import type { NoBooking } from '../lib/session';
import { mockApi, problem } from '../test/api';
import { flush } from '../test/timers';
import { lostDebrief, newBestDebrief, notAdmittedDebrief, wonDebrief } from '../test/debriefs';
import { Result } from './Result';

afterEach(() => vi.unstubAllGlobals());

/** Lets `ms` of fake time pass, the updates it brings inside act. */
const advance = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

const session = { nickname: 'p1', ticketId: 't1', roundId: '20261124T101500Z', token: 'jwt' };

const confirmed: BookingView = {
  bookingId: 'b1',
  status: 'CONFIRMED',
  roundId: session.roundId,
  seatId: 'B-7',
  durationMs: 12_345,
  splits: { entryMs: 1_000, waitMs: 6_000, seatMs: 3_000, confirmMs: 2_345 },
  rank: {
    round: { position: 3, total: 40, topPercent: 7.5 },
    week: { position: 12, total: 900, topPercent: 1.3 },
    botsBeatenPercent: 60,
  },
};

/** Booking b1's result in the round of 2026-12-05 10:00:00 UTC, in the app's live region as the app renders it. */
function renderBookingOfRound() {
  render(
    <I18nProvider initial="ko">
      <AnnouncerProvider>
        <Result
          session={{ ...session, roundId: '20261205T100000Z' }}
          bookingId="b1"
          onRetry={vi.fn()}
          onHome={vi.fn()}
        />
      </AnnouncerProvider>
    </I18nProvider>,
  );
}

/** The rank of a booking confirmed while the round is open (the first so far), and as it settles after the close. */
const early: BookingView = {
  ...confirmed,
  rank: { round: { position: 1, total: 1, topPercent: 100 }, week: null, botsBeatenPercent: 0 },
};
const settled: BookingView = {
  ...confirmed,
  rank: { round: { position: 1, total: 12, topPercent: 8.3 }, week: null, botsBeatenPercent: 95 },
};

function renderResult(onRetry = vi.fn(), onHome = vi.fn()) {
  render(
    <I18nProvider initial="ko">
      <Result session={session} bookingId="b1" onRetry={onRetry} onHome={onHome} />
    </I18nProvider>,
  );
  return { onRetry, onHome };
}

function mockResultApi(bookingViews: BookingView[]) {
  let polls = 0;
  return mockApi([
    ['GET', /^\/api\/v1\/bookings\/b1$/, () => ({ body: bookingViews[Math.min(polls++, bookingViews.length - 1)] })],
    [
      'GET',
      /^\/api\/v1\/rounds\/20261124T101500Z\/results$/,
      () => ({
        body: {
          roundId: session.roundId,
          seats: { total: 100, sold: 40 },
          humans: { count: 40 },
          bots: { count: 0 },
          histogram: { buckets: [] },
          topHumans: [],
        },
      }),
    ],
    [
      'GET',
      /^\/api\/v1\/leaderboard\?period=day$/,
      () => ({
        body: {
          period: 'day',
          entries: [
            { bookingId: 'b0', nickname: 'fastest', seatId: 'A-1', durationMs: 9_000 },
            { bookingId: 'b1', nickname: 'p1', seatId: 'B-7', durationMs: 12_345 },
          ],
        },
      }),
    ],
  ]);
}

describe('result', () => {
  it('polls the booking until it is confirmed, then shows the time, the rank with its tier and the splits', async () => {
    const { calls } = mockResultApi([{ ...confirmed, status: 'PENDING', rank: null }, confirmed]);
    renderResult();

    expect(screen.getByTestId('booking-status')).toHaveTextContent('확정 대기 중');
    await waitFor(() => expect(screen.getByTestId('booking-status')).toHaveTextContent('예매 성공!'), {
      timeout: 10_000,
    });
    expect(calls.filter((c) => c.path === '/api/v1/bookings/b1').length).toBeGreaterThanOrEqual(2);

    expect(screen.getByText('B-7 좌석')).toBeInTheDocument();
    // the round by its open in the viewer's zone, as on the home screen, not by its raw id
    const round = document.querySelector(`time[data-round-id="${session.roundId}"]`)!;
    expect(round).toHaveTextContent(/^\d{2}:\d{2}:00 오픈 라운드$/);
    expect(round).toHaveAttribute('dateTime', '2026-11-24T10:15:00.000Z');
    expect(screen.queryByText(/\d{8}T\d{6}Z/)).not.toBeInTheDocument();
    expect(screen.getByTestId('total-time')).toHaveTextContent('12.345초');
    const rank = screen.getByTestId('rank');
    expect(within(rank).getByTestId('tier')).toHaveTextContent('상위권'); // 7.5 % is within the top 10 %
    expect(rank).toHaveTextContent('상위 7.5%');
    expect(rank).toHaveTextContent('이번 라운드 사람 중 3위 / 40명');
    expect(rank).toHaveTextContent('이번 주 사람 중 12위 / 900명');
    expect(rank).toHaveTextContent('봇의 60%를 이겼습니다');
    // the stacked bar: the four splits as shares of the whole
    expect(screen.getByTestId('split-waitMs')).toHaveStyle({ width: `${(6_000 / 12_345) * 100}%` });
  });

  it('shows a top % that agrees with the tier: 63rd of 1,250 (5.04 %) reads 5.1 % beside 상위권, not 5 %', async () => {
    const rank = { position: 63, total: 1250, topPercent: 5.04 }; // a server that sends the exact share
    mockResultApi([{ ...confirmed, rank: { ...confirmed.rank!, round: rank } }]);
    renderResult();
    const shown = await screen.findByTestId('rank', {}, { timeout: 10_000 });
    expect(within(shown).getByTestId('tier')).toHaveTextContent('상위권');
    expect(shown).toHaveTextContent('상위 5.1%');
  });

  it('keeps reading the rank of a booking confirmed while the round is open, says it is provisional, until it settles', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      // booked and confirmed at 9 s: the bots and humans slower than the player book until the close at 15 s
      vi.setSystemTime(Date.UTC(2026, 11, 5, 10, 0, 9));
      let reads = 0;
      mockApi([['GET', /^\/api\/v1\/bookings\/b1$/, () => ({ body: ++reads < 4 ? early : settled })]]);
      renderBookingOfRound();

      const rank = await screen.findByTestId('rank');
      expect(rank).toHaveTextContent('이번 라운드 사람 중 1위 / 1명');
      expect(rank).toHaveTextContent('지금까지의 순위예요');
      // a top % of one player says nothing (1st of 1 would read "top 100 %")
      expect(rank).not.toHaveTextContent('상위 100%');
      expect(within(rank).queryByTestId('tier')).not.toBeInTheDocument();

      await advance(8_000);
      expect(rank).toHaveTextContent('이번 라운드 사람 중 1위 / 12명');
      expect(rank).toHaveTextContent('상위 8.3%');
      expect(rank).toHaveTextContent('봇의 95%를 이겼습니다');

      // 5 s after the close the standing is final: no more reads, and no "so far"
      await advance(6_000);
      expect(rank).not.toHaveTextContent('지금까지의 순위예요');
      const settledReads = reads;
      await advance(10_000);
      expect(reads).toBe(settledReads);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps polling a booking confirmed without its rank (the database was down) until the rank is there', async () => {
    const { calls } = mockResultApi([{ ...confirmed, rank: null }, confirmed]);
    renderResult();

    await waitFor(() => expect(screen.getByTestId('booking-status')).toHaveTextContent('예매 성공!'));
    expect(screen.getByText('순위를 계산하는 중…')).toBeInTheDocument();
    const rank = await screen.findByTestId('rank', {}, { timeout: 10_000 });
    expect(rank).toHaveTextContent('이번 라운드 사람 중 3위 / 40명');
    expect(calls.filter((c) => c.path === '/api/v1/bookings/b1')).toHaveLength(2);
  });

  it('says a booking PENDING for more than 10 s is in and safe, until it is confirmed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const pending: BookingView = { ...confirmed, status: 'PENDING', rank: null };
      mockResultApi([...Array<BookingView>(30).fill(pending), confirmed]);
      renderResult();
      // the first read (PENDING) on screen before the time runs on: the wait is counted from it, and act renders only
      // at the end of an advance
      await screen.findByText('B-7 좌석');
      await advance(5_000);
      expect(screen.getByTestId('booking-status')).toHaveTextContent('확정 대기 중');
      expect(screen.queryByText(/확정이 평소보다 늦어지고 있어요/)).not.toBeInTheDocument();

      await advance(6_000);
      expect(
        screen.getByText(/확정이 평소보다 늦어지고 있어요. 예매는 접수되었고 사라지지 않아요./),
      ).toBeInTheDocument();

      await advance(5_000);
      await waitFor(() => expect(screen.getByTestId('booking-status')).toHaveTextContent('예매 성공!'));
      expect(screen.queryByText(/확정이 평소보다 늦어지고 있어요/)).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops polling a confirmed bot booking, which has no rank', async () => {
    const { calls } = mockResultApi([{ ...confirmed, bot: true, rank: null }]);
    renderResult();

    await waitFor(() => expect(screen.getByTestId('booking-status')).toHaveTextContent('예매 성공!'));
    // the screen ticks on meanwhile (its countdown): those renders inside act
    await act(() => new Promise((resolve) => setTimeout(resolve, 2500)));
    expect(calls.filter((c) => c.path === '/api/v1/bookings/b1')).toHaveLength(1);
  });

  it("shows today's leaderboard with the player's own booking marked", async () => {
    mockResultApi([confirmed]);
    renderResult();
    const board = await screen.findByRole('table');
    const rows = within(board).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['1fastest · A-19.000초', '2p1 · B-712.345초']);
    expect(rows[1]).toHaveClass('me');
    expect(rows[0]).not.toHaveClass('me');
  });

  it('says the booking failed, without a rank, when it was rejected', async () => {
    mockResultApi([{ ...confirmed, status: 'REJECTED', rank: null, durationMs: undefined }]);
    renderResult();
    await waitFor(() => expect(screen.getByTestId('booking-status')).toHaveTextContent('예매 실패'));
    expect(screen.getByRole('status')).toHaveTextContent('다른 예매가 먼저 확정됨');
    expect(screen.queryByTestId('rank')).not.toBeInTheDocument();
    expect(screen.queryByText('순위를 계산하는 중…')).not.toBeInTheDocument();
  });

  it('goes to the next round or home from its two buttons', async () => {
    mockResultApi([confirmed]);
    const { onRetry, onHome } = renderResult();
    await waitFor(() => expect(screen.getByTestId('booking-status')).toHaveTextContent('예매 성공!'));
    fireEvent.click(screen.getByTestId('retry'));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(onHome).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '처음으로' }));
    expect(onHome).toHaveBeenCalledTimes(1);
  });
});

const loser = { nickname: 'kim', ticketId: '20261203T170000Z-tkt1', roundId: '20261203T170000Z' };
const debriefPath = /^\/api\/v1\/rounds\/20261203T170000Z\/debriefs\/20261203T170000Z-tkt1$/;

/** The winner's debrief before its confirmation: PENDING, no CONFIRMED step yet. */
function pendingDebrief() {
  const raw = wonDebrief();
  raw.outcome = 'PENDING';
  raw.timeline = raw.timeline.slice(0, -1);
  return raw;
}

/** The result of an attempt that ended without a 202 on screen, its debrief answered by `debrief`; `routes` first. */
function renderLoser(
  noBooking: NoBooking,
  debrief: Parameters<typeof mockApi>[0][number][2],
  routes: Parameters<typeof mockApi>[0] = [],
) {
  const api = mockApi([
    ...routes,
    ['GET', debriefPath, debrief],
    ['GET', /\/results$/, () => problem('unknown-round', 404)],
    ['GET', /^\/api\/v1\/leaderboard/, () => ({ body: { entries: [] } })],
  ]);
  render(
    <I18nProvider initial="ko">
      <Result session={loser} noBooking={noBooking} onRetry={vi.fn()} onHome={vi.fn()} />
    </I18nProvider>,
  );
  return api;
}

/** Booking b1, which the won debrief names, CONFIRMED. */
const bookedB1: Parameters<typeof mockApi>[0] = [['GET', /^\/api\/v1\/bookings\/b1$/, () => ({ body: confirmed })]];

describe('result with the debrief', () => {
  it('gives a loser the debrief: why it ended, the seat lost to a rival by a margin, the costliest step', async () => {
    const { calls } = renderLoser({ kind: 'problem', problem: new ApiError(403, 'round-closed') }, () => ({
      body: lostDebrief(),
    }));
    expect(screen.getByTestId('booking-status')).toHaveTextContent('좌석을 잡지 못했어요');
    expect(screen.getByText('라운드가 종료되었습니다. 다음 라운드에 다시 도전하세요.')).toBeInTheDocument();
    const debrief = await screen.findByTestId('timeline');
    const [lost, closed] = within(debrief).getAllByTestId('timeline-step').slice(-2);
    expect(lost).toHaveTextContent('B-2 좌석 놓침 — lee님이 340ms 먼저 잡았어요');
    expect(closed).toHaveTextContent('라운드 종료 — 좌석을 잡지 못했어요');
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      '보안문자에 4.1초 걸렸어요. 상위 10%는 1.3초 안에 풀었어요.',
    );
    expect(screen.getByTestId('ghost-pb')).toHaveTextContent('기록 없음');
    // no booking to poll; the debrief asked with this device's secret
    expect(calls.some((c) => c.path.startsWith('/api/v1/bookings'))).toBe(false);
    const asked = calls.find((c) => debriefPath.test(c.path));
    expect(asked?.headers['X-Player-Secret']).toBe(playerSecret());
    expect(screen.getByRole('link', { name: '내 기록 보기' })).toHaveAttribute('href', '#/history');
  });

  it('gives a player the round closed on its debrief: the entry as the costliest step, the places it was short', async () => {
    let reads = 0;
    // the first read comes before admission's last advance: 404, asked again a moment later
    renderLoser({ kind: 'not-admitted', known: { position: 42, ahead: 2, waiting: 300 } }, () =>
      ++reads === 1 ? problem('unknown-debrief', 404) : { body: notAdmittedDebrief() },
    );
    expect(screen.getByTestId('booking-status')).toHaveTextContent('입장하지 못했어요');
    const timeline = await screen.findByTestId('timeline', {}, { timeout: 10_000 });
    expect(within(timeline).getAllByTestId('timeline-step').at(-1)).toHaveTextContent(
      '라운드 종료 — 입장까지 2명 남았어요 (입장 허가는 봇 포함 대기 순번 40번까지)',
    );
    expect(screen.getByTestId('costliest')).toHaveTextContent('오픈 3.2초 뒤 42번으로 입장했어요.');
    expect(screen.queryByTestId('debrief-missing')).not.toBeInTheDocument();
    expect(reads).toBe(2);
  });

  it('shows what the waiting room knew when the debrief stays missing (404)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let reads = 0;
      renderLoser({ kind: 'not-admitted', known: { position: 42, ahead: 41, waiting: 300 } }, () => {
        reads++;
        return problem('unknown-debrief', 404);
      });
      expect(screen.getByTestId('booking-status')).toHaveTextContent('입장하지 못했어요');
      await advance(5000);
      await screen.findByTestId('debrief-missing');
      expect(screen.getByTestId('waiting-known')).toHaveTextContent('대기 순번 42번, 내 앞에 41명 (전체 대기 300명)');
      expect(reads).toBe(5);
    } finally {
      vi.useRealTimers();
    }
  });

  it('re-reads the debrief while the booking is PENDING, until the confirmation is in it', async () => {
    let reads = 0;
    renderLoser({ kind: 'sold-out' }, () => ({ body: ++reads === 1 ? pendingDebrief() : wonDebrief() }));
    await screen.findByText('예매 확정을 기다리는 중… 디브리핑이 곧 완성됩니다.');
    await waitFor(() => expect(screen.getAllByTestId('timeline-step').at(-1)).toHaveTextContent('예매 확정'), {
      timeout: 10_000,
    });
    expect(reads).toBe(2);
    expect(screen.queryByText(/예매 확정을 기다리는 중/)).not.toBeInTheDocument();
  });

  it('reads the debrief again as soon as the booking is confirmed after a long outage, past its first 30 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const start = Date.now();
      let confirmedSeen = false;
      let debriefReads = 0;
      const pendingView: BookingView = { ...confirmed, status: 'PENDING', rank: null };
      mockApi([
        [
          'GET',
          /^\/api\/v1\/bookings\/b1$/,
          () => {
            // MySQL back after 37 s: the booking's next poll (at 39 s) sees it confirmed
            if (Date.now() - start >= 37_000) confirmedSeen = true;
            return { body: confirmedSeen ? confirmed : pendingView };
          },
        ],
        [
          'GET',
          /\/debriefs\/t1$/,
          () => {
            debriefReads++;
            return { body: confirmedSeen ? wonDebrief() : pendingDebrief() };
          },
        ],
      ]);
      renderResult();
      // between the booking's polls at 36 s and 39 s: the fake clock also runs on with the real time an advance
      // takes (shouldAdvanceTime), a second or more on a loaded machine, hence the margins
      await advance(36_500);
      expect(screen.getByTestId('booking-status')).toHaveTextContent('확정 대기 중');
      expect(screen.getByText('예매 확정을 기다리는 중… 디브리핑이 곧 완성됩니다.')).toBeInTheDocument();
      const readsBefore = debriefReads;

      await advance(3_000); // the booking's poll at 39 s; the debrief's own next read is at 44 s
      await waitFor(() => expect(screen.getByTestId('booking-status')).toHaveTextContent('예매 성공!'));
      // read because the booking turned: within a second (of the fake clock too), long before its own read at 44 s
      await waitFor(() => expect(debriefReads).toBe(readsBefore + 1), { timeout: 1000 });
      await waitFor(() => expect(screen.getAllByTestId('timeline-step').at(-1)).toHaveTextContent('예매 확정'));
      expect(screen.queryByText(/예매 확정을 기다리는 중/)).not.toBeInTheDocument();
      expect(debriefReads).toBe(readsBefore + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps re-reading a PENDING debrief after its first 30 s, less often', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let reads = 0;
      // the confirmation lands in the 34th read: 31 reads a second apart, then 2 s, 4 s, 8 s later (at 44 s)
      renderLoser({ kind: 'sold-out' }, () => ({ body: ++reads < 34 ? pendingDebrief() : wonDebrief() }));
      await advance(40_000); // between the reads at 36 s and 44 s, with room for the clock running on (above)
      expect(reads).toBe(33);
      expect(screen.getByText('예매 확정을 기다리는 중… 디브리핑이 곧 완성됩니다.')).toBeInTheDocument();
      await advance(5_000);
      await waitFor(() => expect(screen.getAllByTestId('timeline-step').at(-1)).toHaveTextContent('예매 확정'));
      expect(reads).toBe(34);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes a ticket that had booked already (a reload after booking) to its booking, found in its debrief', async () => {
    const { calls } = renderLoser({ kind: 'already-booked' }, () => ({ body: wonDebrief() }), bookedB1);
    expect(screen.getByTestId('booking-status')).toHaveTextContent('이미 예매한 티켓이에요');
    expect(screen.queryByText('좌석을 잡지 못했어요')).not.toBeInTheDocument();
    // the debrief's BOOKED step names b1: its status, time and rank as for any booking
    await waitFor(() => expect(screen.getByTestId('booking-status')).toHaveTextContent('예매 성공!'));
    expect(screen.getByTestId('total-time')).toHaveTextContent('12.345초');
    expect(screen.getByTestId('rank')).toHaveTextContent('이번 라운드 사람 중 3위 / 40명');
    expect(calls.some((c) => c.path === '/api/v1/bookings/b1')).toBe(true);
  });

  it('takes the booking from the debrief however the attempt ended (a booking whose answer was lost before the close)', async () => {
    const { calls } = renderLoser(
      { kind: 'problem', problem: new ApiError(403, 'round-closed') },
      () => ({ body: wonDebrief() }),
      bookedB1,
    );
    // the server took the booking: its debrief names b1, which is shown, not "no seat"
    await waitFor(() => expect(screen.getByTestId('booking-status')).toHaveTextContent('예매 성공!'));
    expect(screen.queryByText('좌석을 잡지 못했어요')).not.toBeInTheDocument();
    expect(screen.getByTestId('total-time')).toHaveTextContent('12.345초');
    expect(calls.some((c) => c.path === '/api/v1/bookings/b1')).toBe(true);
  });

  it('shows a ticket that had booked already as booked, with its debrief, when the debrief names no booking', async () => {
    renderLoser({ kind: 'already-booked' }, () => problem('unknown-debrief', 404));
    expect(screen.getByTestId('booking-status')).toHaveTextContent('이미 예매한 티켓이에요');
    expect(screen.getByText(/이번 라운드 예매가 이미 접수되었어요/)).toBeInTheDocument();
    await screen.findByTestId('debrief-missing');
    expect(screen.queryByText(/좌석을 잡지 못했어요|라운드가 종료되었습니다/)).not.toBeInTheDocument();
  });

  it('offers a retry when the debrief cannot be read', async () => {
    let reads = 0;
    renderLoser({ kind: 'sold-out' }, () =>
      ++reads === 1 ? problem('service-unavailable', 503) : { body: lostDebrief() },
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('서비스가 잠시 혼잡합니다');
    fireEvent.click(within(alert).getByRole('button', { name: '다시 시도' }));
    await screen.findByTestId('timeline');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the winner the debrief beside the booking', async () => {
    mockApi([
      ['GET', /^\/api\/v1\/bookings\/b1$/, () => ({ body: confirmed })],
      ['GET', /\/debriefs\/t1$/, () => ({ body: wonDebrief() })],
    ]);
    renderResult();
    await waitFor(() => expect(screen.getByTestId('booking-status')).toHaveTextContent('예매 성공!'));
    await screen.findByTestId('timeline');
    expect(screen.getByTestId('ghost-pb')).toHaveTextContent('6.200초');
    expect(screen.getByTestId('ghost-best')).toHaveTextContent('라운드 1위 park');
  });

  it('races a winner’s new personal best against the best before it, and says so', async () => {
    mockApi([
      ['GET', /^\/api\/v1\/bookings\/b1$/, () => ({ body: confirmed })],
      ['GET', /\/debriefs\/t1$/, () => ({ body: newBestDebrief() })],
    ]);
    renderResult();
    await screen.findByTestId('timeline');
    expect(screen.getByTestId('ghost-new-best')).toHaveTextContent('새 개인 최고 기록! 이전보다 1.9초 빨라요.');
    expect(screen.getByTestId('ghost-pb')).toHaveTextContent('이전 최고 기록');
    expect(screen.getByTestId('ghost-pb')).toHaveTextContent('10.000초');
    expect(screen.getByTestId('ghost-step-letter')).toHaveTextContent('−0.3초');
  });
});

describe("the round's histogram", () => {
  afterEach(() => vi.useRealTimers());
  const noSeat: NoBooking = { kind: 'problem', problem: new ApiError(403, 'round-closed') };
  /** The round's results with `sold` bookings counted and no bucket: nobody's time to draw. */
  const resultsRoute = (sold: () => number): Parameters<typeof mockApi>[0][number] => [
    'GET',
    /^\/api\/v1\/rounds\/20261203T170000Z\/results$/,
    () => ({
      body: {
        roundId: loser.roundId,
        seats: { total: 100, sold: sold() },
        humans: { count: sold() },
        bots: { count: 0 },
        histogram: { bucketMs: 1000, buckets: [] },
        topHumans: [],
      },
    }),
  ];
  const histogramCard = () =>
    screen.getByRole('heading', { name: '이번 라운드 기록 분포' }).closest<HTMLElement>('.card')!;
  const resultReads = (calls: { path: string }[]) => calls.filter((c) => c.path.endsWith('/results')).length;

  it('says a closed round without bookings has no records, and stops reading its final results', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 11, 3, 17, 0, 30)); // closed at :15, settled by :20
    const { calls } = renderLoser(noSeat, () => ({ body: lostDebrief() }), [resultsRoute(() => 0)]);
    await flush();
    expect(within(histogramCard()).queryByText('불러오는 중…')).not.toBeInTheDocument();
    await flush(2_000); // read, read again: the same, so final
    expect(within(histogramCard()).getByTestId('histogram-empty')).toHaveTextContent('이번 라운드에는 기록이 없어요.');
    await flush(20_000);
    expect(resultReads(calls)).toBe(2);
  });

  it('takes one read as final when the screen opens after the reading window (a resume late in the minute)', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 11, 3, 17, 0, 55)); // settled at :20, read until :50
    const { calls } = renderLoser(noSeat, () => ({ body: lostDebrief() }), [resultsRoute(() => 0)]);
    await flush();
    expect(within(histogramCard()).getByTestId('histogram-empty')).toHaveTextContent('이번 라운드에는 기록이 없어요.');
    await flush(10_000);
    expect(resultReads(calls)).toBe(1);
  });

  it('reads them while the round runs and until they settle after the close, then no more', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 11, 3, 17, 0, 10));
    // a booking accepted in the last moments is confirmed after the close: counted from the read sent at :20
    const { calls } = renderLoser(noSeat, () => ({ body: lostDebrief() }), [
      resultsRoute(() => (Date.now() >= Date.UTC(2026, 11, 3, 17, 0, 20) ? 1 : 0)),
    ]);
    await flush();
    expect(within(histogramCard()).getByTestId('histogram-empty')).toHaveTextContent(
      '이번 라운드에는 아직 기록이 없어요.',
    );
    await flush(10_000); // :20, sent after the close settled but not yet the same twice
    expect(resultReads(calls)).toBe(6);
    expect(within(histogramCard()).getByTestId('histogram-empty')).toHaveTextContent('아직 기록이 없어요');
    await flush(2_000); // :22, the same as at :20: final
    expect(resultReads(calls)).toBe(7);
    expect(within(histogramCard()).getByTestId('histogram-empty')).toHaveTextContent('이번 라운드에는 기록이 없어요.');
    await flush(30_000);
    expect(resultReads(calls)).toBe(7);
  });
});

describe('result, for screen-reader players', () => {
  it('is no live region: says the outcome once as it is known and the rank once it is final, not each read of it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      // booked at 9 s of a round that closes at 15 s: the rank moves until 5 s after the close
      vi.setSystemTime(Date.UTC(2026, 11, 5, 10, 0, 9));
      let reads = 0;
      mockApi([
        [
          'GET',
          /^\/api\/v1\/bookings\/b1$/,
          () => ({
            body: ++reads === 1 ? { ...confirmed, status: 'PENDING', rank: null } : reads < 5 ? early : settled,
          }),
        ],
      ]);
      renderBookingOfRound();
      // everything said, also what has since left the region (each announcement is cleared after a few seconds)
      const heard: string[] = [];
      new MutationObserver((records) =>
        records.forEach((r) => r.addedNodes.forEach((node) => heard.push(node.textContent ?? ''))),
      ).observe(screen.getByTestId('announcer'), { childList: true });
      const said = () => heard;
      // the heading takes the focus with what came of it in its name (its text on screen stays 예매 결과)
      const heading = screen.getByRole('heading', { level: 1 });
      expect(heading).toHaveFocus();
      expect(heading).toHaveAccessibleName('예매 결과: 확정 대기 중');
      expect(document.querySelector('.result-hero')).not.toHaveAttribute('aria-live');
      expect(document.querySelector('.result-hero')?.closest('[aria-live]')).toBeNull();

      await waitFor(() => expect(screen.getByTestId('booking-status')).toHaveTextContent('예매 성공!'));
      expect(heading).toHaveAccessibleName('예매 결과: 예매 성공!');
      await screen.findByTestId('rank');
      expect(said()).toEqual(['예매 성공! B-7, 12.345초']);
      await advance(8_000); // the rank read again, and moved: shown, not said
      expect(screen.getByTestId('rank')).toHaveTextContent('이번 라운드 사람 중 1위 / 12명');
      expect(screen.getByTestId('rank')).toHaveTextContent('지금까지의 순위예요');
      expect(said()).toEqual(['예매 성공! B-7, 12.345초']);
      await advance(6_000); // 5 s after the close: final, said once
      expect(screen.getByTestId('rank')).not.toHaveTextContent('지금까지의 순위예요');
      expect(said()).toEqual(['예매 성공! B-7, 12.345초', '최종 순위: 이번 라운드 사람 중 1위 / 12명, 상위 8.3%']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('names its heading with the outcome for an attempt without a booking too', async () => {
    renderLoser({ kind: 'not-admitted', known: { position: 42, ahead: 2, waiting: 300 } }, () => ({
      body: notAdmittedDebrief(),
    }));
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveFocus();
    expect(heading).toHaveAccessibleName('예매 결과: 입장하지 못했어요');
    expect(heading).toHaveTextContent(/^예매 결과/);
    await screen.findByTestId('timeline', {}, { timeout: 10_000 });
  });

  it("keeps the next round button's name still: the seconds to the open beside it, in no name and no live region", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      vi.setSystemTime(Date.UTC(2026, 11, 5, 10, 0, 20));
      mockApi([['GET', /^\/api\/v1\/bookings\/b1$/, () => ({ body: confirmed })]]);
      renderBookingOfRound();
      const retry = screen.getByTestId('retry');
      expect(retry).toHaveAccessibleName('다음 라운드 도전');
      expect(screen.getByTestId('retry-in')).toHaveTextContent('40초 후 오픈');
      await advance(1_000);
      expect(screen.getByTestId('retry')).toBe(retry);
      expect(retry).toHaveAccessibleName('다음 라운드 도전');
      expect(screen.getByTestId('retry-in')).toHaveTextContent('39초 후 오픈');
      expect(retry).not.toContainElement(screen.getByTestId('retry-in'));
      expect(screen.getByTestId('retry-in').closest('[aria-live], [role="status"], [role="alert"]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
