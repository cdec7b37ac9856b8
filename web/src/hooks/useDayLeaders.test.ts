import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, problem } from '../test/api';
import { useDayLeaders } from './useDayLeaders';

afterEach(() => vi.unstubAllGlobals());

const board = (nickname: string) => ({
  period: 'day',
  entries: [{ bookingId: 'b1', nickname, seatId: 'A-1', durationMs: 9_000 }],
});

describe('useDayLeaders', () => {
  it("reads today's leaderboard, again when the booking turns final, and keeps the last one through a failed read", async () => {
    let answer: ReturnType<typeof problem> | { body: ReturnType<typeof board> } = { body: board('first') };
    const { calls } = mockApi([['GET', /^\/api\/v1\/leaderboard\?period=day$/, () => answer]]);
    const { result, rerender } = renderHook(({ final }) => useDayLeaders(final), { initialProps: { final: false } });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.entries[0]?.nickname).toBe('first'));

    rerender({ final: false }); // nothing new to read
    answer = { body: board('second') };
    rerender({ final: true });
    await waitFor(() => expect(result.current?.entries[0]?.nickname).toBe('second'));
    expect(calls).toHaveLength(2);

    answer = problem('service-unavailable', 503);
    rerender({ final: false });
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(result.current?.entries[0]?.nickname).toBe('second');
  });
});
