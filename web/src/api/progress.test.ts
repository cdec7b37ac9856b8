import { afterEach, describe, expect, it, vi } from 'vitest';
import { playerSecret } from '../lib/playerSecret';
import { mockApi, problem } from '../test/api';
import {
  ROUND,
  TICKET,
  history,
  lostDebrief,
  newBestDebrief,
  notAdmittedDebrief,
  selfCostDebrief,
  wonDebrief,
} from '../test/debriefs';
import { answerCaptcha, book, getSeats, holdSeat, issueCaptcha, releaseHold } from './booking';
import { eraseHistory, getDebrief, getHistory, parseDebrief, parseHistory } from './progress';

afterEach(() => vi.unstubAllGlobals());

describe('X-Player-Secret', () => {
  it('goes with every booking call made with the admission token', async () => {
    const { calls } = mockApi([
      ['POST', /^\/api\/v1\/captcha$/, () => ({ status: 201, body: { captchaId: 'c1', image: 'data:' } })],
      ['POST', /^\/api\/v1\/captcha\/c1$/, () => ({ status: 204 })],
      ['GET', /\/seats$/, () => ({ body: { roundId: ROUND, rows: 0, columns: 0, seats: [] } })],
      ['POST', /\/holds$/, () => ({ status: 201, body: { holdId: 'h1', seatId: 'A-1' } })],
      ['DELETE', /\/holds\/h1$/, () => ({ status: 204 })],
      ['POST', /^\/api\/v1\/bookings$/, () => ({ status: 202, body: { bookingId: 'b1', status: 'PENDING' } })],
    ]);
    await issueCaptcha('jwt');
    await answerCaptcha('jwt', 'c1', 'ABC');
    await getSeats('jwt', ROUND);
    await holdSeat('jwt', ROUND, 'A-1');
    await releaseHold('jwt', 'h1');
    await book('jwt', 'h1', 'key-1');
    const secret = playerSecret();
    expect(calls).toHaveLength(6);
    for (const call of calls) {
      expect(call.headers['X-Player-Secret'], `${call.method} ${call.path}`).toBe(secret);
      expect(call.headers.Authorization).toBe('Bearer jwt');
    }
    expect(calls[5]?.headers['Idempotency-Key']).toBe('key-1');
  });

  it('goes with the debrief and history calls, and the same secret every time', async () => {
    const { calls } = mockApi([
      ['GET', /\/debriefs\//, () => ({ body: wonDebrief() })],
      ['GET', /^\/api\/v1\/players\/history\?nickname=/, () => ({ body: history() })],
      ['DELETE', /^\/api\/v1\/players\/history\?nickname=/, () => ({ status: 204 })],
    ]);
    await getDebrief(ROUND, TICKET);
    await getHistory('김 철수');
    await eraseHistory('김 철수');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /api/v1/rounds/${ROUND}/debriefs/${TICKET}`,
      `GET /api/v1/players/history?nickname=${encodeURIComponent('김 철수')}`,
      `DELETE /api/v1/players/history?nickname=${encodeURIComponent('김 철수')}`,
    ]);
    const secrets = new Set(calls.map((c) => c.headers['X-Player-Secret']));
    expect(secrets).toEqual(new Set([playerSecret()]));
  });
});

describe('debrief parsing', () => {
  it('reads the contract example: queue, timeline with takers and margins, steps, costliest, ghosts', () => {
    const debrief = parseDebrief(wonDebrief());
    expect(debrief.outcome).toBe('CONFIRMED');
    expect(debrief.queue).toEqual({ number: 123, entered: 480 });
    expect(debrief.timeline.map((e) => e.step)).toEqual([
      'OPEN',
      'ENTERED',
      'ADMITTED',
      'LETTER',
      'SEAT',
      'SEAT',
      'SEAT',
      'BOOKED',
      'CONFIRMED',
    ]);
    expect(debrief.timeline[4]).toEqual({
      step: 'SEAT',
      atMs: 6900,
      seatId: 'A-5',
      result: 'TAKEN',
      takenBy: { nickname: 'lee', bot: false },
      marginMs: 340,
    });
    expect(debrief.timeline[5]).toMatchObject({ takenBy: { nickname: null, bot: true }, marginMs: 95 });
    expect(debrief.timeline[6]).toMatchObject({ result: 'HELD', takenBy: null, marginMs: null });
    expect(debrief.costliest).toEqual({ step: 'letter', ms: 2700, basis: 'ROUND', referenceMs: 1300, humans: 37 });
    expect(debrief.ghost.roundBest?.nickname).toBe('park');
    expect(debrief.ghost.personalBest?.steps.letterMs).toBe(1900);
    expect(debrief.ghost.previousBest?.roundId).toBe('20261203T165000Z');
  });

  it('reads the best before this round, and takes its absence (an older server) as none', () => {
    const debrief = parseDebrief(newBestDebrief());
    expect(debrief.ghost.personalBest?.roundId).toBe(ROUND);
    expect(debrief.ghost.previousBest).toMatchObject({ roundId: '20261203T164000Z', totalMs: 10000 });
    expect(debrief.ghost.previousBest?.steps.letterMs).toBe(3000);
    const raw = wonDebrief() as { ghost: Record<string, unknown> };
    delete raw.ghost.previousBest;
    expect(parseDebrief(raw).ghost.previousBest).toBeNull();
    expect(() => parseDebrief({ ...wonDebrief(), ghost: { previousBest: 'best' } })).toThrow(/previousBest/);
  });

  it("reads an older server's costliest step, which names its reference topTenPercentMs and has no basis", () => {
    const raw = wonDebrief() as Record<string, unknown>;
    raw.costliest = { step: 'letter', ms: 2700, topTenPercentMs: 1300, humans: 37 };
    expect(parseDebrief(raw).costliest).toEqual({
      step: 'letter',
      ms: 2700,
      basis: 'ROUND',
      referenceMs: 1300,
      humans: 37,
    });
  });

  it('reads each basis of the costliest step: the round, the personal best, the player’s own time', () => {
    expect(parseDebrief(selfCostDebrief()).costliest).toEqual({
      step: 'letter',
      ms: 32000,
      basis: 'SELF',
      referenceMs: 45000,
      humans: 2,
    });
    const raw = wonDebrief() as Record<string, unknown>;
    raw.costliest = { step: 'pick', ms: 2500, basis: 'PERSONAL_BEST', referenceMs: 900, humans: 0 };
    expect(parseDebrief(raw).costliest?.basis).toBe('PERSONAL_BEST');
    raw.costliest = { step: 'pick', ms: 2500, basis: 'AGAINST_THE_BOTS', referenceMs: 900, humans: 0 };
    expect(
      parseDebrief(raw).costliest,
      'a basis this app does not know: no sentence rather than a wrong one',
    ).toBeNull();
  });

  it('reads the close that caught an admitted player, and leaves out a step name it does not know', () => {
    expect(parseDebrief(lostDebrief()).timeline.at(-1)).toEqual({
      step: 'CLOSED',
      atMs: 15000,
      stillOn: 'pick',
      placesAway: null,
      served: null,
      attempts: null,
    });
    const raw = lostDebrief();
    raw.timeline[5] = { step: 'CLOSED', atMs: 15000, stillOn: 'somewhere', attempts: 2 } as never;
    expect(parseDebrief(raw).timeline.at(-1)).toMatchObject({ stillOn: null, attempts: 2 });
  });

  it('keeps nulls for steps not reached and a missing personal best', () => {
    const debrief = parseDebrief(lostDebrief());
    expect(debrief.outcome).toBe('NO_SEAT');
    expect(debrief.steps.confirmMs).toBeNull();
    expect(debrief.totalMs).toBeNull();
    expect(debrief.ghost.personalBest).toBeNull();
  });

  it('reads the debrief of a player the round closed on: CLOSED with the places it was short, and why', () => {
    const debrief = parseDebrief(notAdmittedDebrief());
    expect(debrief.outcome).toBe('NOT_ADMITTED');
    expect(debrief.timeline.at(-1)).toEqual({
      step: 'CLOSED',
      atMs: 60000,
      stillOn: 'wait',
      placesAway: 2,
      served: 40,
      attempts: null,
    });
    expect(debrief.notAdmitted).toEqual({
      served: 40,
      placesAway: 2,
      enteredMs: 3200,
      admittedWithinMs: 900,
      admittedHumans: 31,
    });
    expect(parseDebrief(lostDebrief()).notAdmitted).toBeNull();
  });

  it('drops a step it does not know and sorts the timeline by time', () => {
    const raw = wonDebrief();
    raw.timeline = [
      { step: 'ADMITTED', atMs: 2400 },
      { step: 'OPEN', atMs: 0 },
      { step: 'TELEPORTED', atMs: 100 },
    ] as typeof raw.timeline;
    expect(parseDebrief(raw).timeline.map((e) => e.step)).toEqual(['OPEN', 'ADMITTED']);
  });

  it('refuses an answer without the fields the screen needs', () => {
    expect(() => parseDebrief({ ...wonDebrief(), timeline: undefined })).toThrow(/timeline/);
    expect(() => parseDebrief({ ...wonDebrief(), outcome: 'WON' })).toThrow(/outcome/);
    expect(() => parseDebrief({ ...wonDebrief(), totalMs: '8100' })).toThrow(/totalMs/);
    expect(() => parseDebrief('<html>')).toThrow();
  });

  it('turns a 404 into unknown-debrief', async () => {
    mockApi([['GET', /\/debriefs\//, () => problem('unknown-debrief', 404)]]);
    await expect(getDebrief(ROUND, TICKET)).rejects.toMatchObject({ status: 404, slug: 'unknown-debrief' });
  });
});

describe('history parsing', () => {
  it('reads rounds, share won, bests and attempts newest first', () => {
    const parsed = parseHistory(history());
    expect(parsed).toMatchObject({ rounds: 3, won: 2, wonPercent: 66.7 });
    expect(parsed.bests).toEqual({
      totalMs: 6200,
      entryMs: 400,
      waitMs: 600,
      letterMs: 1900,
      pickMs: 1800,
      confirmMs: 500,
    });
    expect(parsed.attempts.map((a) => a.ticketId)).toEqual(['t3', 't2', 't1']);
    expect(parsed.attempts[0]).toMatchObject({ outcome: 'NO_SEAT', totalMs: null, seatId: null });
  });

  it('computes the share won when the server leaves it out, and refuses a history without attempts', () => {
    expect(parseHistory({ ...history(), wonPercent: undefined }).wonPercent).toBeCloseTo(66.67, 1);
    expect(() => parseHistory({ ...history(), attempts: null })).toThrow(/attempts/);
  });
});
