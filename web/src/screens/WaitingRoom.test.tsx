import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ComponentProps, ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Header } from '../components/Header';
import { ServerClockProvider, useServerClock } from '../hooks/serverClock';
import { AnnouncerProvider } from '../hooks/useAnnouncer';
import { I18nProvider } from '../i18n/i18n';
import { roundIdAt } from '../lib/clock';
import { entryKey } from '../lib/tickets';
import { mockApi, problem, withRetryAfter, type Route } from '../test/api';
import { FakeEventSource } from '../test/eventSource';
import { flush } from '../test/timers';
import { WaitingRoom } from './WaitingRoom';

const TICKET = '20261124T101500Z-q3Yb0Jm4T1uXcN8e2kPZvA';

/** A ticket's answer while it waits at `position` (everyone before it still waiting too) of `waiting`. */
const waitingAt = (position: number, waiting: number, ticketId = TICKET, roundId = '20261124T101500Z') => ({
  ticketId,
  roundId,
  status: 'WAITING',
  position,
  ahead: position - 1,
  waiting,
  etaSeconds: null,
});

/** Admission's answer to the entry: a new ticket at `position` of `waiting`. */
const entered = (position: number, waiting: number): Route => [
  'POST',
  /^\/api\/v1\/queue$/,
  () => ({ status: 201, body: { ticketId: TICKET, roundId: '20261124T101500Z', position, waiting } }),
];

/** The entry key this browser keeps for `nickname` in the round a second from now (one-minute rounds, as by default). */
const keyNow = (nickname: string) => entryKey(nickname, roundIdAt(Math.floor((Date.now() + 1_000) / 60_000) * 60_000));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * The waiting room in Korean, entering at once, with do-nothing callbacks for what a test does not look at, in the
 * app's live region; `withHeader`: under the app's header (its language toggle).
 */
const waitingRoom = (props: Partial<ComponentProps<typeof WaitingRoom>> & { nickname: string }, withHeader = false) => (
  <I18nProvider initial="ko">
    <AnnouncerProvider>
      {withHeader && <Header route="play" />}
      <WaitingRoom
        notBefore={undefined}
        onAdmitted={vi.fn()}
        onRoundOver={vi.fn()}
        onNicknameRefused={vi.fn()}
        onHome={vi.fn()}
        {...props}
      />
    </AnnouncerProvider>
  </I18nProvider>
);

/** What the app's live region said last. */
const lastSaid = () => screen.getByTestId('announcer').lastElementChild?.textContent;

/**
 * POST /api/v1/queue by the server's clock `serverNow`: refused (round-not-open) before the open of 10:15:00, then a
 * ticket at `position`; the time of each entry is pushed to `entries`.
 */
const entryFromTheOpen = (entries: number[], serverNow: () => number, position: number): Route => [
  'POST',
  /^\/api\/v1\/queue$/,
  () => {
    entries.push(serverNow());
    if (serverNow() < Date.UTC(2026, 10, 24, 10, 15))
      return problem('round-not-open', 409, { opensAt: '2026-11-24T10:15:00Z' });
    return { status: 201, body: { ticketId: 't1', roundId: '20261124T101500Z', position, waiting: position } };
  },
];

