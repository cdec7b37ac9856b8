import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { roundAt } from '../lib/clock';
import { Countdown } from './Countdown';
import { RoundDeadline } from './RoundDeadline';

afterEach(() => vi.useRealTimers());

/** The server's clock is the device's here (no provider): rounds of a minute, open for 15 s. */
const at = (second: number) => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(Date.UTC(2026, 11, 5, 10, 0, second));
};

const renderDeadline = (roundId?: string, lang: 'ko' | 'en' = 'ko') =>
  render(
    <I18nProvider initial={lang}>
      <RoundDeadline roundId={roundId} />
    </I18nProvider>,
  );

describe('round deadline', () => {
  it("says the seconds left in the ticket's round, quietly: no live region re-reading it every second", () => {
    at(6);
    renderDeadline('20261205T100000Z');
    const deadline = screen.getByTestId('round-deadline');
    expect(deadline).toHaveTextContent('마감까지 9초');
    expect(deadline).not.toHaveAttribute('aria-live');
    expect(deadline.closest('[aria-live]')).toBeNull();
    expect(deadline).not.toHaveClass('is-urgent');
  });

  it('reads the round open now without a round id, in English too, and is urgent near the close', () => {
    at(12);
    renderDeadline(undefined, 'en');
    expect(screen.getByTestId('round-deadline')).toHaveTextContent('Closes in 3s');
    expect(screen.getByTestId('round-deadline')).toHaveClass('is-urgent');
  });

  it('says the time left in the words of the home countdown, in both languages', () => {
    at(12);
    const now = Date.now();
    for (const [lang, words] of [
      ['ko', '마감까지 3초'],
      ['en', 'Closes in 3s'],
    ] as const) {
      const { unmount } = render(
        <I18nProvider initial={lang}>
          <Countdown round={roundAt(now, { periodMs: 60_000, openForMs: 15_000 })} now={now} />
          <RoundDeadline />
        </I18nProvider>,
      );
      expect(screen.getByTestId('countdown')).toHaveTextContent(words);
      expect(screen.getByTestId('round-deadline')).toHaveTextContent(words);
      unmount();
    }
  });

  it('shows nothing once the round has closed, or before it opens', () => {
    at(20);
    const { unmount } = renderDeadline('20261205T100000Z');
    expect(screen.queryByTestId('round-deadline')).not.toBeInTheDocument();
    unmount();
    renderDeadline('20261205T100100Z');
    expect(screen.queryByTestId('round-deadline')).not.toBeInTheDocument();
  });
});
