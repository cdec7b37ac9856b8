import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BookingView } from '../api/types';
import { mockApi, problem } from '../test/api';
import { flush } from '../test/timers';
import { BOOKING_POLL_MS, BOOKING_SLOW_POLL_MS, RANK_POLL_MS, useBookingPoll } from './useBookingPoll';

const START = Date.UTC(2026, 11, 5, 10, 0, 9);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const confirmed: BookingView = {
  bookingId: 'b1',
  status: 'CONFIRMED',
  roundId: '20261205T100000Z',
  seatId: 'B-7',
  durationMs: 12_345,
  splits: { entryMs: 1_000, waitMs: 6_000, seatMs: 3_000, confirmMs: 2_345 },
  rank: { round: { position: 3, total: 40, topPercent: 7.5 }, week: null, botsBeatenPercent: 60 },
};
const pending: BookingView = { ...confirmed, status: 'PENDING', rank: null };
const rejected: BookingView = { ...confirmed, status: 'REJECTED', rank: null };

/** Booking b1 answering `answers` in turn (the last one from then on); `reads()` counts its reads. */
function mockBooking(answers: (BookingView | ReturnType<typeof problem>)[]) {
  const { calls } = mockApi([
    [
      'GET',
      /^\/api\/v1\/bookings\/b1$/,
      (call) => {
        const answer = answers[Math.min(calls.filter((c) => c.path === call.path).length - 1, answers.length - 1)]!;
        return 'bookingId' in answer ? { body: answer } : answer;
      },
    ],
  ]);
  return { reads: () => calls.length };
}

/** The standings settled long ago: a confirmed booking with its rank is read no more. */
const SETTLED = START - 60_000;

