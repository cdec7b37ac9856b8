import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServerClockProvider } from '../hooks/serverClock';
import { AnnouncerProvider } from '../hooks/useAnnouncer';
import { I18nProvider } from '../i18n/i18n';
import { mockApi, problem } from '../test/api';
import { FakeBroadcastChannel } from '../test/broadcastChannel';
import { FakeEventSource } from '../test/eventSource';
import { clockNow } from '../test/clock';
import { roundIdAt } from '../lib/clock';
import { letterSolvedOfTicket, rememberBooking, rememberLetterSolved, rememberTicket } from '../lib/tickets';
import { Drill } from './Drill';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const ROUND = '20261124T101500Z';
const TICKET = `${ROUND}-q3Yb0Jm4T1uXcN8e2kPZvA`;

/** Admission resumes the stored ticket and admits it at once. */
const admittedAt = (
  ticketId = TICKET,
  roundId = ROUND,
): [string, RegExp, () => { status?: number; body: unknown }][] => [
  ['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow({ id: roundId, openForMs: 60_000 }) })],
  ['POST', /^\/api\/v1\/queue$/, () => ({ status: 200, body: { ticketId, roundId, position: 1, waiting: 1 } })],
  [
    'GET',
    /^\/api\/v1\/queue\//,
    () => ({ body: { ticketId, roundId, status: 'ADMITTED', position: 1, ahead: 0, waiting: 0, token: 'tok' } }),
  ],
];

const seatA1 = { id: 'A-1', row: 'A', number: 1, grade: 'VIP', status: 'AVAILABLE' };

/** The drill as the app mounts it: one tab's page. */
const renderDrill = () =>
  render(
    <I18nProvider initial="ko">
      <ServerClockProvider>
        <Drill />
      </ServerClockProvider>
    </I18nProvider>,
  );

/**
 * The minute these tests play in: the middle of a round, so that the round the test works out and the one the app
 * reads from the clock cannot differ by a minute turning over between the two (Date only; timers stay real).
 */
const midRound = () => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(Date.UTC(2026, 11, 5, 10, 0, 20));
};

function enterAs(nickname: string) {
  renderDrill();
  fireEvent.change(screen.getByLabelText('닉네임'), { target: { value: nickname } });
  fireEvent.click(screen.getByRole('button', { name: /대기열 입장|미리 입장 대기/ }));
}

