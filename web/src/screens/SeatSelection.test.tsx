import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Seat, SeatStatus } from '../api/types';
import { Header } from '../components/Header';
import { AnnouncerProvider } from '../hooks/useAnnouncer';
import { I18nProvider } from '../i18n/i18n';
import { roundIdAt } from '../lib/clock';
import { holdOfTicket, rememberHold } from '../lib/tickets';
import { mockApi, problem, withRetryAfter, type Route } from '../test/api';
import { flush } from '../test/timers';
import { SeatSelection } from './SeatSelection';

afterEach(() => vi.unstubAllGlobals());

// a round that opens in an hour: still open by the clock whenever the tests run (a closed one ends the screen)
const ROUND = roundIdAt(Math.floor(Date.now() / 60_000) * 60_000 + 3_600_000);
const session = { nickname: 'p1', ticketId: 't1', roundId: ROUND, token: 'jwt' };
const seats = (statuses: Record<string, SeatStatus> = {}): Seat[] =>
  [1, 2, 3, 4].map((n) => ({
    id: `A-${n}`,
    row: 'A',
    number: n,
    grade: 'VIP',
    status: statuses[`A-${n}`] ?? 'AVAILABLE',
  }));
/** The round's four seats, all AVAILABLE. */
const seatMapRoute = (): Route => [
  'GET',
  /\/seats$/,
  () => ({ body: { roundId: session.roundId, rows: 1, columns: 4, seats: seats() } }),
];
/** A-1 held as h1 for 20 s. */
const heldA1Route = (): Route => [
  'POST',
  /\/holds$/,
  () => ({
    status: 201,
    body: { holdId: 'h1', seatId: 'A-1', expiresAt: new Date(Date.now() + 20_000).toISOString() },
  }),
];
const seatEl = (id: string) => document.querySelector<HTMLButtonElement>(`[data-seat-id="${id}"]`)!;

function renderScreen(onBooked = vi.fn(), onRoundOver = vi.fn(), player = session) {
  render(
    <I18nProvider initial="ko">
      <SeatSelection session={player} onBooked={onBooked} onCaptchaRequired={vi.fn()} onRoundOver={onRoundOver} />
    </I18nProvider>,
  );
  return onBooked;
}

/** Renders the screen, picks A-1 and presses 좌석 선택 완료 (what the hold gets is the routes' business). */
async function pickAndHoldA1(...args: Parameters<typeof renderScreen>) {
  const rendered = renderScreen(...args);
  await flush();
  fireEvent.click(seatEl('A-1'));
  fireEvent.click(screen.getByRole('button', { name: '좌석 선택 완료' }));
  await flush();
  return rendered;
}

