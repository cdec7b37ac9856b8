import { describe, expect, it } from 'vitest';
import { ANNOUNCE_EVERY_MS, roundTimeCue, standingMessage, worthAnnouncing } from './announce';

const minute = { periodMs: 60_000, openForMs: 15_000 };
/** 10:15:00, the open of round 20261124T101500Z; it closes at 10:15:15, the next opens at 10:16:00. */
const OPEN = Date.UTC(2026, 10, 24, 10, 15);
const at = (seconds: number) => OPEN + seconds * 1000;

describe('the place in the queue, as said', () => {
  it('says a new place about every 5 s: often enough for a 15-second round', () => {
    expect(ANNOUNCE_EVERY_MS).toBe(5_000);
    expect(worthAnnouncing(undefined, 40, 0)).toBe(true);
    const last = { position: 40, at: 0 };
    expect(worthAnnouncing(last, 38, 4_999)).toBe(false);
    expect(worthAnnouncing(last, 38, 5_000)).toBe(true);
  });

  it('says nothing for the same place, however long it has been', () => {
    expect(worthAnnouncing({ position: 40, at: 0 }, 40, 60_000)).toBe(false);
  });

  it('says a place halved sooner, but not back to back', () => {
    const last = { position: 40, at: 0 };
    expect(worthAnnouncing(last, 20, 1_999)).toBe(false);
    expect(worthAnnouncing(last, 20, 2_000)).toBe(true);
    expect(worthAnnouncing(last, 21, 2_000)).toBe(false);
  });

  it('tells the seconds left to the close while the round is open, and leaves them out after it', () => {
    expect(standingMessage(16, 15, at(15), at(7.2))).toEqual({
      key: 'wait.announceClose',
      params: { p: 16, a: 15, s: 8 },
    });
    expect(standingMessage(16, 15, at(15), at(15))).toEqual({ key: 'wait.announce', params: { p: 16, a: 15 } });
    expect(standingMessage(16, 15, Infinity, at(3))).toEqual({ key: 'wait.announce', params: { p: 16, a: 15 } });
  });

  it('says no place in the last 5 s of the round: the 5 s cue says the time, and "…마감까지 2초" is old news as heard', () => {
    expect(standingMessage(16, 15, at(15), at(10))).toEqual({
      key: 'wait.announceClose',
      params: { p: 16, a: 15, s: 5 },
    });
    expect(standingMessage(16, 15, at(15), at(10.001))).toBeUndefined();
    expect(standingMessage(16, 15, at(15), at(13))).toBeUndefined();
  });
});

describe('the time left in the round, as said', () => {
  const ticket = { roundId: '20261124T101500Z' };

  it('says 10 s and 5 s before the close, with the true seconds in between, and nothing else of an open round', () => {
    expect(roundTimeCue(at(4.5), minute, ticket)).toBeUndefined();
    expect(roundTimeCue(at(5), minute, ticket)).toEqual({
      id: `${OPEN}:closes10`,
      message: { key: 'common.closesIn', params: { s: 10 } },
    });
    // a screen that shows up after the cue says the same cue with its own seconds
    expect(roundTimeCue(at(7.5), minute, ticket)?.message.params).toEqual({ s: 8 });
    expect(roundTimeCue(at(7.5), minute, ticket)?.id).toBe(`${OPEN}:closes10`);
    expect(roundTimeCue(at(10), minute, ticket)).toEqual({
      id: `${OPEN}:closes5`,
      message: { key: 'common.closesIn', params: { s: 5 } },
    });
    expect(roundTimeCue(at(15), minute, ticket)).toBeUndefined();
    expect(roundTimeCue(at(40), minute, ticket)).toBeUndefined();
  });

  it('in the waiting room: 10 s before the open, the open (to a player told it was coming), then the close', () => {
    const waiting = {};
    expect(roundTimeCue(at(-11), minute, waiting)).toBeUndefined();
    expect(roundTimeCue(at(-10), minute, waiting)).toEqual({
      id: `${OPEN}:opens`,
      message: { key: 'common.opensIn', params: { s: 10 } },
    });
    expect(roundTimeCue(at(0), minute, waiting)).toEqual({
      id: `${OPEN}:open`,
      message: { key: 'wait.open' },
      after: `${OPEN}:opens`,
    });
    expect(roundTimeCue(at(3), minute, waiting)).toBeUndefined();
    expect(roundTimeCue(at(5), minute, waiting)?.id).toBe(`${OPEN}:closes10`);
    // after the close: the next round's open, as its time comes
    expect(roundTimeCue(at(20), minute, waiting)).toBeUndefined();
    expect(roundTimeCue(at(50), minute, waiting)?.id).toBe(`${at(60)}:opens`);
  });

  it('waiting for a later round (another go), says that round, not the close of the one open now', () => {
    const next = { notBefore: at(60) };
    expect(roundTimeCue(at(5), minute, next)).toBeUndefined();
    expect(roundTimeCue(at(50), minute, next)?.id).toBe(`${at(60)}:opens`);
    expect(roundTimeCue(at(60), minute, next)?.id).toBe(`${at(60)}:open`);
  });
});
