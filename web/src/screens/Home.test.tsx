import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServerClockProvider } from '../hooks/serverClock';
import { I18nProvider } from '../i18n/i18n';
import { NICKNAME_KEY } from '../lib/nickname';
import { mockApi, problem } from '../test/api';
import { flush } from '../test/timers';
import { clockNow } from '../test/clock';
import { roundIdAt } from '../lib/clock';
import { rememberBooking, rememberTicket } from '../lib/tickets';
import type { NicknameRefusal } from '../lib/session';
import { Home } from './Home';

afterEach(() => vi.unstubAllGlobals());

const results = {
  roundId: 'x',
  seats: { total: 100, sold: 42 },
  soldOutMs: null,
  humans: { count: 30, bestMs: 4_321, medianMs: 9_876 },
  bots: { count: 12, bestMs: 2_100, medianMs: 3_000 },
  histogram: { buckets: [] },
  topHumans: [
    { bookingId: 'b1', nickname: '티켓왕', durationMs: 4_321 },
    { bookingId: 'b2', nickname: 'runner_2', durationMs: 5_000 },
    { bookingId: 'b3', nickname: 'third-3', durationMs: 6_000 },
    { bookingId: 'b4', nickname: 'fourth', durationMs: 7_000 },
  ],
};

function renderHome(onEnter = vi.fn(), onResume = vi.fn(), refused?: NicknameRefusal, lang: 'ko' | 'en' = 'ko') {
  render(
    <I18nProvider initial={lang}>
      <ServerClockProvider>
        <Home onEnter={onEnter} onResume={onResume} refused={refused} />
      </ServerClockProvider>
    </I18nProvider>,
  );
  return onEnter;
}