describe('seat selection', () => {
  it('says "A-1 — 이미 선택된 좌석입니다" when the seat was taken, refreshes the map, and books another, riding out a lost answer', async () => {
    let taken = false;
    let bookings = 0;
    const { calls } = mockApi([
      [
        'GET',
        /\/seats$/,
        () => ({
          body: { roundId: session.roundId, rows: 1, columns: 4, seats: seats(taken ? { 'A-1': 'HELD' } : {}) },
        }),
      ],
      [
        'POST',
        /\/holds$/,
        (call) => {
          if ((call.body as { seatId: string }).seatId === 'A-1') {
            taken = true;
            return problem('seat-taken', 409);
          }
          return {
            status: 201,
            body: { holdId: 'h2', seatId: 'A-2', expiresAt: new Date(Date.now() + 20_000).toISOString() },
          };
        },
      ],
      [
        'POST',
        /^\/api\/v1\/bookings$/,
        () =>
          ++bookings === 1
            ? new Error('connection reset')
            : { status: 202, body: { bookingId: 'b1', status: 'PENDING', seatId: 'A-2' } },
      ],
    ]);
    const onBooked = renderScreen();
    await waitFor(() => expect(seatEl('A-1')).toBeInTheDocument());
    await waitFor(() => expect(seatEl('A-1')).toHaveFocus()); // the step starts on the map
    expect(document.querySelector(`time[data-round-id="${session.roundId}"]`)).toHaveTextContent(
      /^\d{2}:\d{2}:00 오픈 라운드$/,
    );
    expect(screen.queryByText(/\d{8}T\d{6}Z/)).not.toBeInTheDocument();
    expect(calls[0]!.headers.Authorization).toBe('Bearer jwt');

    fireEvent.click(seatEl('A-1'));
    expect(screen.getByTestId('seat-summary')).toHaveTextContent('A-1');
    const seatCalls = () => calls.filter((c) => c.path.endsWith('/seats')).length;
    const before = seatCalls();
    fireEvent.click(screen.getByRole('button', { name: '좌석 선택 완료' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('A-1 — 이미 선택된 좌석입니다'));
    await waitFor(() => expect(seatCalls()).toBeGreaterThan(before)); // refreshed at once, not a second later
    await waitFor(() => expect(seatEl('A-1')).toHaveClass('status-held'));

    fireEvent.click(seatEl('A-2'));
    fireEvent.click(screen.getByRole('button', { name: '좌석 선택 완료' }));
    await waitFor(() => expect(screen.getByTestId('hold-timer')).toHaveTextContent('초 안에 확정하세요'));
    expect(calls.find((c) => c.path.endsWith('/holds') && (c.body as { seatId: string }).seatId === 'A-2')!.path).toBe(
      `/api/v1/rounds/${ROUND}/holds`,
    );

    fireEvent.click(screen.getByRole('button', { name: '예매 확정' }));
    // the answer was lost (the server may well have taken it): booked again by itself, with the same key
    await waitFor(() => expect(onBooked).toHaveBeenCalledWith('b1'), { timeout: 10_000 });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    const posts = calls.filter((c) => c.path === '/api/v1/bookings');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.body).toEqual({ holdId: 'h2' });
    const key = posts[0]!.headers['Idempotency-Key'];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]!.headers['Idempotency-Key']).toBe(key); // the retry reuses the key
  });

  it('books again with the same key, without asking, while the first request is still in progress (409)', async () => {
    let bookings = 0;
    const { calls } = mockApi([
      seatMapRoute(),
      heldA1Route(),
      [
        'POST',
        /^\/api\/v1\/bookings$/,
        () =>
          ++bookings === 1
            ? problem('idempotency-key-in-progress', 409)
            : { status: 202, body: { bookingId: 'b1', status: 'PENDING', seatId: 'A-1' } },
      ],
    ]);
    const onBooked = renderScreen();
    await waitFor(() => expect(seatEl('A-1')).toBeInTheDocument());
    fireEvent.click(seatEl('A-1'));
    fireEvent.click(screen.getByRole('button', { name: '좌석 선택 완료' }));
    await waitFor(() => expect(screen.getByTestId('hold-timer')).toBeInTheDocument());
    fireEvent.click(screen.getByRole('button', { name: '예매 확정' }));

    await waitFor(() => expect(onBooked).toHaveBeenCalledWith('b1'), { timeout: 10_000 });
    const posts = calls.filter((c) => c.path === '/api/v1/bookings');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.headers['Idempotency-Key']).toBe(posts[0]!.headers['Idempotency-Key']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  /** The player picks `seatId`, and the live map then shows it `status` (someone else was faster). */
  async function pickThenSeatTurns(seatId: string, status: SeatStatus) {
    let statuses: Record<string, SeatStatus> = {};
    mockApi([
      ['GET', /\/seats$/, () => ({ body: { roundId: session.roundId, rows: 1, columns: 4, seats: seats(statuses) } })],
    ]);
    renderScreen();
    await waitFor(() => expect(seatEl(seatId)).toBeInTheDocument());
    fireEvent.click(seatEl(seatId));
    statuses = { [seatId]: status };
    await waitFor(() => expect(seatEl(seatId)).toHaveClass(`status-${status.toLowerCase()}`), { timeout: 10_000 });
  }

  it('tells the player when the picked seat goes to someone else before the hold', async () => {
    await pickThenSeatTurns('A-3', 'SOLD');
    expect(screen.getByRole('alert')).toHaveTextContent('선택한 A-3 좌석이 방금 다른 사람에게 선점되었습니다.');
    expect(screen.getByRole('button', { name: '좌석 선택 완료' })).toBeDisabled();
  });

  it("says the pick was just taken when it turns HELD on the live map, not the hold's seat-taken answer", async () => {
    await pickThenSeatTurns('A-2', 'HELD');
    expect(screen.getByRole('alert')).toHaveTextContent('선택한 A-2 좌석이 방금 다른 사람에게 선점되었습니다.');
    expect(screen.queryByText('이미 선택된 좌석입니다')).not.toBeInTheDocument();
  });

  it('keeps the focus on the map when a hold is refused because the seat was taken', async () => {
    vi.useFakeTimers();
    try {
      mockApi([seatMapRoute(), ['POST', /\/holds$/, () => problem('seat-taken', 409)]]);
      renderScreen();
      await flush();
      fireEvent.click(seatEl('A-1'));
      const holdButton = screen.getByRole('button', { name: '좌석 선택 완료' });
      holdButton.focus();
      fireEvent.click(holdButton);
      await flush();
      expect(screen.getByRole('alert')).toHaveTextContent('이미 선택된 좌석입니다');
      expect(document.activeElement).not.toBe(document.body);
      expect(screen.getByRole('grid')).toContainElement(document.activeElement as HTMLElement);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says the seat-taken notice in English once the player switches language', async () => {
    let taken = false;
    mockApi([
      [
        'GET',
        /\/seats$/,
        () => ({
          body: { roundId: session.roundId, rows: 1, columns: 4, seats: seats(taken ? { 'A-1': 'HELD' } : {}) },
        }),
      ],
      [
        'POST',
        /\/holds$/,
        () => {
          taken = true;
          return problem('seat-taken', 409);
        },
      ],
    ]);
    render(
      <I18nProvider initial="ko">
        <Header route="play" />
        <SeatSelection session={session} onBooked={vi.fn()} onCaptchaRequired={vi.fn()} onRoundOver={vi.fn()} />
      </I18nProvider>,
    );
    await waitFor(() => expect(seatEl('A-1')).toBeInTheDocument());
    fireEvent.click(seatEl('A-1'));
    fireEvent.click(screen.getByRole('button', { name: '좌석 선택 완료' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('이미 선택된 좌석입니다'));
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/^!A-1 is already taken$/);
    expect(screen.getByRole('alert')).not.toHaveTextContent('이미 선택된 좌석입니다');
  });

  it('ends the attempt on round-closed: on to the result, with the problem', async () => {
    mockApi([['GET', /\/seats$/, () => problem('round-closed', 403)]]);
    const onRoundOver = vi.fn();
    renderScreen(vi.fn(), onRoundOver);
    await waitFor(() => expect(onRoundOver).toHaveBeenCalledTimes(1));
    expect(onRoundOver.mock.calls[0]?.[0]).toMatchObject({ kind: 'problem', problem: { slug: 'round-closed' } });
  });

  it('ends the attempt on already-booked (a reload after booking): on to the result, not to an error', async () => {
    mockApi([seatMapRoute(), ['POST', /\/holds$/, () => problem('already-booked', 409)]]);
    const onRoundOver = vi.fn();
    renderScreen(vi.fn(), onRoundOver);
    await waitFor(() => expect(seatEl('A-2')).toBeInTheDocument());
    fireEvent.click(seatEl('A-2'));
    fireEvent.click(screen.getByRole('button', { name: '좌석 선택 완료' }));
    await waitFor(() => expect(onRoundOver).toHaveBeenCalledTimes(1));
    expect(onRoundOver).toHaveBeenCalledWith({ kind: 'already-booked' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('ends the attempt when the booking itself answers already-booked', async () => {
    mockApi([seatMapRoute(), heldA1Route(), ['POST', /^\/api\/v1\/bookings$/, () => problem('already-booked', 409)]]);
    const onRoundOver = vi.fn();
    const onBooked = renderScreen(vi.fn(), onRoundOver);
    await waitFor(() => expect(seatEl('A-1')).toBeInTheDocument());
    fireEvent.click(seatEl('A-1'));
    fireEvent.click(screen.getByRole('button', { name: '좌석 선택 완료' }));
    await waitFor(() => expect(screen.getByTestId('hold-timer')).toBeInTheDocument());
    fireEvent.click(screen.getByRole('button', { name: '예매 확정' }));
    await waitFor(() => expect(onRoundOver).toHaveBeenCalledWith({ kind: 'already-booked' }));
    expect(onBooked).not.toHaveBeenCalled();
  });

  it('says so when every seat is sold, and leads to the debrief', async () => {
    mockApi([
      [
        'GET',
        /\/seats$/,
        () => ({
          body: {
            roundId: session.roundId,
            rows: 1,
            columns: 4,
            seats: seats({ 'A-1': 'SOLD', 'A-2': 'SOLD', 'A-3': 'SOLD', 'A-4': 'SOLD' }),
          },
        }),
      ],
    ]);
    const onRoundOver = vi.fn();
    renderScreen(vi.fn(), onRoundOver);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('좌석이 모두 팔렸어요.'));
    expect(onRoundOver).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '디브리핑 보기' }));
    expect(onRoundOver).toHaveBeenCalledWith({ kind: 'sold-out' });
  });

  it('does not call it sold out while some seats are only held: they come back, and the notice goes', async () => {
    let statuses: Record<string, SeatStatus> = { 'A-1': 'SOLD', 'A-2': 'SOLD', 'A-3': 'SOLD', 'A-4': 'HELD' };
    mockApi([
      ['GET', /\/seats$/, () => ({ body: { roundId: session.roundId, rows: 1, columns: 4, seats: seats(statuses) } })],
    ]);
    const onRoundOver = vi.fn();
    renderScreen(vi.fn(), onRoundOver);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('지금은 남은 좌석이 없어요'));
    expect(screen.queryByText('좌석이 모두 팔렸어요.')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '디브리핑 보기' })).not.toBeInTheDocument();

    statuses = { 'A-1': 'SOLD', 'A-2': 'SOLD', 'A-3': 'SOLD' }; // A-4's hold lapsed
    await waitFor(() => expect(seatEl('A-4')).toHaveClass('status-available'), { timeout: 10_000 });
    expect(screen.queryByText(/지금은 남은 좌석이 없어요/)).not.toBeInTheDocument();
    expect(onRoundOver).not.toHaveBeenCalled();
  });

  describe('a reload while holding a seat', () => {
    /** The seat map, with A-1 HELD (by this ticket, which the map does not say) once `held()`, and the hold route. */
    function holdingApi(extra: Route[] = []) {
      let held = false;
      return mockApi([
        [
          'GET',
          /\/seats$/,
          () => ({
            body: { roundId: session.roundId, rows: 1, columns: 4, seats: seats(held ? { 'A-1': 'HELD' } : {}) },
          }),
        ],
        [
          'POST',
          /\/holds$/,
          () => {
            held = true;
            return {
              status: 201,
              body: { holdId: 'h1', seatId: 'A-1', expiresAt: new Date(Date.now() + 20_000).toISOString() },
            };
          },
        ],
        ...extra,
      ]);
    }

    /** Holds A-1, then reloads the screen: the page goes, localStorage stays. */
    async function holdA1AndReload() {
      renderScreen();
      await waitFor(() => expect(seatEl('A-1')).toBeInTheDocument());
      fireEvent.click(seatEl('A-1'));
      fireEvent.click(screen.getByRole('button', { name: '좌석 선택 완료' }));
      await waitFor(() => expect(screen.getByTestId('hold-timer')).toBeInTheDocument());
      const kept = holdOfTicket(session.ticketId);
      cleanup();
      const onBooked = renderScreen();
      await waitFor(() => expect(seatEl('A-1')).toHaveAttribute('data-status', 'HELD'));
      return { kept, onBooked };
    }

    it("shows the player's own hold as theirs again, with its timer, and books it with the same key", async () => {
      const { calls } = holdingApi([
        [
          'POST',
          /^\/api\/v1\/bookings$/,
          () => ({ status: 202, body: { bookingId: 'b1', status: 'PENDING', seatId: 'A-1' } }),
        ],
      ]);
      const { kept, onBooked } = await holdA1AndReload();
      // the player's selection, not somebody else's hold
      expect(seatEl('A-1')).toHaveClass('status-selected');
      expect(seatEl('A-1')).toHaveAccessibleName(/내 선택/);
      expect(screen.getByTestId('seat-summary')).toHaveTextContent('A-1');
      expect(screen.getByTestId('hold-timer')).toHaveTextContent(/(1[5-9]|20)초 안에 확정하세요/);
      const confirm = screen.getByRole('button', { name: '예매 확정' });
      expect(confirm).toBeEnabled();
      expect(calls.filter((c) => c.path.endsWith('/holds'))).toHaveLength(1); // no hold spent on it

      fireEvent.click(confirm);
      await waitFor(() => expect(onBooked).toHaveBeenCalledWith('b1'));
      const post = calls.find((c) => c.path === '/api/v1/bookings')!;
      expect(post.body).toEqual({ holdId: 'h1' });
      // a booking whose answer was lost before the reload is answered with that booking
      expect(post.headers['Idempotency-Key']).toBe(kept?.idempotencyKey);
      expect(holdOfTicket(session.ticketId)).toBeUndefined(); // booked: the booking is kept, not the hold
    });

    it('forgets a released hold: after a reload the map is there to pick from', async () => {
      holdingApi([['DELETE', /^\/api\/v1\/holds\/h1$/, () => ({ status: 204 })]]);
      renderScreen();
      await waitFor(() => expect(seatEl('A-1')).toBeInTheDocument());
      fireEvent.click(seatEl('A-1'));
      fireEvent.click(screen.getByRole('button', { name: '좌석 선택 완료' }));
      fireEvent.click(await screen.findByRole('button', { name: '다른 좌석 고르기' }));
      expect(holdOfTicket(session.ticketId)).toBeUndefined();
      cleanup();
      renderScreen();
      await waitFor(() => expect(seatEl('A-1')).toBeInTheDocument());
      expect(screen.queryByTestId('hold-timer')).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: '좌석 선택 완료' })).toBeDisabled();
    });

    it('does not bring back a hold that has run out', async () => {
      holdingApi();
      const seat = seats()[0]!;
      rememberHold(session.ticketId, {
        seat,
        hold: { holdId: 'h0', seatId: seat.id, expiresAt: new Date(Date.now() - 1_000).toISOString() },
        idempotencyKey: 'k0',
      });
      renderScreen();
      await waitFor(() => expect(seatEl('A-1')).toBeInTheDocument());
      expect(screen.queryByTestId('hold-timer')).not.toBeInTheDocument();
      expect(seatEl('A-1')).toHaveClass('status-available');
    });

    it('forgets the hold once it lapses, so a reload does not show it again', async () => {
      vi.useFakeTimers();
      try {
        holdingApi();
        await pickAndHoldA1();
        expect(holdOfTicket(session.ticketId)?.hold.holdId).toBe('h1');
        await flush(20_500);
        expect(screen.getByRole('alert')).toHaveTextContent('좌석 선점이 만료되었습니다');
        expect(holdOfTicket(session.ticketId)).toBeUndefined();
      } finally {
        vi.useRealTimers();
      }
    });
  });

  it('ends the attempt when the round closes by the clock, though the map stays readable after the close', async () => {
    const closed = { ...session, roundId: roundIdAt(Math.floor(Date.now() / 60_000) * 60_000 - 120_000) };
    mockApi([['GET', /\/seats$/, () => ({ body: { roundId: closed.roundId, rows: 1, columns: 4, seats: seats() } })]]);
    const onRoundOver = vi.fn();
    renderScreen(vi.fn(), onRoundOver, closed);
    await waitFor(() => expect(onRoundOver).toHaveBeenCalled());
    expect(onRoundOver.mock.calls[0]?.[0]).toMatchObject({ kind: 'problem', problem: { slug: 'round-closed' } });
  });
});

