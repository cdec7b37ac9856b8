// The ops page's live series, built from successive polls of GET /api/v1/admin/stats (queue length, admitted) and
// GET /api/v1/rounds/{id}/results (seats sold there: confirmed bookings, booking's MySQL rows, not bookings accepted).
// Rates are differences between polls of the same round; a new round starts its counters (and its curve) from zero.
// The queue is drawn while the round is open only: after its close nobody in it is admitted any more.
// A round's curve begins with what its results' histogram says was sold before the first poll (the page opened late).
// The confirmations' backlog comes from GET /api/v1/confirmations (booking).
import type { AdminStats, ConfirmationBacklog, HistogramBucket } from '../api/types';
import { num, toEpochMs } from '../api/wire';
import { parseRoundId } from './clock';

export interface XY {
  x: number;
  y: number;
}

interface Counter {
  roundId: string;
  value: number;
  at: number;
}

export interface OpsSeries {
  /** Waiting players over time (x = server time, ms). */
  queue: XY[];
  admittedPerSecond: XY[];
  bookingsPerSecond: XY[];
  /** Seats sold against seconds since the round opened, this round and the one before. */
  sellOut: { roundId: string; points: XY[] } | undefined;
  previousSellOut: { roundId: string; points: XY[] } | undefined;
  admitted: Counter | undefined;
  sold: Counter | undefined;
}

export const emptySeries = (): OpsSeries => ({
  queue: [],
  admittedPerSecond: [],
  bookingsPerSecond: [],
  sellOut: undefined,
  previousSellOut: undefined,
  admitted: undefined,
  sold: undefined,
});

export const WINDOW_MS = 120_000;

const trim = (points: XY[], at: number, windowMs = WINDOW_MS) => points.filter((p) => p.x > at - windowMs);

/** Per-second rate between two readings of a counter; a new round counts from zero; undefined without a baseline. */
export function rateBetween(previous: Counter | undefined, next: Counter): number | undefined {
  if (!previous) return undefined;
  const seconds = (next.at - previous.at) / 1000;
  if (seconds <= 0) return undefined;
  const base = previous.roundId === next.roundId ? previous.value : 0;
  return Math.max(0, next.value - base) / seconds;
}

/**
 * Adds one stats poll taken at server time `at`. `closesAt` is the close of the round the stats describe: from then on
 * their `waiting` are those the round never admitted, nobody queues any more, so the queue has no point until the next
 * round (its line stops at the close instead of holding the leftovers flat until the next open).
 */
export function addStats(series: OpsSeries, at: number, stats: AdminStats, closesAt = Infinity): OpsSeries {
  const roundId = stats.current?.roundId ?? stats.currentRoundId ?? '';
  const waiting = num(stats.current?.waiting);
  const admitted: Counter = { roundId, value: num(stats.current?.admitted), at };
  const rate = rateBetween(series.admitted, admitted);
  const queue = at < closesAt ? [...series.queue, { x: at, y: waiting }] : series.queue;
  let next: OpsSeries = {
    ...series,
    queue: trim(queue, at),
    admittedPerSecond:
      rate === undefined ? series.admittedPerSecond : trim([...series.admittedPerSecond, { x: at, y: rate }], at),
    admitted,
  };
  // bookings straight from the stats, if admission ever reports them
  if (typeof stats.current?.booked === 'number') {
    next = addSold(next, at, roundId, toEpochMs(stats.current.opensAt) ?? parseRoundId(roundId), stats.current.booked);
  }
  return next;
}

/**
 * The seats sold before `untilS` seconds after the open, from the round's results histogram (bookings by how long
 * after the open they were accepted): the start of the curve of a round the page opened in late, from 0 at the open
 * to each bucket's end.
 */
export function soldBefore(buckets: HistogramBucket[], untilS: number): XY[] {
  const points: XY[] = [{ x: 0, y: 0 }];
  let sold = 0;
  for (const bucket of [...buckets].sort((a, b) => a.fromMs - b.fromMs)) {
    const count = num(bucket.humans) + num(bucket.bots);
    const x = bucket.toMs / 1000;
    if (count === 0 || x >= untilS) continue;
    sold += count;
    points.push({ x, y: sold });
  }
  return points;
}

/**
 * Adds one reading of seats sold in `roundId` (opened at `opensAt`), taken at server time `at`; `buckets`, the round's
 * results histogram, starts the curve of a round first read after its open.
 */
export function addSold(
  series: OpsSeries,
  at: number,
  roundId: string,
  opensAt: number | undefined,
  sold: number,
  buckets: HistogramBucket[] = [],
): OpsSeries {
  const counter: Counter = { roundId, value: sold, at };
  const rate = rateBetween(series.sold, counter);
  let sellOut = series.sellOut;
  let previousSellOut = series.previousSellOut;
  if (!sellOut || sellOut.roundId !== roundId) {
    if (sellOut && sellOut.points.length > 0) previousSellOut = sellOut;
    const earlier = opensAt === undefined || buckets.length === 0 ? [] : soldBefore(buckets, (at - opensAt) / 1000);
    sellOut = { roundId, points: earlier };
  }
  if (opensAt !== undefined) {
    const x = Math.max(0, (at - opensAt) / 1000);
    const last = sellOut.points[sellOut.points.length - 1];
    // seats sold never fall: a reading below the curve (the histogram it began from counted a booking MySQL had not
    // written yet) holds the curve where it was
    const y = Math.max(sold, last?.y ?? 0);
    sellOut = { roundId, points: last && last.x === x ? sellOut.points : [...sellOut.points, { x, y }] };
  }
  return {
    ...series,
    bookingsPerSecond:
      rate === undefined ? series.bookingsPerSecond : trim([...series.bookingsPerSecond, { x: at, y: rate }], at),
    sellOut,
    previousSellOut,
    sold: counter,
  };
}

/** The confirmations not yet written to MySQL over time (x = server time, ms). */
export interface BacklogSeries {
  /** Waiting on the queue + taken by a listener. */
  onTheirWay: XY[];
  deadLetters: XY[];
}

export const emptyBacklog = (): BacklogSeries => ({ onTheirWay: [], deadLetters: [] });

/** Longer than the live charts': an outage of a few minutes and the drain after it fit (300 points at one per 2 s). */
export const BACKLOG_WINDOW_MS = 600_000;

/** Adds one poll of the confirmations' backlog taken at server time `at`. */
export function addBacklog(series: BacklogSeries, at: number, backlog: ConfirmationBacklog): BacklogSeries {
  return {
    onTheirWay: trim([...series.onTheirWay, { x: at, y: backlog.waiting + backlog.inFlight }], at, BACKLOG_WINDOW_MS),
    deadLetters: trim([...series.deadLetters, { x: at, y: backlog.deadLetters }], at, BACKLOG_WINDOW_MS),
  };
}
