import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getClock } from '../api/admission';
import { asApiError, type ApiError } from '../api/http';
import { getPublicBots } from '../api/ops';
import type { ClockResponse, Difficulty } from '../api/types';
import { toEpochMs } from '../api/wire';
import { bestOffset, type ClockSample, type RoundTiming } from '../lib/clock';

export interface ServerClock {
  /** Add to Date.now() for the server's time. */
  offsetMs: number;
  uncertaintyMs: number;
  synced: boolean;
  error: ApiError | undefined;
  timing: RoundTiming;
  difficulty: Difficulty | undefined;
  /** The server's time now, epoch ms. */
  now(): number;
}

const DEFAULT_TIMING: RoundTiming = { periodMs: 60_000, openForMs: 15_000 };

/** Period and open window as the server runs them, read off one clock answer. */
export function timingOf(clock: ClockResponse): RoundTiming | undefined {
  const opensAt = toEpochMs(clock.round?.opensAt);
  const closesAt = toEpochMs(clock.round?.closesAt);
  const nextOpensAt = toEpochMs(clock.nextRound?.opensAt);
  if (opensAt === undefined || closesAt === undefined || nextOpensAt === undefined) return undefined;
  const periodMs = nextOpensAt - opensAt;
  const openForMs = closesAt - opensAt;
  return periodMs > 0 && openForMs > 0 ? { periodMs, openForMs } : undefined;
}

/** Takes `count` samples one after the other (each a full round trip) and keeps the best. */
export async function syncClock(
  count: number,
  fetchClock: () => Promise<ClockResponse> = getClock,
  deviceNow: () => number = Date.now,
): Promise<{ samples: ClockSample[]; last: ClockResponse }> {
  const samples: ClockSample[] = [];
  let last: ClockResponse | undefined;
  for (let i = 0; i < count; i++) {
    const sentAt = deviceNow();
    const answer = await fetchClock();
    const receivedAt = deviceNow();
    const serverTime = toEpochMs(answer.serverTime);
    last = answer;
    if (serverTime !== undefined) samples.push({ sentAt, receivedAt, serverTime });
  }
  if (!last) throw new Error('no clock sample');
  return { samples, last };
}

/** Until the first sync: the device's own clock and the usual round timing. */
const UNSYNCED: Omit<ServerClock, 'now'> = {
  offsetMs: 0,
  uncertaintyMs: 0,
  synced: false,
  error: undefined,
  timing: DEFAULT_TIMING,
  difficulty: undefined,
};

const ClockContext = createContext<ServerClock>({ ...UNSYNCED, now: () => Date.now() });

const RESYNC_MS = 60_000;

export function ServerClockProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<Omit<ServerClock, 'now'>>(UNSYNCED);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    let timer: ReturnType<typeof setTimeout>;
    const run = async (count: number) => {
      try {
        const { samples, last } = await syncClock(count);
        // the bots' difficulty is public (bot-runner GET /api/v1/bots/public); without bot-runner it is just not shown
        const bots = await getPublicBots().catch(() => undefined);
        const best = bestOffset(samples);
        if (!alive.current) return;
        setState((previous) => ({
          offsetMs: best?.offsetMs ?? previous.offsetMs,
          uncertaintyMs: best?.uncertaintyMs ?? previous.uncertaintyMs,
          synced: best !== undefined || previous.synced,
          error: undefined,
          timing: timingOf(last) ?? previous.timing,
          difficulty: bots
            ? bots.enabled
              ? bots.difficulty
              : undefined
            : (last.difficulty ?? last.bots?.difficulty ?? previous.difficulty),
        }));
        timer = setTimeout(() => void run(3), RESYNC_MS);
      } catch (error) {
        if (!alive.current) return;
        setState((previous) => ({ ...previous, error: asApiError(error) }));
        timer = setTimeout(() => void run(3), 5_000);
      }
    };
    void run(4);
    return () => {
      alive.current = false;
      clearTimeout(timer);
    };
  }, []);

  const value = useMemo<ServerClock>(() => ({ ...state, now: () => Date.now() + state.offsetMs }), [state]);
  return <ClockContext.Provider value={value}>{children}</ClockContext.Provider>;
}

export const useServerClock = () => useContext(ClockContext);

/**
 * One ticker per interval, shared by every component on it: they re-render on the same tick and read the same instant.
 * Each on its own timer read the clock up to an interval apart, so two countdowns to the same instant (a hold lapsing
 * with the round, and the round's close) could stand a whole second apart across a second's boundary.
 */
interface Ticker {
  /** Date.now() at the last tick: the instant every component on this ticker shows until the next. */
  at: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval>;
}

const tickers = new Map<number, Ticker>();

function subscribeTicker(intervalMs: number, listener: () => void): () => void {
  let ticker = tickers.get(intervalMs);
  if (!ticker) {
    const listeners = new Set<() => void>();
    const started: Ticker = {
      at: Date.now(),
      listeners,
      timer: setInterval(() => {
        started.at = Date.now();
        for (const notify of [...listeners]) notify();
      }, intervalMs),
    };
    ticker = started;
    tickers.set(intervalMs, ticker);
  }
  const running = ticker;
  running.listeners.add(listener);
  return () => {
    running.listeners.delete(listener);
    if (running.listeners.size > 0) return;
    clearInterval(running.timer);
    if (tickers.get(intervalMs) === running) tickers.delete(intervalMs);
  };
}

/**
 * The device's time of the last tick of the ticker on `intervalMs`, or now when none runs (the first on it) or its
 * last tick is older than two intervals (a hidden tab's timers are throttled: a render for another reason, an event
 * or the tab shown again, must not read a minute-old instant).
 */
function tickedAt(intervalMs: number): number {
  const at = tickers.get(intervalMs)?.at;
  const now = Date.now();
  return at !== undefined && now - at < 2 * intervalMs ? at : now;
}

/**
 * Re-renders every `intervalMs` and returns the server's time now: the same instant for every component on that
 * interval (the last tick's, or now for the first of them), so countdowns beside each other agree.
 */
export function useServerNow(intervalMs = 200): number {
  const clock = useServerClock();
  const [, setTick] = useState(0);
  useEffect(() => subscribeTicker(intervalMs, () => setTick((n) => n + 1)), [intervalMs]);
  return tickedAt(intervalMs) + clock.offsetMs;
}
