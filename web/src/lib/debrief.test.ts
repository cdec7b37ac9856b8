import { describe, expect, it } from 'vitest';
import type { GhostRun } from '../api/types';
import { betterRun, ghostSegments, isWholeRun, pbMarks, raceBaseline, raceScale } from './debrief';

const run = (totalMs: number | null, steps: Partial<GhostRun['steps']> = {}): GhostRun => ({
  roundId: null,
  nickname: null,
  totalMs,
  steps: { entryMs: null, waitMs: null, letterMs: null, pickMs: null, confirmMs: null, ...steps },
});

describe('debrief maths', () => {
  it('lays every run on the longest run’s scale, segments back to back', () => {
    const you = run(4000, { entryMs: 1000, waitMs: 1000, letterMs: 2000 }).steps;
    const best = run(2000, { entryMs: 500, waitMs: 500, letterMs: 1000 }).steps;
    const scale = raceScale([you, best, null]);
    expect(scale).toBe(4000);
    expect(ghostSegments(best, scale).map((s) => [s.step, s.fromPercent, s.widthPercent])).toEqual([
      ['entry', 0, 12.5],
      ['wait', 12.5, 12.5],
      ['letter', 25, 25],
      ['pick', 50, 0],
      ['confirm', 50, 0],
    ]);
  });

  it('puts the personal best’s marks at the end of each step, and stops at a step it never reached', () => {
    expect(pbMarks(run(1500, { entryMs: 100, waitMs: 200, letterMs: 300, pickMs: 400, confirmMs: 500 }))).toEqual({
      entered: 100,
      admitted: 300,
      letter: 600,
      held: 1000,
      booked: 1500,
    });
    expect(pbMarks(run(null, { entryMs: 100, letterMs: 300 }))).toEqual({
      entered: 100,
      admitted: null,
      letter: null,
      held: null,
      booked: null,
    });
    expect(pbMarks(null)).toBeNull();
  });

  it('keeps the faster of two bests, and whichever is known', () => {
    const slow = run(9000);
    const fast = run(6000);
    expect(betterRun(slow, fast)).toBe(fast);
    expect(betterRun(fast, slow)).toBe(fast);
    expect(betterRun(undefined, fast)).toBe(fast);
    expect(betterRun(null, undefined)).toBeNull();
    expect(betterRun(slow, null)).toBe(slow);
    expect(betterRun(undefined, undefined)).toBeUndefined();
  });

  it('races a new personal best (this round’s) against the best before it', () => {
    const round = '20261203T170000Z';
    const earlier = { ...run(9000, { entryMs: 900 }), roundId: '20261203T165000Z' };
    const thisRound = { ...run(7100), roundId: round };
    expect(raceBaseline(round, { personalBest: earlier, previousBest: earlier }, 9500)).toEqual({
      run: earlier,
      newBest: false,
      beatenByMs: null,
    });
    expect(raceBaseline(round, { personalBest: thisRound, previousBest: earlier }, 7100)).toEqual({
      run: earlier,
      newBest: true,
      beatenByMs: 1900,
    });
    // a first win: nothing before it
    expect(raceBaseline(round, { personalBest: thisRound, previousBest: null }, 7100)).toEqual({
      run: null,
      newBest: true,
      beatenByMs: null,
    });
    // a previous best without a total: its steps' sum
    const stepsOnly = { ...run(null, { entryMs: 1000, waitMs: 7000 }), roundId: '20261203T164000Z' };
    expect(raceBaseline(round, { personalBest: thisRound, previousBest: stepsOnly }, 7100).beatenByMs).toBe(900);
    expect(raceBaseline(round, { personalBest: null, previousBest: null }, null)).toEqual({
      run: null,
      newBest: false,
      beatenByMs: null,
    });
  });

  it('knows a run’s only step is its whole time, written then like its total', () => {
    const entryOnly = { entryMs: 361, waitMs: null, letterMs: null, pickMs: null, confirmMs: null };
    expect(isWholeRun(entryOnly, null, 'entry')).toBe(true);
    expect(isWholeRun(entryOnly, 361, 'entry')).toBe(true);
    expect(isWholeRun(entryOnly, null, 'wait')).toBe(false);
    // a total that is not this step's time (the server's, measured apart)
    expect(isWholeRun(entryOnly, 400, 'entry')).toBe(false);
    expect(isWholeRun({ ...entryOnly, waitMs: 1000 }, null, 'entry')).toBe(false);
    expect(isWholeRun(null, null, 'entry')).toBe(false);
  });
});