describe('seat selection: Retry-After', () => {
  afterEach(() => vi.useRealTimers());
  const bookingRoute = (answers: Parameters<typeof withRetryAfter>[]): Route => {
    let n = 0;
    return [
      'POST',
      /^\/api\/v1\/bookings$/,
      () => {
        const answer = answers[n++];
        return answer
          ? withRetryAfter(...answer)
          : { status: 202, body: { bookingId: 'b1', status: 'PENDING', seatId: 'A-1' } };
      },
    ];
  };
  /** Renders the screen, picks A-1, holds it and presses 예매 확정. */
  const holdAndConfirm = async (onBooked = vi.fn()) => {
    await pickAndHoldA1(onBooked);
    fireEvent.click(screen.getByRole('button', { name: '예매 확정' }));
    await flush();
    return onBooked;
  };

  it("books again only after a 503's whole Retry-After (not cut to 3 s)", async () => {
    vi.useFakeTimers();
    const { calls } = mockApi([
      seatMapRoute(),
      heldA1Route(),
      bookingRoute([[problem('service-unavailable', 503), '5']]),
    ]);
    const posts = () => calls.filter((c) => c.path === '/api/v1/bookings').length;
    const onBooked = await holdAndConfirm();
    expect(posts()).toBe(1);
    await flush(4_900);
    expect(posts()).toBe(1);
    await flush(100);
    expect(posts()).toBe(2);
    expect(onBooked).toHaveBeenCalledWith('b1');
  });

  it('does not book back to back on Retry-After: 0', async () => {
    vi.useFakeTimers();
    const unavailable = problem('service-unavailable', 503);
    const { calls } = mockApi([
      seatMapRoute(),
      heldA1Route(),
      bookingRoute([
        [unavailable, '0'],
        [unavailable, '0'],
      ]),
    ]);
    const posts = () => calls.filter((c) => c.path === '/api/v1/bookings').length;
    const onBooked = await holdAndConfirm();
    expect(posts()).toBe(1);
    await flush(900);
    expect(posts()).toBe(1);
    await flush(100);
    expect(posts()).toBe(2);
    await flush(1_000);
    expect(posts()).toBe(3);
    expect(onBooked).toHaveBeenCalledWith('b1');
  });

  it("keeps the hold's and the booking's Retry buttons disabled, counting down, until a 429's Retry-After has passed", async () => {
    vi.useFakeTimers();
    let holds = 0;
    const { calls } = mockApi([
      seatMapRoute(),
      [
        'POST',
        /\/holds$/,
        () =>
          ++holds === 1
            ? withRetryAfter(problem('rate-limited', 429), '2')
            : {
                status: 201,
                body: { holdId: 'h1', seatId: 'A-1', expiresAt: new Date(Date.now() + 20_000).toISOString() },
              },
      ],
      bookingRoute([[problem('rate-limited', 429), '3']]),
    ]);
    const onBooked = vi.fn();
    await pickAndHoldA1(onBooked);
    const holdAlert = screen.getByRole('alert');
    expect(holdAlert).toHaveTextContent('요청이 너무 많습니다');
    expect(within(holdAlert).getByRole('button', { name: '2초 후 다시 시도' })).toBeDisabled();
    await flush(1_000);
    expect(within(holdAlert).getByRole('button', { name: '1초 후 다시 시도' })).toBeDisabled();
    await flush(1_000);
    fireEvent.click(within(holdAlert).getByRole('button', { name: '다시 시도' }));
    await flush();
    expect(holds).toBe(2);

    fireEvent.click(screen.getByRole('button', { name: '예매 확정' }));
    await flush();
    const bookAlert = screen.getByRole('alert');
    const retry = within(bookAlert).getByRole('button', { name: '3초 후 다시 시도' });
    expect(retry).toBeDisabled();
    fireEvent.click(retry);
    await flush(2_000);
    expect(calls.filter((c) => c.path === '/api/v1/bookings')).toHaveLength(1);
    await flush(1_000);
    fireEvent.click(within(bookAlert).getByRole('button', { name: '다시 시도' }));
    await flush();
    expect(calls.filter((c) => c.path === '/api/v1/bookings')).toHaveLength(2);
    expect(onBooked).toHaveBeenCalledWith('b1');
  });
  it("books again by itself, with the same key, when the answer was lost: a dropped connection, a proxy's 502 or 504", async () => {
    vi.useFakeTimers();
    let n = 0;
    const { calls } = mockApi([
      seatMapRoute(),
      heldA1Route(),
      [
        'POST',
        /^\/api\/v1\/bookings$/,
        () => {
          n += 1;
          if (n === 1) return new Error('connection reset');
          if (n === 2) return { status: 502, body: undefined };
          if (n === 3) return { status: 504, body: undefined };
          return { status: 202, body: { bookingId: 'b1', status: 'PENDING', seatId: 'A-1' } };
        },
      ],
    ]);
    const posts = () => calls.filter((c) => c.path === '/api/v1/bookings');
    const onBooked = await holdAndConfirm();
    expect(posts()).toHaveLength(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument(); // not the player's to retry
    await flush(1_000);
    expect(posts()).toHaveLength(2);
    await flush(1_000);
    expect(posts()).toHaveLength(3);
    await flush(1_000);
    expect(posts()).toHaveLength(4);
    expect(onBooked).toHaveBeenCalledWith('b1');
    expect(new Set(posts().map((c) => c.headers['Idempotency-Key'])).size).toBe(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("clears a failed booking's notice and its retry when the hold lapses", async () => {
    vi.useFakeTimers();
    mockApi([
      seatMapRoute(),
      heldA1Route(),
      ['POST', /^\/api\/v1\/bookings$/, () => ({ status: 500, body: undefined })],
    ]);
    await holdAndConfirm();
    expect(screen.getByRole('alert')).toHaveTextContent('알 수 없는 오류가 발생했습니다.');
    expect(screen.getByRole('button', { name: '다시 시도' })).toBeInTheDocument();
    await flush(20_500); // the hold's 20 s run out
    expect(screen.getByRole('alert')).toHaveTextContent('좌석 선점이 만료되었습니다');
    expect(screen.queryByText('알 수 없는 오류가 발생했습니다.')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '다시 시도' })).not.toBeInTheDocument(); // it would do nothing
  });

  it('ends the attempt when the round closes on a held seat, never saying to pick again', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 11, 5, 10, 0, 12));
    const closing = { ...session, roundId: '20261205T100000Z' };
    const closesAt = Date.UTC(2026, 11, 5, 10, 0, 15);
    mockApi([
      ['GET', /\/seats$/, () => ({ body: { roundId: closing.roundId, rows: 1, columns: 4, seats: seats() } })],
      // a hold lapses at the latest with its round
      [
        'POST',
        /\/holds$/,
        () => ({ status: 201, body: { holdId: 'h1', seatId: 'A-1', expiresAt: new Date(closesAt).toISOString() } }),
      ],
    ]);
    const onRoundOver = vi.fn();
    await pickAndHoldA1(vi.fn(), onRoundOver, closing);
    expect(screen.getByTestId('hold-timer')).toBeInTheDocument();

    for (let step = 0; step < 12; step++) {
      await flush(250);
      expect(screen.queryByText(/좌석 선점이 만료되었습니다/)).not.toBeInTheDocument();
    }
    expect(onRoundOver).toHaveBeenCalledTimes(1);
    expect(onRoundOver.mock.calls[0]?.[0]).toMatchObject({ kind: 'problem', problem: { slug: 'round-closed' } });
  });

  describe('a hold refused with a 503', () => {
    const holdRoute = (refusals: number, retryAfter?: string): Route => {
      let holds = 0;
      return [
        'POST',
        /\/holds$/,
        () => {
          if (++holds <= refusals) {
            const unavailable = problem('service-unavailable', 503);
            return retryAfter === undefined ? unavailable : withRetryAfter(unavailable, retryAfter);
          }
          return {
            status: 201,
            body: { holdId: 'h1', seatId: 'A-1', expiresAt: new Date(Date.now() + 20_000).toISOString() },
          };
        },
      ];
    };

    it('is asked again by itself for the same seat after its Retry-After, saying so meanwhile', async () => {
      vi.useFakeTimers();
      const { calls } = mockApi([seatMapRoute(), holdRoute(1, '2')]);
      await pickAndHoldA1();
      const holds = () => calls.filter((c) => c.method === 'POST' && c.path.endsWith('/holds'));
      expect(holds()).toHaveLength(1);
      expect(screen.getByTestId('auto-retry')).toHaveTextContent('2초 후 자동으로 다시 시도합니다 (3번 중 1번째)');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument(); // a passing wait, said politely
      await flush(1_900);
      expect(holds()).toHaveLength(1);
      await flush(100);
      expect(holds().map((c) => c.body)).toEqual([{ seatId: 'A-1' }, { seatId: 'A-1' }]);
      expect(screen.getByRole('button', { name: '예매 확정' })).toBeEnabled();
      expect(screen.queryByTestId('auto-retry')).not.toBeInTheDocument();
    });

    it('can be stopped while it waits: back to the map to pick another seat, nothing sent again', async () => {
      vi.useFakeTimers();
      const { calls } = mockApi([seatMapRoute(), holdRoute(10, '5')]);
      await pickAndHoldA1();
      expect(screen.getByTestId('auto-retry')).toBeInTheDocument();

      fireEvent.click(screen.getByRole('button', { name: '그만두고 다른 좌석 고르기' }));
      await flush(20_000);

      expect(calls.filter((c) => c.path.endsWith('/holds'))).toHaveLength(1);
      expect(screen.queryByTestId('auto-retry')).not.toBeInTheDocument();
      expect(screen.getByRole('alert')).toHaveTextContent('서비스가 잠시 혼잡합니다');
      fireEvent.click(seatEl('A-2'));
      expect(screen.getByRole('button', { name: '좌석 선택 완료' })).toBeEnabled();
    });

    it("stops after three tries by itself, then the Retry is the player's", async () => {
      vi.useFakeTimers();
      const { calls } = mockApi([seatMapRoute(), holdRoute(10)]);
      await pickAndHoldA1();
      for (let i = 0; i < 3; i++) await flush(1_000);
      await flush(10_000);
      expect(calls.filter((c) => c.path.endsWith('/holds'))).toHaveLength(4);
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent('서비스가 잠시 혼잡합니다');
      fireEvent.click(within(alert).getByRole('button', { name: '다시 시도' }));
      await flush();
      expect(calls.filter((c) => c.path.endsWith('/holds'))).toHaveLength(5);
    });

    it("is not tried again when the wait would end past the round's close: the close ends the attempt", async () => {
      vi.useFakeTimers();
      vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 12));
      const closing = { ...session, roundId: '20261124T101500Z' };
      const { calls } = mockApi([
        ['GET', /\/seats$/, () => ({ body: { roundId: closing.roundId, rows: 1, columns: 4, seats: seats() } })],
        holdRoute(10, '5'),
      ]);
      const onRoundOver = vi.fn();
      await pickAndHoldA1(vi.fn(), onRoundOver, closing);
      expect(screen.queryByTestId('auto-retry')).not.toBeInTheDocument();
      expect(screen.getByRole('alert')).toHaveTextContent('서비스가 잠시 혼잡합니다');
      await flush(3_100); // 10:15:15.1
      expect(onRoundOver).toHaveBeenCalledWith(
        expect.objectContaining({ kind: 'problem', problem: expect.objectContaining({ slug: 'round-closed' }) }),
      );
      await flush(5_000);
      expect(calls.filter((c) => c.path.endsWith('/holds'))).toHaveLength(1);
    });
  });
});