describe('drill', () => {
  it('takes a ticket that booked in this browser (a reload after booking) to its booking, not to a new letter', async () => {
    rememberTicket('티켓왕', TICKET);
    rememberBooking(TICKET, 'booking-7');
    const { calls } = mockApi(admittedAt());
    enterAs('티켓왕');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('예매 결과'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/bookings/booking-7')).toBe(true));
    expect(calls.some((c) => c.path.startsWith('/api/v1/captcha'))).toBe(false);
  });

  it('takes an admitted ticket without a booking to the security letter', async () => {
    rememberTicket('티켓왕', TICKET);
    rememberBooking(`${ROUND}-anotherTicketOfThisRoundX`, 'booking-8');
    const { calls } = mockApi(admittedAt());
    enterAs('티켓왕');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('보안문자 입력'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/captcha')).toBe(true));
  });

  it("says the admission in the app's live region, which outlives the waiting room, with the step it leads to", async () => {
    rememberTicket('티켓왕', TICKET);
    mockApi(admittedAt());
    render(
      <I18nProvider initial="ko">
        <ServerClockProvider>
          <AnnouncerProvider>
            <Drill />
          </AnnouncerProvider>
        </ServerClockProvider>
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText('닉네임'), { target: { value: '티켓왕' } });
    fireEvent.click(screen.getByRole('button', { name: /대기열 입장|미리 입장 대기/ }));

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('보안문자 입력'));
    expect(screen.queryByRole('heading', { name: '대기열' })).not.toBeInTheDocument();
    expect(screen.getByTestId('announcer')).toHaveTextContent('입장 완료 — 보안문자를 입력하세요');
  });

  it('takes an admitted ticket whose letter was solved in this browser (a reload on the seat map) back to the seat map', async () => {
    midRound();
    const roundNow = roundIdAt(Math.floor(Date.now() / 60_000) * 60_000);
    const ticketNow = `${roundNow}-q3Yb0Jm4T1uXcN8e2kPZvA`;
    rememberTicket('티켓왕', ticketNow);
    rememberLetterSolved(ticketNow);
    const { calls } = mockApi([
      ...admittedAt(ticketNow, roundNow),
      ['GET', /\/seats$/, () => ({ body: { roundId: roundNow, rows: 1, columns: 1, seats: [seatA1] } })],
    ]);
    enterAs('티켓왕');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('좌석 선택'));
    // the round open for a minute from :00, now :20 and a little (the fake clock moves with real time)
    const left = Math.ceil((Math.floor(Date.now() / 60_000) * 60_000 + 60_000 - Date.now()) / 1000);
    expect(screen.getByTestId('round-deadline')).toHaveTextContent(new RegExp(`마감까지 (${left}|${left + 1})초`));
    expect(left).toBeGreaterThan(30);
    await waitFor(() => expect(calls.some((c) => c.path.endsWith('/seats'))).toBe(true));
    expect(calls.some((c) => c.path.startsWith('/api/v1/captcha'))).toBe(false);
  });

  it('remembers a solved letter for the ticket, so that coming back skips it', async () => {
    midRound();
    const roundNow = roundIdAt(Math.floor(Date.now() / 60_000) * 60_000);
    const ticketNow = `${roundNow}-q3Yb0Jm4T1uXcN8e2kPZvA`;
    rememberTicket('티켓왕', ticketNow);
    mockApi([
      ...admittedAt(ticketNow, roundNow),
      [
        'POST',
        /^\/api\/v1\/captcha$/,
        () => ({ status: 201, body: { captchaId: 'c1', image: 'data:image/png;base64,AAA1' } }),
      ],
      ['POST', /^\/api\/v1\/captcha\/c1$/, () => ({ status: 204 })],
      ['GET', /\/seats$/, () => ({ body: { roundId: roundNow, rows: 1, columns: 1, seats: [seatA1] } })],
    ]);
    enterAs('티켓왕');

    const answer = await screen.findByLabelText('보안문자');
    // the field shows before its letter: an answer sent before the letter came would not be sent at all
    expect(await screen.findByTestId('captcha-image')).toHaveAttribute('src', 'data:image/png;base64,AAA1');
    expect(screen.getByTestId('round-deadline')).toHaveTextContent(/마감까지 \d+초/);
    expect(letterSolvedOfTicket(ticketNow)).toBe(false);
    fireEvent.change(answer, { target: { value: 'ABC123' } });
    fireEvent.click(screen.getByRole('button', { name: '입력 완료' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('좌석 선택'));
    expect(letterSolvedOfTicket(ticketNow)).toBe(true);
  });

  it('never leaves the focus on the page from the answer sent to the seat map: 입력 완료, busy, then the step heading, then the map', async () => {
    midRound();
    const roundNow = roundIdAt(Math.floor(Date.now() / 60_000) * 60_000);
    const ticketNow = `${roundNow}-q3Yb0Jm4T1uXcN8e2kPZvA`;
    rememberTicket('티켓왕', ticketNow);
    // the answer and the seat map each wait to be let through
    let solve!: (reply: { status: number }) => void;
    const solved = new Promise<{ status: number }>((resolve) => (solve = resolve));
    let load!: (reply: { body: unknown }) => void;
    const seats = new Promise<{ body: unknown }>((resolve) => (load = resolve));
    mockApi([
      ...admittedAt(ticketNow, roundNow),
      [
        'POST',
        /^\/api\/v1\/captcha$/,
        () => ({ status: 201, body: { captchaId: 'c1', image: 'data:image/png;base64,AAA1' } }),
      ],
      ['POST', /^\/api\/v1\/captcha\/c1$/, () => solved],
      ['GET', /\/seats$/, () => seats],
    ]);
    enterAs('티켓왕');

    const answer = await screen.findByLabelText('보안문자');
    await screen.findByTestId('captcha-image');
    fireEvent.change(answer, { target: { value: 'ABC123' } });
    const submit = screen.getByRole('button', { name: '입력 완료' });
    submit.focus();
    fireEvent.click(submit);
    // the answer on its way: the button says so and keeps the focus (disabled, it would drop it on the page)
    await waitFor(() => expect(submit).toHaveAttribute('aria-busy', 'true'));
    expect(submit).toHaveAttribute('aria-disabled', 'true');
    expect(submit).toHaveFocus();

    await act(async () => solve({ status: 204 }));
    // the seat step shows before its map has loaded: its heading has the focus, taken in the commit that showed it
    const heading = await screen.findByRole('heading', { level: 1, name: '좌석 선택' });
    expect(heading).toHaveFocus();
    expect(document.querySelector('[data-seat-id]')).toBeNull();

    await act(async () => load({ body: { roundId: roundNow, rows: 1, columns: 1, seats: [seatA1] } }));
    await waitFor(() => expect(document.querySelector('[data-seat-id="A-1"]')).toHaveFocus());
  });

  it('offers a reloaded drill on home, and takes a booked one straight to its result without entering again', async () => {
    midRound();
    const roundNow = roundIdAt(Math.floor(Date.now() / 60_000) * 60_000);
    const ticketNow = `${roundNow}-q3Yb0Jm4T1uXcN8e2kPZvA`;
    rememberTicket('티켓왕', ticketNow);
    rememberBooking(ticketNow, 'booking-7');
    const { calls } = mockApi(admittedAt());
    renderDrill();
    const resume = await screen.findByRole('button', { name: '이어서 하기' });
    expect(screen.getByLabelText('닉네임')).toHaveValue('티켓왕');
    fireEvent.click(resume);

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('예매 결과'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/bookings/booking-7')).toBe(true));
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/queue')).toBe(false);
  });

  it('takes a nickname someone else holds this round back home: the field marked, the message there, focused', async () => {
    midRound();
    const { calls } = mockApi([
      ['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow({ id: ROUND, openForMs: 60_000 }) })],
      ['POST', /^\/api\/v1\/queue$/, () => problem('nickname-taken', 409)],
    ]);
    enterAs('유명한닉');

    await waitFor(() => expect(screen.getByLabelText('닉네임')).toHaveFocus());
    const field = screen.getByLabelText('닉네임');
    expect(field).toHaveValue('유명한닉');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/다른 사람이 이미 사용 중인 닉네임/);
    expect(screen.getByTestId('nickname-error')).toHaveTextContent(
      '이번 라운드에서 다른 사람이 이미 사용 중인 닉네임(또는 똑같아 보이는 닉네임)입니다',
    );
    // none of the waiting room: no "stay on this screen", no countdown
    expect(screen.queryByText(/이 화면을 유지하세요/)).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '대기열' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);

    // another nickname: no longer marked
    fireEvent.change(field, { target: { value: '새닉네임' } });
    expect(field).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByTestId('nickname-error')).not.toBeInTheDocument();
  });

  it('drives one drill in one tab: the older tab stops its stream and says so, until taken back', async () => {
    FakeBroadcastChannel.reset();
    vi.stubGlobal('BroadcastChannel', FakeBroadcastChannel);
    vi.stubGlobal('EventSource', FakeEventSource);
    midRound();
    // the round open now (always open: 60 s of 60), so that nothing ends the wait meanwhile
    const round = roundIdAt(Math.floor(Date.now() / 60_000) * 60_000);
    const ticketId = `${round}-q3Yb0Jm4T1uXcN8e2kPZvA`;
    const standing = { ticketId, roundId: round, status: 'WAITING', position: 5, ahead: 4, waiting: 9 };
    mockApi([
      ['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow({ id: round, openForMs: 60_000 }) })],
      [
        'POST',
        /^\/api\/v1\/queue$/,
        () => ({ status: 201, body: { ticketId, roundId: round, position: 5, waiting: 9 } }),
      ],
      ['GET', /^\/api\/v1\/queue\//, () => ({ body: standing })],
    ]);
    const tab = () => within(renderDrill().container);
    const enter = async (view: ReturnType<typeof tab>) => {
      const before = FakeEventSource.last;
      fireEvent.change(view.getByLabelText('닉네임'), { target: { value: '티켓왕' } });
      fireEvent.click(view.getByRole('button', { name: /대기열 입장|미리 입장 대기|이어서 하기/ }));
      // the standing shows before the effect that opens the stream has run: wait for this tab's stream too
      await waitFor(() => {
        expect(view.getByTestId('standing')).toBeInTheDocument();
        expect(FakeEventSource.last).not.toBe(before);
      });
      return FakeEventSource.last!;
    };

    const first = tab();
    const firstStream = await enter(first);
    expect(firstStream.closed).toBe(false);

    const second = tab();
    const secondStream = await enter(second);
    expect(first.getByRole('heading', { level: 1 })).toHaveTextContent('다른 탭에서 계속하고 있어요');
    expect(first.queryByTestId('standing')).not.toBeInTheDocument();
    expect(firstStream.closed).toBe(true);
    expect(secondStream.closed).toBe(false);

    act(() => fireEvent.click(first.getByRole('button', { name: '여기서 계속하기' })));
    // as in `enter`: the standing may show before the effect that opens the stream has run
    await waitFor(() => {
      expect(first.getByTestId('standing')).toBeInTheDocument();
      expect(FakeEventSource.last).not.toBe(secondStream);
    });
    expect(FakeEventSource.last!.closed).toBe(false);
    expect(second.getByRole('heading', { level: 1 })).toHaveTextContent('다른 탭에서 계속하고 있어요');
    expect(secondStream.closed).toBe(true);
  });
});
