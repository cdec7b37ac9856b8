import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BookingView } from '../api/types';
import { I18nProvider } from '../i18n/i18n';
import { mockApi } from '../test/api';
import { Result } from './Result';

afterEach(() => vi.unstubAllGlobals());

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
      timeout: 3000,
    });
    expect(calls.filter((c) => c.path === '/api/v1/bookings/b1').length).toBeGreaterThanOrEqual(2);

    expect(screen.getByText('B-7 좌석')).toBeInTheDocument();
    expect(screen.getByTestId('total-time')).toHaveTextContent('12.345초');
    const rank = screen.getByTestId('rank');
    expect(within(rank).getByTestId('tier')).toHaveTextContent('상위권'); // 7.5 % is within the top 10 %
    expect(rank).toHaveTextContent('상위 7.5%');
    expect(rank).toHaveTextContent('이번 라운드 3위 / 40명');
    expect(rank).toHaveTextContent('이번 주 12위 / 900명');
    expect(rank).toHaveTextContent('봇의 60%를 이겼습니다');
    // the stacked bar: the four splits as shares of the whole
    expect(screen.getByTestId('split-waitMs')).toHaveStyle({ width: `${(6_000 / 12_345) * 100}%` });
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