describe('seat selection, for keyboard and screen-reader players', () => {
  /** The screen in the app's live region; what it said, in order. */
  const renderSpoken = () => {
    render(
      <I18nProvider initial="ko">
        <AnnouncerProvider>
          <SeatSelection session={session} onBooked={vi.fn()} onCaptchaRequired={vi.fn()} onRoundOver={vi.fn()} />
        </AnnouncerProvider>
      </I18nProvider>,
    );
    return () => [...screen.getByTestId('announcer').children].map((node) => node.textContent);
  };

  it('names the map shortly and describes it for touch and keys both', async () => {
    mockApi([seatMapRoute()]);
    renderSpoken();
    const grid = await screen.findByRole('grid', { name: '좌석 배치도' });
    expect(grid).toHaveAccessibleDescription('좌석을 눌러 고르세요. 키보드로는 화살표 키로 이동하고 Enter로 고릅니다.');
  });

  it('keeps the focus on the button while the hold is on its way, then moves it to 예매 확정 and says the hold once', async () => {
    vi.useFakeTimers();
    try {
      mockApi([seatMapRoute(), heldA1Route()]);
      const said = renderSpoken();
      await flush();
      fireEvent.click(seatEl('A-1'));
      const hold = screen.getByRole('button', { name: '좌석 선택 완료' });
      act(() => hold.focus());
      fireEvent.click(hold);
      // the same button, busy (not disabled, which would drop the focus to the page)
      expect(screen.getByRole('button', { name: '좌석 잡는 중…' })).toBe(hold);
      expect(hold).toHaveFocus();
      expect(hold).toHaveAttribute('aria-disabled', 'true');
      await flush();
      const confirm = screen.getByRole('button', { name: '예매 확정' });
      expect(confirm).toHaveFocus();
      expect(said()).toEqual(['A-1 좌석을 잡았습니다. 20초 안에 확정하세요']);
      // the hold's timer counts down on screen only: no live region, nothing more said
      await flush(3_000);
      expect(screen.getByTestId('hold-timer')).toHaveTextContent('17초 안에 확정하세요');
      expect(screen.getByTestId('hold-timer').closest('[aria-live], [role="status"], [role="alert"]')).toBeNull();
      expect(said()).toEqual(['A-1 좌석을 잡았습니다. 20초 안에 확정하세요']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves the legend to the map where the panel is under it (a bar at the bottom of a phone), the map still first', async () => {
    vi.useFakeTimers();
    try {
      for (const underMap of [false, true]) {
        vi.stubGlobal('matchMedia', (query: string) => ({
          matches: underMap && query === '(max-width: 860px)',
          media: query,
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
        }));
        mockApi([seatMapRoute()]);
        renderScreen();
        await flush();
        const legend = screen.getByRole('group', { name: '범례' });
        const panel = screen.getByRole('complementary', { name: '선택한 좌석' });
        expect(panel.contains(legend)).toBe(!underMap);
        expect(seatEl('A-1').closest('.seatmap-card')!.contains(legend)).toBe(underMap);
        // the focus order: the map, then the panel's button
        fireEvent.click(seatEl('A-1'));
        const hold = within(panel).getByRole('button', { name: '좌석 선택 완료' });
        expect(seatEl('A-1').compareDocumentPosition(hold) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
        cleanup();
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