describe('useBookingPoll', () => {
  it('reads nothing without a booking', async () => {
    const { reads } = mockBooking([confirmed]);
    const { result } = renderHook(() => useBookingPoll(undefined, SETTLED));
    await flush(10_000);
    expect(reads()).toBe(0);
    expect(result.current).toMatchObject({ booking: undefined, readAt: 0, error: undefined, pendingSince: undefined });
  });

  it('polls a PENDING booking every 500 ms until it is CONFIRMED, then stops once its rank is there and settled', async () => {
    const { reads } = mockBooking([pending, pending, confirmed]);
    const { result } = renderHook(() => useBookingPoll('b1', SETTLED));
    await flush();
    expect(reads()).toBe(1);
    expect(result.current.booking?.status).toBe('PENDING');
    expect(result.current.readAt).toBe(START);

    await flush(BOOKING_POLL_MS);
    expect(reads()).toBe(2);
    await flush(BOOKING_POLL_MS);
    expect(reads()).toBe(3);
    expect(result.current.booking).toEqual(confirmed);
    expect(result.current.readAt).toBe(START + 2 * BOOKING_POLL_MS);

    await flush(30_000);
    expect(reads()).toBe(3);
  });

  it('stops at once on REJECTED', async () => {
    const { reads } = mockBooking([rejected]);
    const { result } = renderHook(() => useBookingPoll('b1', START + 60_000));
    await flush(10_000);
    expect(reads()).toBe(1);
    expect(result.current.booking?.status).toBe('REJECTED');
  });

  it('reads a PENDING booking less often after its first 60 reads', async () => {
    const { reads } = mockBooking([pending]);
    renderHook(() => useBookingPoll('b1', SETTLED));
    await flush();
    await flush(60 * BOOKING_POLL_MS); // the first read and 60 more, 500 ms apart
    expect(reads()).toBe(61);
    await flush(BOOKING_SLOW_POLL_MS - 1);
    expect(reads()).toBe(61);
    await flush(1);
    expect(reads()).toBe(62);
  });

  it('reads a rank confirmed before the standings settle every 2 s until they have', async () => {
    const { reads } = mockBooking([confirmed]);
    const { result } = renderHook(() => useBookingPoll('b1', START + 5_000));
    await flush();
    expect(reads()).toBe(1);
    await flush(RANK_POLL_MS - 1);
    expect(reads()).toBe(1);
    await flush(1);
    expect(reads()).toBe(2);
    await flush(RANK_POLL_MS);
    expect(reads()).toBe(3);
    // the read at 6 s is after the standings settled (5 s): the last
    await flush(RANK_POLL_MS);
    expect(reads()).toBe(4);
    expect(result.current.readAt).toBe(START + 3 * RANK_POLL_MS);
    await flush(30_000);
    expect(reads()).toBe(4);
  });

  it('reads a settled booking confirmed without its rank (the database was down) every 2 s until the rank is there', async () => {
    const { reads } = mockBooking([{ ...confirmed, rank: null }, { ...confirmed, rank: null }, confirmed]);
    const { result } = renderHook(() => useBookingPoll('b1', SETTLED));
    await flush();
    expect(result.current.booking?.rank).toBeNull();
    await flush(RANK_POLL_MS);
    await flush(RANK_POLL_MS);
    expect(reads()).toBe(3);
    expect(result.current.booking?.rank?.round?.position).toBe(3);
    await flush(30_000);
    expect(reads()).toBe(3);
  });

  it('stops for a confirmed bot booking, which has no rank', async () => {
    const { reads } = mockBooking([{ ...confirmed, bot: true, rank: null }]);
    renderHook(() => useBookingPoll('b1', SETTLED));
    await flush(10_000);
    expect(reads()).toBe(1);
  });

  it('sets pendingSince at the first PENDING read, and keeps it through the reads after', async () => {
    const { reads } = mockBooking([pending, pending, pending, confirmed]);
    const { result } = renderHook(() => useBookingPoll('b1', SETTLED));
    expect(result.current.pendingSince).toBeUndefined();
    await flush();
    expect(result.current.pendingSince).toBe(START);
    await flush(2 * BOOKING_POLL_MS);
    expect(reads()).toBe(3);
    expect(result.current.pendingSince).toBe(START);
    await flush(BOOKING_POLL_MS);
    expect(result.current.booking?.status).toBe('CONFIRMED');
    expect(result.current.pendingSince).toBe(START);
  });

  it('keeps a failed read as the error, polls on, and clears it at the next read that answers', async () => {
    const { reads } = mockBooking([problem('service-unavailable', 503), pending, problem('service-unavailable', 503)]);
    const { result } = renderHook(() => useBookingPoll('b1', SETTLED));
    await flush();
    expect(result.current.error?.status).toBe(503);
    expect(result.current.booking).toBeUndefined();
    expect(result.current.pendingSince).toBeUndefined();

    await flush(BOOKING_POLL_MS);
    expect(reads()).toBe(2);
    expect(result.current.error).toBeUndefined();
    expect(result.current.booking?.status).toBe('PENDING');
    expect(result.current.pendingSince).toBe(START + BOOKING_POLL_MS);

    // a failure after a good read: the booking read stays, beside the error
    await flush(BOOKING_POLL_MS);
    expect(reads()).toBe(3);
    expect(result.current.error?.status).toBe(503);
    expect(result.current.booking?.status).toBe('PENDING');
  });

  it('polls again from the start on retry()', async () => {
    const { reads } = mockBooking([pending]);
    const { result } = renderHook(() => useBookingPoll('b1', SETTLED));
    await flush();
    await flush(60 * BOOKING_POLL_MS);
    expect(reads()).toBe(61); // the next read is 3 s away

    act(() => result.current.retry());
    await flush();
    expect(reads()).toBe(62); // read at once
    await flush(BOOKING_POLL_MS);
    expect(reads()).toBe(63); // and fast again
    // the earlier poll's timer is gone with it
    await flush(BOOKING_SLOW_POLL_MS);
    expect(reads()).toBe(63 + BOOKING_SLOW_POLL_MS / BOOKING_POLL_MS);
  });

  it('reads a stopped poll again on retry()', async () => {
    const { reads } = mockBooking([rejected]);
    const { result } = renderHook(() => useBookingPoll('b1', SETTLED));
    await flush(5_000);
    expect(reads()).toBe(1);
    act(() => result.current.retry());
    await flush(5_000);
    expect(reads()).toBe(2);
  });

  it('stops polling when unmounted', async () => {
    const { reads } = mockBooking([pending]);
    const { unmount } = renderHook(() => useBookingPoll('b1', SETTLED));
    await flush();
    expect(reads()).toBe(1);
    unmount();
    await flush(10_000);
    expect(reads()).toBe(1);
  });
});
