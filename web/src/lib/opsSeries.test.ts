import { describe, expect, it } from 'vitest';
import type { AdminStats } from '../api/types';
import {
  addBacklog,
  addSold,
  addStats,
  BACKLOG_WINDOW_MS,
  emptyBacklog,
  emptySeries,
  rateBetween,
  soldBefore,
} from './opsSeries';

const stats = (roundId: string, admitted: number, waiting: number): AdminStats => ({
  currentRoundId: roundId,
  current: { roundId, admitted, waiting, entered: admitted + waiting },
});

describe('ops series', () => {
  it('derives admitted per second from successive polls', () => {
    let s = addStats(emptySeries(), 0, stats('r1', 0, 40));
    s = addStats(s, 1000, stats('r1', 20, 30));
    s = addStats(s, 3000, stats('r1', 60, 10));
    expect(s.queue.map((p) => p.y)).toEqual([40, 30, 10]);
    expect(s.admittedPerSecond.map((p) => p.y)).toEqual([20, 20]);
  });

  it("stops the queue at the round's close: its leftover waiting are no queue, and the next round draws again", () => {
    const close = 15_000;
    let s = addStats(emptySeries(), 13_000, stats('r1', 100, 30), close);
    s = addStats(s, 14_000, stats('r1', 108, 23), close);
    // after the close admission still reports the 23 the round never served, until the next round opens
    s = addStats(s, 15_000, stats('r1', 108, 23), close);
    s = addStats(s, 40_000, stats('r1', 108, 23), close);
    expect(s.queue).toEqual([
      { x: 13_000, y: 30 },
      { x: 14_000, y: 23 },
    ]);
    // admissions go on being charted: none after the close
    expect(s.admittedPerSecond.map((p) => p.y)).toEqual([8, 0, 0]);
    s = addStats(s, 61_000, stats('r2', 5, 40), 75_000);
    expect(s.queue.map((p) => p.y)).toEqual([30, 23, 40]);
  });

  it('starts counting from zero in a new round', () => {
    expect(rateBetween({ roundId: 'r1', value: 90, at: 0 }, { roundId: 'r2', value: 5, at: 1000 })).toBe(5);
    expect(rateBetween(undefined, { roundId: 'r2', value: 5, at: 1000 })).toBeUndefined();
  });

  it('starts the curve of a round the page opened late in from its results histogram', () => {
    const open = 60_000;
    const buckets = [
      { fromMs: 1000, toMs: 2000, humans: 2, bots: 30 },
      { fromMs: 0, toMs: 1000, humans: 0, bots: 0 },
      { fromMs: 2000, toMs: 3000, humans: 1, bots: 40 },
      { fromMs: 21_000, toMs: 22_000, humans: 1, bots: 0 },
    ];

    const s = addSold(emptySeries(), open + 21_500, 'r1', open, 74, buckets);

    expect(s.sellOut?.points).toEqual([
      { x: 0, y: 0 },
      { x: 2, y: 32 },
      { x: 3, y: 73 },
      // the bucket still open when read is left to the live reading
      { x: 21.5, y: 74 },
    ]);
    const later = addSold(s, open + 23_000, 'r1', open, 75, buckets);
    expect(later.sellOut?.points).toHaveLength(5);
    expect(soldBefore([], 10)).toEqual([{ x: 0, y: 0 }]);
  });

  it('never draws the seats sold falling: a reading below the curve holds it where it was', () => {
    const open = 60_000;
    // the histogram the curve began from had one booking MySQL had not written yet when sold was read
    const buckets = [{ fromMs: 7000, toMs: 8000, humans: 1, bots: 0 }];
    let s = addSold(emptySeries(), open + 9000, 'r1', open, 0, buckets);
    s = addSold(s, open + 14_000, 'r1', open, 21);

    expect(s.sellOut?.points.map((p) => p.y)).toEqual([0, 1, 1, 21]);
  });

  it('draws the sell-out curve per round and keeps the previous one', () => {
    const open1 = 60_000;
    let s = addSold(emptySeries(), open1 + 1000, 'r1', open1, 3);
    s = addSold(s, open1 + 2000, 'r1', open1, 10);
    expect(s.sellOut).toEqual({
      roundId: 'r1',
      points: [
        { x: 1, y: 3 },
        { x: 2, y: 10 },
      ],
    });
    expect(s.bookingsPerSecond.map((p) => p.y)).toEqual([7]);
    s = addSold(s, 120_500, 'r2', 120_000, 1);
    expect(s.sellOut).toEqual({ roundId: 'r2', points: [{ x: 0.5, y: 1 }] });
    expect(s.previousSellOut?.roundId).toBe('r1');
  });

  it('uses bookings from the stats when admission reports them', () => {
    const withBooked: AdminStats = {
      current: { roundId: '20261124T101500Z', opensAt: '2026-11-24T10:15:00Z', booked: 4 },
    };
    const s = addStats(emptySeries(), Date.UTC(2026, 10, 24, 10, 15, 2), withBooked);
    expect(s.sellOut?.points).toEqual([{ x: 2, y: 4 }]);
  });

  it("charts the confirmations' backlog (waiting + in flight) and the dead letters within a bounded window", () => {
    let s = addBacklog(emptyBacklog(), 0, { waiting: 5, inFlight: 10, deadLetters: 0 });
    s = addBacklog(s, 2000, { waiting: 40, inFlight: 10, deadLetters: 1 });
    expect(s.onTheirWay).toEqual([
      { x: 0, y: 15 },
      { x: 2000, y: 50 },
    ]);
    expect(s.deadLetters.map((p) => p.y)).toEqual([0, 1]);
    s = addBacklog(s, BACKLOG_WINDOW_MS + 1000, { waiting: 0, inFlight: 0, deadLetters: 1 });
    expect(s.onTheirWay.map((p) => p.x)).toEqual([2000, BACKLOG_WINDOW_MS + 1000]);
  });
});