describe('home', () => {
  it("shows the last round's results, the synced clock and the bots' difficulty from the API", async () => {
    const { calls } = mockApi([
      ['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow() })],
      ['GET', /^\/api\/v1\/bots\/public$/, () => ({ body: { enabled: true, perRound: 20, difficulty: 'HARD' } })],
      ['GET', /^\/api\/v1\/rounds\/[^/]+\/results$/, () => ({ body: results })],
    ]);
    renderHome();

    await waitFor(() => expect(screen.getByTestId('sync-note')).toHaveTextContent('서버 시간 기준'));
    expect(screen.getByText('어려움')).toHaveClass('chip-hard');

    const card = screen.getByRole('region', { name: '지난 라운드 결과' });
    await waitFor(() => expect(within(card).getByText('42 / 100')).toBeInTheDocument());
    expect(within(card).getByText('매진 안 됨')).toBeInTheDocument();
    expect(within(card).getAllByText('4.321초')).not.toHaveLength(0);
    // the podium: the three fastest humans, in order
    const podium = within(card)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(podium).toEqual(['1티켓왕4.321초', '2runner_25.000초', '3third-36.000초']);
    // the results asked for are those of the round the card names (the last one finished by the server's clock)
    // by the time it opened, in the viewer's zone, not by its raw id
    const opened = card.querySelector('.round-id time')!;
    expect(opened).toHaveTextContent(/^\d{2}:\d{2}:00 오픈 라운드$/);
    expect(card).not.toHaveTextContent(/\d{8}T\d{6}Z/);
    const roundId = roundIdAt(Date.parse(opened.getAttribute('dateTime')!));
    expect(calls.some((c) => c.path === `/api/v1/rounds/${roundId}/results`)).toBe(true);
  });

  it('reads the last round again a few seconds after the close, until its count of bookings settles', async () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 15, 200)); // just after round 10:15's close
      const round = '20261124T101500Z';
      // the bookings accepted in the last moments are confirmed (and counted) a little after the close
      const sold = [40, 42, 42, 42, 42];
      let reads = 0;
      mockApi([
        ['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow() })],
        [
          'GET',
          new RegExp(`^/api/v1/rounds/${round}/results$`),
          () => ({ body: { ...results, seats: { total: 100, sold: sold[reads++] } } }),
        ],
      ]);
      renderHome();
      await flush(100);
      const card = screen.getByRole('region', { name: '지난 라운드 결과' });
      expect(card.querySelector('.round-id time')).toHaveAttribute('dateTime', '2026-11-24T10:15:00.000Z');
      expect(within(card).getByText('40 / 100')).toBeInTheDocument();
      expect(reads).toBe(1);

      await flush(5_000);
      expect(within(card).getByText('42 / 100')).toBeInTheDocument();
      expect(reads).toBe(2);

      await flush(5_000); // the same count again: settled
      expect(reads).toBe(3);
      await flush(20_000);
      expect(reads).toBe(3);
      expect(within(card).getByText('42 / 100')).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops reading the last round again after a few reads even while its count keeps changing', async () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 15, 200));
      let reads = 0;
      mockApi([
        ['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow() })],
        ['GET', /\/results$/, () => ({ body: { ...results, seats: { total: 100, sold: 40 + reads++ } } })],
      ]);
      renderHome();
      await flush(100); // the clock's sync, then the first read
      for (let i = 0; i < 8; i++) await flush(5_000);
      expect(reads).toBe(4);
      expect(screen.getByText('43 / 100')).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when the last round has no results', async () => {
    mockApi([
      ['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow() })],
      ['GET', /^\/api\/v1\/bots\/public$/, () => new Error('bot-runner not running')],
      ['GET', /\/results$/, () => problem('unknown-round', 404)],
    ]);
    renderHome();
    await waitFor(() => expect(screen.getByText('아직 지난 라운드 기록이 없습니다.')).toBeInTheDocument());
    expect(screen.queryByText('봇 난이도')).not.toBeInTheDocument();
  });

  it('enters with a valid nickname, remembered for next time, and refuses an invalid one', async () => {
    mockApi([
      ['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow() })],
      ['GET', /\/results$/, () => ({ body: results })],
    ]);
    const onEnter = renderHome();
    const field = screen.getByLabelText('닉네임');
    const enter = screen.getByRole('button', { name: /대기열 입장|미리 입장 대기/ });

    fireEvent.change(field, { target: { value: 'x' } });
    fireEvent.click(enter);
    expect(screen.getByRole('alert')).toHaveTextContent('닉네임은 2–20자의');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(onEnter).not.toHaveBeenCalled();

    fireEvent.change(field, { target: { value: '  티켓왕_01 ' } });
    fireEvent.click(enter);
    expect(onEnter).toHaveBeenCalledWith('티켓왕_01');
    expect(localStorage.getItem(NICKNAME_KEY)).toBe('티켓왕_01');
  });

  it('fills in the nickname remembered from last time, and says when the server clock cannot be reached', async () => {
    localStorage.setItem(NICKNAME_KEY, 'returning');
    mockApi([['GET', /^\/api\/v1\/clock$/, () => new Error('admission down')]]);
    renderHome();
    expect(screen.getByLabelText('닉네임')).toHaveValue('returning');
    await waitFor(() => expect(screen.getByTestId('sync-note')).toHaveTextContent('서버 시간을 불러오지 못했습니다'));
  });
});

describe('home, for keyboard and screen-reader users', () => {
  it('puts the focus on its heading as it appears', async () => {
    mockApi([['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow() })]]);
    renderHome();
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    await waitFor(() => expect(screen.getByTestId('sync-note')).toHaveTextContent('서버 시간 기준'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument(); // the sync's progress interrupts nobody
  });

  it('comes back from a refused nickname with it in the field, marked and focused, in either language', async () => {
    mockApi([['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow() })]]);
    const onEnter = renderHome(vi.fn(), vi.fn(), { nickname: 'taken_1', slug: 'nickname-taken' }, 'en');
    const field = screen.getByLabelText('Nickname');
    expect(field).toHaveFocus();
    expect(field).toHaveValue('taken_1');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Someone else is already using this nickname (or one that looks the same) in this round.',
    );
    // typed again the same (after NFC and trimming), it stays marked; the server remains the judge if entered anyway
    fireEvent.change(field, { target: { value: ' taken_1 ' } });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(field, { target: { value: 'fresh_1' } });
    expect(field).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByTestId('nickname-error')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Join the queue|Wait for the open/ }));
    expect(onEnter).toHaveBeenCalledWith('fresh_1');
    await waitFor(() => expect(screen.getByTestId('sync-note')).toHaveTextContent(/server/i));
  });

  it('says why the server did not allow a nickname, in Korean', async () => {
    mockApi([['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow() })]]);
    renderHome(vi.fn(), vi.fn(), { nickname: 'abcабв', slug: 'invalid-nickname' });
    expect(screen.getByLabelText('닉네임')).toHaveFocus();
    expect(screen.getByTestId('nickname-error')).toHaveTextContent('여러 문자 체계를 섞어 쓸 수 없습니다');
    await waitFor(() => expect(screen.getByTestId('sync-note')).toHaveTextContent('서버 시간 기준'));
  });

  it('does not interrupt when the nickname field is left invalid: marked, and said politely; the refused entry alerts', async () => {
    mockApi([['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow() })]]);
    const onEnter = renderHome();
    const field = screen.getByLabelText('닉네임');
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.blur(field); // Tab past the empty field
    const error = screen.getByTestId('nickname-error');
    expect(error).toHaveTextContent('닉네임은 2–20자의');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(error.closest('[aria-live="polite"]')).not.toBeNull();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/^닉네임은 2–20자의.*2–20자: 한글, 영문, 숫자, _, -$/);

    fireEvent.click(screen.getByRole('button', { name: /대기열 입장|미리 입장 대기/ }));
    expect(onEnter).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('닉네임은 2–20자의');
    expect(screen.getAllByTestId('nickname-error')).toHaveLength(1);
    expect(field).toHaveAccessibleDescription(/^닉네임은 2–20자의/);

    // typed again: what it says now follows politely, not as an alert at each key
    fireEvent.change(field, { target: { value: 'k' } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('nickname-error').closest('[aria-live="polite"]')).not.toBeNull();
    fireEvent.change(field, { target: { value: 'ok_1' } });
    expect(screen.queryByTestId('nickname-error')).not.toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'false');
    expect(field).toHaveAccessibleDescription('2–20자: 한글, 영문, 숫자, _, -');
    await waitFor(() => expect(screen.getByTestId('sync-note')).toHaveTextContent('서버 시간 기준'));
  });

  it('says at once (an alert) when the server clock cannot be reached', async () => {
    mockApi([['GET', /^\/api\/v1\/clock$/, () => new Error('admission down')]]);
    renderHome();
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('서버 시간을 불러오지 못했습니다'));
  });
});

describe('home, with a drill left mid-way in this browser', () => {
  // 10:15:05, round 10:15 open (15 s); 10:15:20, closed
  const ROUND = '20261124T101500Z';
  const TICKET = `${ROUND}-q3Yb0Jm4T1uXcN8e2kPZvA`;
  const at = async (second: number) => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, second));
    mockApi([['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow() })]]);
  };
  const renderWith = () => {
    const onEnter = vi.fn();
    const onResume = vi.fn();
    renderHome(onEnter, onResume);
    return { onEnter, onResume };
  };
  afterEach(() => vi.useRealTimers());

  it("offers to continue the open round's ticket, its nickname filled in, in one click", async () => {
    localStorage.setItem(NICKNAME_KEY, 'someone_else');
    rememberTicket('티켓왕', TICKET);
    await at(5);
    const { onEnter, onResume } = renderWith();
    await flush(100);

    expect(screen.getByLabelText('닉네임')).toHaveValue('티켓왕');
    expect(screen.getByTestId('resume-note')).toHaveTextContent('티켓왕님, 이 브라우저에서 하던 도전이');
    const resume = screen.getByRole('button', { name: '이어서 하기' });
    expect(resume).toHaveAccessibleDescription(/티켓왕님/);
    fireEvent.click(resume);
    expect(onResume).toHaveBeenCalledWith({ nickname: '티켓왕', ticketId: TICKET, roundId: ROUND });
    expect(onEnter).not.toHaveBeenCalled();
    expect(localStorage.getItem(NICKNAME_KEY)).toBe('티켓왕');
  });

  it('enters afresh as another nickname typed instead', async () => {
    rememberTicket('티켓왕', TICKET);
    await at(5);
    const { onEnter, onResume } = renderWith();
    await flush(100);
    fireEvent.change(screen.getByLabelText('닉네임'), { target: { value: 'newcomer' } });
    expect(screen.queryByTestId('resume-note')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '대기열 입장' }));
    expect(onEnter).toHaveBeenCalledWith('newcomer');
    expect(onResume).not.toHaveBeenCalled();
  });

  it("offers nothing for a ticket of an earlier round, nor for an unbooked one after its round's close", async () => {
    rememberTicket('old_one', '20261124T101400Z-q3Yb0Jm4T1uXcN8e2kPZvA');
    await at(5);
    renderWith();
    await flush(100);
    expect(screen.queryByRole('button', { name: '이어서 하기' })).not.toBeInTheDocument();
    cleanup();

    rememberTicket('티켓왕', TICKET);
    await at(20);
    renderWith();
    await flush(100);
    expect(screen.getByRole('button', { name: '미리 입장 대기' })).toBeInTheDocument();
    expect(screen.queryByTestId('resume-note')).not.toBeInTheDocument();
  });

  it("offers a booked ticket's result after its round's close", async () => {
    rememberTicket('티켓왕', TICKET);
    rememberBooking(TICKET, 'booking-7');
    await at(20);
    const { onResume } = renderWith();
    await flush(100);
    expect(screen.getByTestId('resume-note')).toHaveTextContent('예매한 좌석이 있어요');
    fireEvent.submit(screen.getByLabelText('닉네임').closest('form')!);
    expect(onResume).toHaveBeenCalledWith({
      nickname: '티켓왕',
      ticketId: TICKET,
      roundId: ROUND,
      bookingId: 'booking-7',
    });
  });
});