describe('waiting room', () => {
  it('turns round-not-open into a countdown and enters by itself at the open', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 14, 50));
    let entries = 0;
    const { calls } = mockApi([
      [
        'POST',
        /^\/api\/v1\/queue$/,
        () => {
          entries += 1;
          if (Date.now() < Date.UTC(2026, 10, 24, 10, 15))
            return problem('round-not-open', 409, { opensAt: '2026-11-24T10:15:00Z' });
          return { status: 201, body: { ticketId: 't1', roundId: '20261124T101500Z', position: 3, waiting: 3 } };
        },
      ],
      [
        'GET',
        /^\/api\/v1\/queue\/t1$/,
        () => ({
          body:
            calls.filter((c) => c.method === 'GET').length < 2
              ? { ...waitingAt(2, 2, 't1'), ratePerSecond: 1, etaSeconds: 1 }
              : {
                  ticketId: 't1',
                  roundId: '20261124T101500Z',
                  status: 'ADMITTED',
                  position: 0,
                  ahead: 0,
                  waiting: 1,
                  token: 'jwt-1',
                },
        }),
      ],
    ]);
    const onAdmitted = vi.fn();
    render(waitingRoom({ nickname: '티켓왕', onAdmitted }));
    await flush();
    expect(screen.getByTestId('preopen')).toHaveTextContent('아직 오픈 전입니다');
    expect(screen.getByTestId('preopen')).toHaveTextContent('00:10');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument(); // not an error
    // "keep this screen" said once (the footer), not again in the countdown's card
    expect(screen.getAllByText(/이 화면을 유지하세요/)).toHaveLength(1);
    expect(screen.getByTestId('preopen')).toHaveTextContent('오픈 순간 자동으로 입장합니다.');
    expect(calls[0]!.body).toEqual({ nickname: '티켓왕', entryKey: keyNow('티켓왕') });

    await flush(5_000);
    expect(screen.getByTestId('preopen')).toHaveTextContent('00:05');
    expect(entries).toBe(1);

    await flush(5_100); // the open (+ a small margin)
    expect(entries).toBe(2);
    // jsdom has no EventSource, so the standing comes from polling GET /api/v1/queue/{id}
    expect(screen.getByTestId('position')).toHaveTextContent('2');
    expect(screen.getByTestId('ahead')).toHaveTextContent('1명');
    expect(screen.getByRole('progressbar')).toBeInTheDocument();

    await flush(1_000);
    expect(onAdmitted).toHaveBeenCalledWith({
      nickname: '티켓왕',
      ticketId: 't1',
      roundId: '20261124T101500Z',
      token: 'jwt-1',
    });
  });

  it('enters at the open by the server’s clock when the clock syncs while it counts down (a device 3 s behind)', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 14, 50)); // the device; the server reads 10:14:53
    const SKEW = 3_000;
    const serverNow = () => Date.now() + SKEW;
    let releaseClock: () => void = () => undefined;
    const clockHeld = new Promise<void>((resolve) => (releaseClock = resolve));
    let clockCalls = 0;
    const entries: number[] = [];
    mockApi([
      [
        'GET',
        /^\/api\/v1\/clock$/,
        async () => {
          if (++clockCalls === 1) await clockHeld; // the first sync answers only after the early entry was refused
          return { body: { serverTime: new Date(serverNow()).toISOString() } };
        },
      ],
      entryFromTheOpen(entries, serverNow, 3),
      [
        'GET',
        /^\/api\/v1\/queue\/t1$/,
        () => ({
          body: waitingAt(3, 3, 't1'),
        }),
      ],
    ]);
    render(<ServerClockProvider>{waitingRoom({ nickname: '티켓왕', onAdmitted: vi.fn() })}</ServerClockProvider>);
    await flush();
    expect(entries).toHaveLength(1); // refused: scheduled for 10:15:00 by the device's clock, not yet corrected
    expect(screen.getByTestId('preopen')).toBeInTheDocument();

    releaseClock(); // the sync lands: the server is 3 s ahead of the device
    await flush(100);
    await flush(6_900 + 40 + 250); // by the server's clock the open (+ margin), at most one re-check later
    expect(entries).toHaveLength(2);
    expect(entries[1]).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 24, 10, 15));
    expect(entries[1]).toBeLessThan(Date.UTC(2026, 10, 24, 10, 15) + 400); // not 3 s late
    expect(screen.getByTestId('position')).toHaveTextContent('3');
  });

  it('started just before the open by the synced clock, sends its first entry at the open, not a refused one before', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 14, 58, 575)); // the device; the server reads 10:14:59.075
    const SKEW = 500;
    const serverNow = () => Date.now() + SKEW;
    const entries: number[] = [];
    mockApi([
      ['GET', /^\/api\/v1\/clock$/, () => ({ body: { serverTime: new Date(serverNow()).toISOString() } })],
      entryFromTheOpen(entries, serverNow, 1),
      ['GET', /^\/api\/v1\/queue\/t1$/, () => ({ body: waitingAt(1, 1, 't1') })],
    ]);
    // the player presses "wait for the open" on a home screen whose clock has synced
    const WhenSynced = ({ children }: { children: ReactNode }) => (useServerClock().synced ? children : null);
    render(
      <ServerClockProvider>
        <WhenSynced>{waitingRoom({ nickname: '정각' })}</WhenSynced>
      </ServerClockProvider>,
    );
    await flush();
    expect(screen.getByTestId('preopen')).toHaveTextContent('00:01');
    expect(entries).toHaveLength(0);

    await flush(900); // server 10:14:59.975
    expect(entries).toHaveLength(0);
    // (act renders what a timer set as it ends: the steps end where the entry is due, the open + its small margin)
    await flush(65); // server 10:15:00.040
    expect(entries).toHaveLength(1);
    expect(entries[0]).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 24, 10, 15));
    expect(entries[0]).toBeLessThan(Date.UTC(2026, 10, 24, 10, 15) + 100);
    expect(screen.getByTestId('position')).toHaveTextContent('1');
  });

  it('announces the standing with the time left, in the language shown, also after a switch while the ticket is watched', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 3));
    mockApi([
      [
        'POST',
        /^\/api\/v1\/queue$/,
        () => ({ status: 201, body: { ticketId: 't1', roundId: '20261124T101500Z', position: 3, waiting: 3 } }),
      ],
      [
        'GET',
        /^\/api\/v1\/queue\/t1$/,
        () => ({
          body: waitingAt(2, 3, 't1'),
        }),
      ],
    ]);
    render(waitingRoom({ nickname: 'k' }, true));
    await flush();
    await flush(1_000);
    // said as the standing came, in the second before 10:15:04: 12 s to the close of 10:15:15 (rounded up)
    expect(screen.getByText('2번째, 앞에 1명, 마감까지 12초')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(screen.getByText('Number 2, 1 ahead, 12s to the close')).toBeInTheDocument();
    expect(screen.queryByText('2번째, 앞에 1명, 마감까지 12초')).not.toBeInTheDocument();
  });

  it('waits for the next round when told to', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 30));
    const { calls } = mockApi([
      [
        'POST',
        /^\/api\/v1\/queue$/,
        () => ({ status: 201, body: { ticketId: 't2', roundId: '20261124T101600Z', position: 1, waiting: 1 } }),
      ],
      [
        'GET',
        /^\/api\/v1\/queue\/t2$/,
        () => ({
          body: waitingAt(1, 1, 't2', '20261124T101600Z'),
        }),
      ],
    ]);
    render(waitingRoom({ nickname: 'again', notBefore: Date.UTC(2026, 10, 24, 10, 16) }));
    await flush();
    expect(screen.getByTestId('preopen')).toHaveTextContent('00:30');
    expect(calls).toHaveLength(0);
    await flush(30_100);
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/v1/queue' });
  });

  it('sends a nickname the server finds not allowed back home, not as an error in the waiting room', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 3));
    const { calls } = mockApi([['POST', /^\/api\/v1\/queue$/, () => problem('invalid-nickname', 400)]]);
    const onNicknameRefused = vi.fn();
    render(waitingRoom({ nickname: 'x', onNicknameRefused }));
    await flush(5_000);
    expect(onNicknameRefused).toHaveBeenCalledExactlyOnceWith({ nickname: 'x', slug: 'invalid-nickname' });
    expect(calls).toHaveLength(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps its ticket across a reload and resumes with it', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 3));
    const { calls } = mockApi([
      [
        'POST',
        /^\/api\/v1\/queue$/,
        (call) => {
          const resumed = (call.body as { ticketId?: string }).ticketId === TICKET;
          return {
            status: resumed ? 200 : 201,
            body: { ticketId: TICKET, roundId: '20261124T101500Z', position: 4, waiting: 9 },
          };
        },
      ],
      [
        'GET',
        /^\/api\/v1\/queue\//,
        () => ({
          body: waitingAt(4, 9),
        }),
      ],
    ]);
    const page = () => waitingRoom({ nickname: '티켓왕' });
    const first = render(page());
    await flush();
    expect(calls[0]!.body).toEqual({ nickname: '티켓왕', entryKey: keyNow('티켓왕') });
    expect(screen.getByTestId('position')).toHaveTextContent('4');

    first.unmount(); // a reload: the page is gone, the browser's storage is not
    render(page());
    await flush();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body).toEqual({ nickname: '티켓왕', entryKey: keyNow('티켓왕'), ticketId: TICKET });
    expect(screen.getByTestId('position')).toHaveTextContent('4');
  });

  it('tries an entry whose answer was lost again by itself after its Retry-After, with the same entry key', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 3));
    let made: string | undefined; // the entry key the server made the ticket for: the first answer is lost all the same
    const posted: number[] = [];
    const { calls } = mockApi([
      [
        'POST',
        /^\/api\/v1\/queue$/,
        (call) => {
          posted.push(Date.now());
          const key = (call.body as { entryKey?: string }).entryKey;
          if (made === undefined) {
            made = key;
            return withRetryAfter(problem('service-unavailable', 503), '2');
          }
          if (key !== made) return problem('nickname-taken', 409);
          return { status: 200, body: { ticketId: TICKET, roundId: '20261124T101500Z', position: 7, waiting: 12 } };
        },
      ],
      [
        'GET',
        /^\/api\/v1\/queue\//,
        () => ({
          body: waitingAt(7, 12),
        }),
      ],
    ]);
    render(waitingRoom({ nickname: '늦은답' }));
    await flush();
    // not an error to act on: the player is told it is being tried again, and when
    expect(screen.getByTestId('entry-retry')).toHaveTextContent(
      '대기열 입장이 잠시 실패했어요. 2초 후 자동으로 다시 시도해요 (1/3)',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /다시 시도/ })).not.toBeInTheDocument();

    await flush(1_500);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1); // Retry-After not yet waited out
    expect(screen.getByTestId('entry-retry')).toHaveTextContent('1초 후 자동으로 다시 시도해요 (1/3)');

    await flush(600); // no click
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posted[1]! - posted[0]!).toBeGreaterThanOrEqual(2_000);
    expect(posted[1]! - posted[0]!).toBeLessThan(2_300);
    const first = posts[0]!.body as { nickname: string; entryKey: string };
    expect(first.entryKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(posts[0]!.body).toEqual({ nickname: '늦은답', entryKey: first.entryKey }); // no ticket id to resume with
    expect(posts[1]!.body).toEqual({ nickname: '늦은답', entryKey: first.entryKey }); // the very same key
    expect(screen.queryByTestId('entry-retry')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('standing')).toBeInTheDocument();
    expect(screen.getByTestId('position')).toHaveTextContent('7');
    expect(screen.getByTestId('ahead')).toHaveTextContent('6명');
  });

  it('retries a failing entry three times by itself, then leaves the retry to the player', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 3));
    let failing = true;
    const posted: number[] = [];
    const { calls } = mockApi([
      [
        'POST',
        /^\/api\/v1\/queue$/,
        () => {
          posted.push(Date.now());
          return failing
            ? withRetryAfter(problem('service-unavailable', 503), '1')
            : { status: 201, body: { ticketId: TICKET, roundId: '20261124T101500Z', position: 5, waiting: 5 } };
        },
      ],
      [
        'GET',
        /^\/api\/v1\/queue\//,
        () => ({
          body: waitingAt(5, 5),
        }),
      ],
    ]);
    const posts = () => calls.filter((c) => c.method === 'POST');
    render(waitingRoom({ nickname: '버티는닉' }));
    await flush();
    expect(screen.getByTestId('entry-retry')).toHaveTextContent('1초 후 자동으로 다시 시도해요 (1/3)');
    await flush(1_100);
    expect(posts()).toHaveLength(2);
    expect(screen.getByTestId('entry-retry')).toHaveTextContent('(2/3)');
    await flush(1_100);
    expect(posts()).toHaveLength(3);
    expect(screen.getByTestId('entry-retry')).toHaveTextContent('(3/3)');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await flush(1_100);
    expect(posts()).toHaveLength(4); // the first try and three automatic ones
    expect(posts().every((c) => (c.body as { entryKey: string }).entryKey === keyNow('버티는닉'))).toBe(true);
    for (const [i, at] of posted.slice(1).entries()) expect(at - posted[i]!).toBeGreaterThanOrEqual(1_000); // Retry-After

    // the fourth failure: today's notice, its retry waiting out the Retry-After, and no more tries by itself
    expect(screen.queryByTestId('entry-retry')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('서비스가 잠시 혼잡합니다');
    expect(screen.getByRole('button', { name: '1초 후 다시 시도' })).toBeDisabled();
    await flush(5_000);
    expect(posts()).toHaveLength(4);

    failing = false; // the player retries, and it goes through
    act(() => screen.getByRole('button', { name: '다시 시도' }).click());
    await flush();
    expect(posts()).toHaveLength(5);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('position')).toHaveTextContent('5');
  });

  it('waits 2 s before retrying an entry that failed without a Retry-After (a dropped connection)', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 3));
    let tries = 0;
    const { calls } = mockApi([
      [
        'POST',
        /^\/api\/v1\/queue$/,
        () =>
          ++tries === 1
            ? new Error('offline')
            : { status: 201, body: { ticketId: TICKET, roundId: '20261124T101500Z', position: 2, waiting: 2 } },
      ],
      [
        'GET',
        /^\/api\/v1\/queue\//,
        () => ({
          body: waitingAt(2, 2),
        }),
      ],
    ]);
    render(waitingRoom({ nickname: '끊긴닉' }));
    await flush();
    expect(screen.getByTestId('entry-retry')).toHaveTextContent('2초 후 자동으로 다시 시도해요 (1/3)');
    await flush(1_900);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    await flush(200);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
    expect(screen.getByTestId('position')).toHaveTextContent('2');
  });

  it('does not retry an entry by itself when the round closes before the retry would go out', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 14)); // the round (15 s) closes in a second
    const { calls } = mockApi([
      ['POST', /^\/api\/v1\/queue$/, () => withRetryAfter(problem('service-unavailable', 503), '2')],
    ]);
    render(waitingRoom({ nickname: '막차' }));
    await flush();
    expect(screen.queryByTestId('entry-retry')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('서비스가 잠시 혼잡합니다');
    expect(screen.getByRole('button', { name: '2초 후 다시 시도' })).toBeDisabled();
    await flush(10_000);
    expect(calls).toHaveLength(1);
  });

  it('continues the progress bar after a reload instead of starting it again near 0', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 3));
    let position = 10;
    mockApi([
      [
        'POST',
        /^\/api\/v1\/queue$/,
        () => ({ status: 201, body: { ticketId: TICKET, roundId: '20261124T101500Z', position, waiting: 20 } }),
      ],
      [
        'GET',
        /^\/api\/v1\/queue\//,
        () => ({
          body: waitingAt(position, 20),
        }),
      ],
    ]);
    const page = () => waitingRoom({ nickname: '티켓왕' });
    const first = render(page());
    await flush();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '10'); // 1 of 10 places
    position = 4;
    await flush(1_000);
    expect(screen.getByTestId('position')).toHaveTextContent('4');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '70'); // 7 of 10

    first.unmount(); // a reload: the ticket resumes at 4, the bar goes on from where it was
    render(page());
    await flush();
    expect(screen.getByTestId('position')).toHaveTextContent('4');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '70');
    position = 2;
    await flush(1_000);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '90');
  });

  it('sends a nickname someone else holds in this round back home at once, without trying again', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 3));
    const { calls } = mockApi([['POST', /^\/api\/v1\/queue$/, () => problem('nickname-taken', 409)]]);
    const onNicknameRefused = vi.fn();
    render(waitingRoom({ nickname: '유명한닉', onNicknameRefused }));
    await flush(5_000);
    expect(onNicknameRefused).toHaveBeenCalledExactlyOnceWith({ nickname: '유명한닉', slug: 'nickname-taken' });
    expect(calls).toHaveLength(1); // no retry, not even by itself: the nickname stays taken for the whole round
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByTestId('standing')).not.toBeInTheDocument();
    expect(screen.queryByTestId('entry-retry')).not.toBeInTheDocument();
  });

  it("waits each failed poll's Retry-After, says so after a few failures in a row, and clears it on the next answer", async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 5));
    let polls = 0;
    const unavailable = problem('service-unavailable', 503);
    const { calls } = mockApi([
      entered(50, 300),
      [
        'GET',
        /^\/api\/v1\/queue\//,
        () =>
          ++polls <= 3
            ? { ...unavailable, headers: { ...unavailable.headers, 'Retry-After': '2' } }
            : {
                body: waitingAt(12, 280),
              },
      ],
    ]);
    render(waitingRoom({ nickname: '버티기' }));
    await flush();
    expect(screen.getByTestId('position')).toHaveTextContent('50');
    expect(screen.queryByText(/순번을 갱신하지 못하고 있어요/)).not.toBeInTheDocument();

    await flush(2_000); // the second failure: two polls, 2 s apart as Retry-After says (not one a second)
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2);
    expect(screen.queryByText(/순번을 갱신하지 못하고 있어요/)).not.toBeInTheDocument();
    expect(screen.getByTestId('standing')).toHaveTextContent('다시 연결하는 중'); // not "every second" while it waits
    expect(screen.getByTestId('standing')).not.toHaveTextContent('1초마다 갱신');

    await flush(2_000); // the third failure in a row
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(3);
    expect(screen.getByRole('status')).toHaveTextContent('순번을 갱신하지 못하고 있어요');
    expect(screen.getByTestId('position')).toHaveTextContent('50');

    await flush(2_000); // admission answers again
    expect(screen.getByTestId('position')).toHaveTextContent('12');
    expect(screen.getByTestId('standing')).toHaveTextContent('1초마다 갱신');
    expect(screen.queryByText(/순번을 갱신하지 못하고 있어요/)).not.toBeInTheDocument();
  });

  it('shows no ETA and no admission rate while admission is paused (the server sends etaSeconds null)', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 5));
    let paused = true;
    mockApi([
      entered(30, 40),
      [
        'GET',
        /^\/api\/v1\/queue\//,
        () => ({
          body: {
            ...waitingAt(30, 40),
            ratePerSecond: 5, // the configured rate comes all the same
            etaSeconds: paused ? null : 6,
          },
        }),
      ],
    ]);
    render(waitingRoom({ nickname: '멈춤' }));
    await flush();
    await flush(1_000);
    const standing = screen.getByTestId('standing');
    expect(standing).toHaveTextContent('계산 중');
    expect(standing).not.toHaveTextContent('약 6초'); // not ceil(29 / 5) made up from the rate
    expect(standing).not.toHaveTextContent('초당 5명 입장');

    paused = false; // admission moves again: the server's own ETA and the rate
    await flush(1_000);
    expect(standing).toHaveTextContent('약 6초');
    expect(standing).toHaveTextContent('초당 5명 입장');
  });

  it('warns, ETA still shown, when the estimated wait ends after the round closes', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 5)); // round 10:15 closes at 10:15:15: 10 s left
    let eta: number | undefined = 6;
    mockApi([
      entered(30, 40),
      ['GET', /^\/api\/v1\/queue\//, () => ({ body: { ...waitingAt(30, 40), ratePerSecond: 5, etaSeconds: eta } })],
    ]);
    render(waitingRoom({ nickname: '느린줄' }, true));
    await flush();
    await flush(1_000);
    const standing = screen.getByTestId('standing');
    expect(standing).toHaveTextContent('약 6초');
    expect(screen.queryByTestId('eta-late')).not.toBeInTheDocument(); // 6 s of the 9 s left

    eta = 27;
    await flush(1_000);
    expect(standing).toHaveTextContent('약 27초'); // the ETA stays
    // said short (the live region holds that sentence alone); the reason is shown under it, not said
    const region = screen.getByTestId('eta-late').parentElement!;
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent(/^지금 속도라면 마감 전 입장이 어려울 수 있어요\.$/);
    expect(screen.getByTestId('eta-late-why')).toHaveTextContent(
      '예상 대기 시간이 라운드 마감까지 남은 시간보다 길어요.',
    );
    expect(screen.getByTestId('eta-late-why')).toBeVisible();
    expect(screen.getByTestId('eta-late-why').closest('[aria-live]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(region).toHaveTextContent(/^At this pace you may not get in before the close\.$/);
    expect(screen.getByTestId('eta-late-why')).toHaveTextContent(
      'The estimated wait is longer than the time left in the round.',
    );

    eta = 6; // 6 s of the 7 s left: said, it stays until the wait ends 2 s before the close (no flicker at the edge)
    await flush(1_000);
    expect(screen.getByTestId('eta-late')).toBeInTheDocument();
    eta = 3; // admission sped up: 3 s of the 6 s left
    await flush(1_000);
    expect(screen.queryByTestId('eta-late')).not.toBeInTheDocument();
    await flush(4_000); // 10:15:13: now 2 s left, and the same 3 s to wait
    expect(screen.getByTestId('eta-late')).toBeInTheDocument();

    eta = undefined; // no estimate (paused): nothing claimed
    await flush(1_000);
    expect(screen.queryByTestId('eta-late')).not.toBeInTheDocument();
    expect(screen.queryByTestId('eta-late-why')).not.toBeInTheDocument();
  });

  it('lays its three tiles evenly on a phone: two columns, the third across both, not alone in half a row', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 5));
    mockApi([entered(30, 40), ['GET', /^\/api\/v1\/queue\//, () => ({ body: waitingAt(30, 40) })]]);
    render(waitingRoom({ nickname: '폰' }));
    await flush();
    const tiles = screen.getByTestId('standing').querySelectorAll('.stat-grid > div');
    expect(tiles).toHaveLength(3);
    const css = readFileSync(resolve(__dirname, '../styles.css'), 'utf8');
    const phone = css.slice(css.indexOf('@media (max-width: 560px)'));
    expect(phone).toMatch(/\.stat-grid\.three,[^{]*\{\s*grid-template-columns: repeat\(2, minmax\(0, 1fr\)\);/);
    expect(phone).toMatch(/\.stat-grid > div:last-child:nth-child\(odd\) \{\s*grid-column: 1 \/ -1;/);
  });

  it('leads to the result with what it last showed when the round closes before admission', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 5));
    let polls = 0;
    mockApi([
      entered(90, 300),
      [
        'GET',
        /^\/api\/v1\/queue\//,
        () => ({
          body:
            ++polls < 3
              ? waitingAt(42, 250)
              : { ticketId: TICKET, roundId: '20261124T101500Z', status: 'CLOSED', position: 0, ahead: 0, waiting: 0 },
        }),
      ],
    ]);
    const onRoundOver = vi.fn();
    render(waitingRoom({ nickname: '늦은닉', onRoundOver }));
    await flush();
    await flush(1_000);
    expect(screen.getByTestId('position')).toHaveTextContent('42');
    expect(onRoundOver).not.toHaveBeenCalled();
    await flush(1_000);
    expect(onRoundOver).toHaveBeenCalledTimes(1);
    expect(onRoundOver).toHaveBeenCalledWith(
      { nickname: '늦은닉', ticketId: TICKET, roundId: '20261124T101500Z' },
      { position: 42, ahead: 41, waiting: 250 },
    );
  });
  /** Entries refused 429 (Retry-After 3) the first time and answered `then` after; the count of entries sent. */
  function refusedOnceThen(then: { status: number; body?: unknown; headers?: Record<string, string> }) {
    let entries = 0;
    mockApi([
      [
        'POST',
        /^\/api\/v1\/queue$/,
        () => (++entries === 1 ? withRetryAfter(problem('rate-limited', 429), '3') : then),
      ],
      ['GET', /^\/api\/v1\/queue\//, () => ({ body: waitingAt(2, 2) })],
    ]);
    return () => entries;
  }

  it("counts a 429's wait down, then enters by itself", async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 3));
    const entries = refusedOnceThen({
      status: 201,
      body: { ticketId: TICKET, roundId: '20261124T101500Z', position: 2, waiting: 2 },
    });
    render(waitingRoom({ nickname: '급한닉' }));
    await flush();
    expect(screen.getByTestId('preopen')).toHaveTextContent('요청이 많습니다. 3초 후 다시 시도합니다.');
    await flush(1_000);
    expect(screen.getByTestId('preopen')).toHaveTextContent('요청이 많습니다. 2초 후 다시 시도합니다.');
    await flush(1_000);
    expect(screen.getByTestId('preopen')).toHaveTextContent('1초 후 다시 시도합니다.');
    await flush(1_100);
    expect(entries()).toBe(2);
    expect(screen.getByTestId('position')).toHaveTextContent('2');
  });

  it('drops the rate-limited note when the retry finds the round closed, and counts down to the next open', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 13));
    const entries = refusedOnceThen(problem('round-not-open', 409, { opensAt: '2026-11-24T10:16:00Z' }));
    render(waitingRoom({ nickname: '막차닉' }));
    await flush();
    expect(screen.getByTestId('preopen')).toHaveTextContent('요청이 많습니다');
    await flush(3_100); // the retry at 10:15:16: the round closed meanwhile
    expect(entries()).toBe(2);
    expect(screen.getByTestId('preopen')).not.toHaveTextContent('요청이 많습니다');
    expect(screen.getByTestId('preopen')).toHaveTextContent('아직 오픈 전입니다');
    expect(screen.getByTestId('preopen')).toHaveTextContent('00:44');
  });

  it('sees the close by one poll just after it, though the event stream went quiet without an error', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 5));
    vi.stubGlobal('EventSource', FakeEventSource);
    const closesAt = Date.UTC(2026, 10, 24, 10, 15, 15);
    const { calls } = mockApi([
      entered(40, 90),
      [
        'GET',
        /^\/api\/v1\/queue\//,
        () => ({
          body:
            Date.now() < closesAt
              ? waitingAt(40, 90)
              : { ticketId: TICKET, roundId: '20261124T101500Z', status: 'CLOSED', position: 0, ahead: 0, waiting: 0 },
        }),
      ],
    ]);
    const onRoundOver = vi.fn();
    render(waitingRoom({ nickname: '멈춘화면', onRoundOver }));
    await flush();
    act(() => FakeEventSource.last!.emit('position', waitingAt(38, 90))); // the stream's first standing, then nothing
    await flush();
    expect(screen.getByTestId('position')).toHaveTextContent('38');
    expect(screen.getByTestId('standing')).toHaveTextContent('실시간 연결');
    await flush(10_000); // the close, by the clock: the stream never says so
    expect(onRoundOver).not.toHaveBeenCalled();
    await flush(1_500); // a moment after it, one poll
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(1);
    expect(onRoundOver).toHaveBeenCalledWith(
      { nickname: '멈춘화면', ticketId: TICKET, roundId: '20261124T101500Z' },
      { position: 38, ahead: 37, waiting: 90 },
    );
  });

  it('puts the focus on its heading, and says the place in the queue politely with the time left: at most every 5 s, sooner when it halves', async () => {
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 1));
    vi.stubGlobal('EventSource', FakeEventSource);
    mockApi([entered(80, 90)]);
    render(waitingRoom({ nickname: '듣는사람' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    await flush();
    const emit = (name: string, position: number) =>
      act(() => FakeEventSource.last!.emit(name, waitingAt(position, 90)));

    emit('position', 80);
    expect(lastSaid()).toBe('80번째, 앞에 79명, 마감까지 14초');
    await flush(3_000);
    emit('position', 70);
    await flush(1_000); // 4 s after the last said: less than 5 s
    emit('position', 60);
    expect(screen.getByTestId('position')).toHaveTextContent('60'); // shown at once, said later
    expect(lastSaid()).toBe('80번째, 앞에 79명, 마감까지 14초');
    await flush(1_000);
    emit('heartbeat', 60); // 5 s on: the place now (a heartbeat is a standing too), with the seconds left
    expect(lastSaid()).toBe('60번째, 앞에 59명, 마감까지 9초');
    await flush(1_000);
    emit('position', 29); // halved, but only a second after the last: not back to back
    expect(lastSaid()).toBe('60번째, 앞에 59명, 마감까지 9초');
    await flush(1_000);
    emit('position', 25); // halved, 2 s on: said at once
    expect(lastSaid()).toBe('25번째, 앞에 24명, 마감까지 7초');
    // not in the waiting room's own region: the app's outlives the screen (the admission is said there as it leaves)
    expect(screen.getByRole('heading', { level: 1 }).closest('section')).not.toHaveTextContent('25번째');
  });
});
