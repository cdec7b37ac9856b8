import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Countdown } from '../components/Countdown';
import { I18nProvider } from '../i18n/i18n';
import { roundAt } from '../lib/clock';
import { mockApi } from '../test/api';
import { ServerClockProvider, syncClock, timingOf, useServerClock, useServerNow } from './serverClock';

const iso = (ms: number) => new Date(ms).toISOString();

describe('syncClock', () => {
  it('samples the clock several times around each request', async () => {
    let device = 1_000;
    const deviceNow = () => device;
    const fetchClock = async () => {
      device += 50; // each request takes 100 ms, the server reads half-way
      const answer = { serverTime: iso(device + 60_000), round: {}, nextRound: {} } as never;
      device += 50;
      return answer;
    };
    const { samples } = await syncClock(3, fetchClock, deviceNow);
    expect(samples).toHaveLength(3);
    expect(samples[0]).toEqual({ sentAt: 1_000, receivedAt: 1_100, serverTime: 61_050 });
  });

  it('reads the period and the open window off the clock answer', () => {
    expect(
      timingOf({
        serverTime: '2026-11-24T10:15:03Z',
        round: { id: 'r', opensAt: '2026-11-24T10:15:00Z', closesAt: '2026-11-24T10:15:15Z', phase: 'OPEN' },
        nextRound: { id: 'n', opensAt: '2026-11-24T10:16:00Z' },
      }),
    ).toEqual({ periodMs: 60_000, openForMs: 15_000 });
  });
});

function Probe() {
  const clock = useServerClock();
  const now = useServerNow(100);
  return (
    <>
      <span data-testid="offset">{clock.synced ? clock.offsetMs : 'unsynced'}</span>
      <Countdown round={roundAt(now, clock.timing)} now={now} />
    </>
  );
}

describe('the home countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('counts down to :00 by the server clock, not the device clock', async () => {
    // the device thinks it is 10:14:20; the server is 25 s ahead (10:14:45): 15 s to the 10:15 open, not 40
    const device = Date.UTC(2026, 10, 24, 10, 14, 20);
    vi.setSystemTime(device);
    mockApi([
      [
        'GET',
        /^\/api\/v1\/clock$/,
        () => {
          const server = Date.now() + 25_000;
          return {
            body: {
              serverTime: iso(server),
              round: {
                id: '20261124T101400Z',
                opensAt: iso(Date.UTC(2026, 10, 24, 10, 14)),
                closesAt: iso(Date.UTC(2026, 10, 24, 10, 14, 15)),
                phase: 'CLOSED',
              },
              nextRound: { id: '20261124T101500Z', opensAt: iso(Date.UTC(2026, 10, 24, 10, 15)) },
            },
          };
        },
      ],
    ]);
    render(
      <I18nProvider initial="ko">
        <ServerClockProvider>
          <Probe />
        </ServerClockProvider>
      </I18nProvider>,
    );
    // before the sync the device clock is all there is: a minute to go
    expect(screen.getByTestId('countdown')).toHaveTextContent('00:40');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(150);
    });
    expect(screen.getByTestId('offset')).toHaveTextContent('25000');
    expect(screen.getByTestId('countdown')).toHaveTextContent('00:15');
    expect(screen.getByTestId('countdown')).toHaveTextContent('다음 오픈까지');

    // 15 s later by the device clock the server's round is open
    await act(async () => {
      await vi.advanceTimersByTimeAsync(15_000);
    });
    expect(screen.getByTestId('countdown')).toHaveTextContent('지금 오픈 중!');
    expect(screen.getByTestId('countdown')).toHaveTextContent('마감까지 15초');
  });
});

function DifficultyProbe() {
  const clock = useServerClock();
  return <span data-testid="difficulty">{clock.difficulty ?? 'none'}</span>;
}

/** The probe under a fresh provider, given a moment for the sync and the bots' answer. */
async function renderDifficulty() {
  const rendered = render(
    <ServerClockProvider>
      <DifficultyProbe />
    </ServerClockProvider>,
  );
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  return rendered;
}

describe('the bots difficulty on the home screen', () => {
  afterEach(() => vi.unstubAllGlobals());

  const clockRoute: [string, RegExp, () => { body: unknown }] = [
    'GET',
    /^\/api\/v1\/clock$/,
    () => ({ body: { serverTime: iso(Date.now()), round: {}, nextRound: {} } }),
  ];

  it('comes from the public bots view without any token', async () => {
    const { calls } = mockApi([
      clockRoute,
      ['GET', /^\/api\/v1\/bots\/public$/, () => ({ body: { enabled: true, perRound: 150, difficulty: 'HARD' } })],
    ]);
    render(
      <ServerClockProvider>
        <DifficultyProbe />
      </ServerClockProvider>,
    );
    expect(await screen.findByText('HARD')).toBeInTheDocument();
    expect(calls.find((call) => call.path === '/api/v1/bots/public')?.headers.Authorization).toBeUndefined();
  });

  it('is not shown when bots are off or bot-runner is not there', async () => {
    mockApi([
      clockRoute,
      ['GET', /^\/api\/v1\/bots\/public$/, () => ({ body: { enabled: false, perRound: 150, difficulty: 'HARD' } })],
    ]);
    const { unmount } = await renderDifficulty();
    expect(screen.getByTestId('difficulty')).toHaveTextContent('none');
    unmount();

    mockApi([clockRoute]); // bot-runner absent: its path answers 404
    await renderDifficulty();
    expect(screen.getByTestId('difficulty')).toHaveTextContent('none');
  });
});
