import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi, problem, withRetryAfter } from '../test/api';
import { flush } from '../test/timers';
import { useLiveSeatMap } from './useLiveSeatMap';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const session = { token: 'jwt', roundId: '20261124T101500Z' };
const seatMap = {
  roundId: session.roundId,
  rows: 1,
  columns: 1,
  seats: [{ id: 'A-1', row: 'A', number: 1, grade: 'VIP', status: 'AVAILABLE' }],
};

describe('useLiveSeatMap', () => {
  it("waits out a refused refresh's Retry-After before the next one, refresh() included, then goes back to every second", async () => {
    let gets = 0;
    mockApi([
      ['GET', /\/seats$/, () => (++gets === 1 ? withRetryAfter(problem('rate-limited', 429), '3') : { body: seatMap })],
    ]);
    const { result } = renderHook(() => useLiveSeatMap(session, true, vi.fn()));
    await flush();
    expect(gets).toBe(1);

    await flush(1_000); // not one a second through a 429
    expect(gets).toBe(1);
    act(() => result.current.refresh()); // a refresh asked for (after a seat-taken) waits too
    await flush();
    expect(gets).toBe(1);
    await flush(1_900);
    expect(gets).toBe(1);

    await flush(100); // 3 s: Retry-After has passed
    expect(gets).toBe(2);
    expect(result.current.map?.seats).toHaveLength(1);
    await flush(1_000);
    expect(gets).toBe(3);
  });

  it('goes on every second after a failure without Retry-After', async () => {
    let gets = 0;
    mockApi([['GET', /\/seats$/, () => (++gets === 1 ? problem('service-unavailable', 503) : { body: seatMap })]]);
    renderHook(() => useLiveSeatMap(session, true, vi.fn()));
    await flush();
    expect(gets).toBe(1);
    await flush(1_000);
    expect(gets).toBe(2);
  });
});
