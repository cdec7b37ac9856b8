import { describe, expect, it } from 'vitest';
import {
  bestOffset,
  firstEntryAt,
  lastFinishedRoundId,
  mmss,
  nextRoundAfter,
  offsetOf,
  parseRoundId,
  roundAt,
  roundIdAt,
  secondsUntil,
} from './clock';

const minute = { periodMs: 60_000, openForMs: 15_000 };

describe('server clock offset', () => {
  it('corrects the server reading by half the round trip', () => {
    // sent at 1000, answered at 1200 (RTT 200): the server read 5000 at ~1100 on the device
    const sync = offsetOf({ sentAt: 1000, receivedAt: 1200, serverTime: 5000 });
    expect(sync.offsetMs).toBe(3900);
    expect(sync.rttMs).toBe(200);
    expect(sync.uncertaintyMs).toBe(100);
  });

  it('finds a device clock that is behind and one that is ahead', () => {
    expect(offsetOf({ sentAt: 0, receivedAt: 0, serverTime: 90_000 }).offsetMs).toBe(90_000);
    expect(offsetOf({ sentAt: 100_000, receivedAt: 100_040, serverTime: 40_020 }).offsetMs).toBe(-60_000);
  });

  it('keeps the sample with the shortest round trip', () => {
    const best = bestOffset([
      { sentAt: 0, receivedAt: 900, serverTime: 10_000 }, // slow: offset 9550 ± 450
      { sentAt: 1000, receivedAt: 1020, serverTime: 10_610 }, // fast: offset 9600 ± 10
      { sentAt: 2000, receivedAt: 2300, serverTime: 11_800 },
    ]);
    expect(best).toEqual({ offsetMs: 9600, rttMs: 20, uncertaintyMs: 10 });
    expect(bestOffset([])).toBeUndefined();
  });
});

describe('rounds', () => {
  const at = Date.UTC(2026, 10, 24, 10, 15, 7, 250); // 10:15:07.250Z

  it('names a round by its UTC start', () => {
    expect(roundIdAt(Date.UTC(2026, 10, 24, 10, 15, 0))).toBe('20261124T101500Z');
    expect(parseRoundId('20261124T101500Z')).toBe(Date.UTC(2026, 10, 24, 10, 15, 0));
    expect(parseRoundId('not-a-round')).toBeUndefined();
  });

  it('is OPEN from second 0 to 15 and CLOSED after', () => {
    const open = roundAt(at, minute);
    expect(open).toMatchObject({ id: '20261124T101500Z', phase: 'OPEN', nextId: '20261124T101600Z' });
    expect(open.closesAt - open.opensAt).toBe(15_000);
    expect(roundAt(Date.UTC(2026, 10, 24, 10, 15, 15), minute).phase).toBe('CLOSED');
    expect(roundAt(Date.UTC(2026, 10, 24, 10, 15, 59, 999), minute).phase).toBe('CLOSED');
    expect(roundAt(Date.UTC(2026, 10, 24, 10, 16, 0), minute)).toMatchObject({ id: '20261124T101600Z', phase: 'OPEN' });
  });

  it('handles short, always-open rounds', () => {
    const twenty = { periodMs: 20_000, openForMs: 20_000 };
    const r = roundAt(Date.UTC(2026, 10, 24, 10, 15, 47), twenty);
    expect(r).toMatchObject({ id: '20261124T101540Z', phase: 'OPEN' });
    expect(r.closesAt).toBe(r.nextOpensAt);
  });

  it('the last finished round is the current one once closed, else the one before', () => {
    expect(lastFinishedRoundId(at, minute)).toBe('20261124T101400Z');
    expect(lastFinishedRoundId(Date.UTC(2026, 10, 24, 10, 15, 30), minute)).toBe('20261124T101500Z');
  });

  it('a retry waits for the round after the one played', () => {
    expect(nextRoundAfter('20261124T101500Z', minute, at)).toBe(Date.UTC(2026, 10, 24, 10, 16, 0));
  });

  it('sends the first entry at the open while the round is closed by the synced clock, not a refused one before', () => {
    const beforeOpen = Date.UTC(2026, 10, 24, 10, 15, 59, 75); // 925 ms before 10:16
    expect(firstEntryAt(beforeOpen, minute, true)).toBe(Date.UTC(2026, 10, 24, 10, 16, 0));
    expect(firstEntryAt(Date.UTC(2026, 10, 24, 10, 15, 15), minute, true)).toBe(Date.UTC(2026, 10, 24, 10, 16, 0));
    // open: at once
    expect(firstEntryAt(at, minute, true)).toBeUndefined();
    expect(firstEntryAt(Date.UTC(2026, 10, 24, 10, 16, 0), minute, true)).toBeUndefined();
    // a device clock not yet synced is not trusted to hold the entry back: the server's refusal says when
    expect(firstEntryAt(beforeOpen, minute, false)).toBeUndefined();
    // always open: never held back
    expect(firstEntryAt(beforeOpen, { periodMs: 20_000, openForMs: 20_000 }, true)).toBeUndefined();
    // the next round after one played: its open, synced or not, also while this one is open
    const next = Date.UTC(2026, 10, 24, 10, 16, 0);
    expect(firstEntryAt(at, minute, true, next)).toBe(next);
    expect(firstEntryAt(at, minute, false, next)).toBe(next);
    expect(firstEntryAt(next + 5, minute, true, next)).toBeUndefined(); // already past
  });

  it('counts whole seconds down and formats them', () => {
    expect(secondsUntil(10_000, 0)).toBe(10);
    expect(secondsUntil(10_000, 9_001)).toBe(1);
    expect(secondsUntil(10_000, 10_000)).toBe(0);
    expect(secondsUntil(10_000, 12_000)).toBe(0);
    expect(mmss(0)).toBe('00:00');
    expect(mmss(59)).toBe('00:59');
    expect(mmss(125)).toBe('02:05');
  });
});
