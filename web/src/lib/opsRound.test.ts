import { describe, expect, it } from 'vitest';
import { roundStateAt, statsRound } from './opsRound';

const timing = { periodMs: 60_000, openForMs: 15_000 };
const at = (second: number) => Date.UTC(2026, 11, 7, 9, 15, second);

describe('the round the ops stats describe', () => {
  it('takes its open and close from the stats, else from its id and the round timing', () => {
    expect(
      statsRound(
        {
          currentRoundId: '20261207T091500Z',
          current: { roundId: '20261207T091500Z', opensAt: '2026-12-07T09:15:00Z', closesAt: '2026-12-07T09:15:20Z' },
        },
        timing,
      ),
    ).toEqual({ roundId: '20261207T091500Z', opensAt: at(0), closesAt: at(20) });
    // nobody entered yet: no counters, the round is known by its id
    expect(statsRound({ currentRoundId: '20261207T091500Z', current: null }, timing)).toEqual({
      roundId: '20261207T091500Z',
      opensAt: at(0),
      closesAt: at(15),
    });
    expect(statsRound({}, timing)).toBeUndefined();
    expect(statsRound({ currentRoundId: 'not-a-round' }, timing)).toBeUndefined();
  });

  it('is open from its open until its close, then closed until the round after it opens', () => {
    const round = { roundId: '20261207T091500Z', opensAt: at(0), closesAt: at(15) };
    expect(roundStateAt(round, at(0), timing)).toEqual({ open: true, closesAt: at(15) });
    expect(roundStateAt(round, at(14.999), timing)).toEqual({ open: true, closesAt: at(15) });
    expect(roundStateAt(round, at(15), timing)).toEqual({ open: false, nextOpensAt: at(60) });
    expect(roundStateAt(round, at(59), timing)).toEqual({ open: false, nextOpensAt: at(60) });
    // a clock a little behind the stats: not open yet
    expect(roundStateAt(round, at(-1), timing)).toEqual({ open: false, nextOpensAt: at(0) });
  });
});
