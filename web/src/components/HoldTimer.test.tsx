import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { flush } from '../test/timers';
import { HoldTimer } from './HoldTimer';
import { RoundDeadline } from './RoundDeadline';

afterEach(() => vi.useRealTimers());

// the server's clock is the device's here (no provider): rounds of a minute, open for 15 s
const ROUND = '20261205T100000Z';
const CLOSES_AT = Date.UTC(2026, 11, 5, 10, 0, 15);

/** The deadline as the drill shows it, and beside it the hold timer once there is a hold. */
function Both({ expiresAt, onExpired = () => undefined }: { expiresAt?: number; onExpired?: () => void }) {
  return (
    <I18nProvider initial="ko">
      <RoundDeadline roundId={ROUND} />
      {expiresAt !== undefined && (
        <HoldTimer
          hold={{ holdId: 'h1', seatId: 'A-1', expiresAt: new Date(expiresAt).toISOString() }}
          roundId={ROUND}
          onExpired={onExpired}
        />
      )}
    </I18nProvider>
  );
}

const seconds = (testId: string) => Number(/(\d+)초/.exec(screen.getByTestId(testId).textContent ?? '')?.[1]);

describe('hold timer', () => {
  it('counts a hold that ends with the round exactly like the deadline beside it, however their timers fall', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 11, 5, 10, 0, 5));
    const { rerender } = render(<Both />);
    // the hold arrives between two of the deadline's ticks
    await flush(130);
    rerender(<Both expiresAt={CLOSES_AT} />);
    for (let step = 0; step < 180; step++) {
      expect(seconds('hold-timer')).toBe(seconds('round-deadline'));
      await flush(50);
    }
  });

  it('never says more time than is left to the close, even for a hold said to end after it', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 11, 5, 10, 0, 9, 400));
    const onExpired = vi.fn();
    render(<Both expiresAt={CLOSES_AT + 3_000} onExpired={onExpired} />);
    expect(screen.getByTestId('hold-timer')).toHaveTextContent('좌석을 잡았습니다! 6초 안에 확정하세요.');
    expect(screen.getByTestId('round-deadline')).toHaveTextContent('마감까지 6초');
    await flush(5_000);
    expect(seconds('hold-timer')).toBe(1);
    expect(onExpired).not.toHaveBeenCalled();
    await flush(1_000); // the close: the hold ends with the round
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it('counts a hold that ends before the close to its own end', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 11, 5, 10, 0, 2));
    render(<Both expiresAt={Date.UTC(2026, 11, 5, 10, 0, 2) + 7_500} />);
    expect(screen.getByTestId('hold-timer')).toHaveTextContent('8초 안에 확정하세요');
    expect(screen.getByTestId('round-deadline')).toHaveTextContent('마감까지 13초');
  });
});
