// Debrief and history answers as the contract (/work/debrief-contract.md) writes them, for the tests.
export const ROUND = '20261203T170000Z';
export const TICKET = `${ROUND}-tkt1`;

/** The contract's example: a winner who lost two seats (to lee, then to a bot) before holding A-7. */
export const wonDebrief = () => ({
  roundId: ROUND,
  ticketId: TICKET,
  nickname: 'kim',
  outcome: 'CONFIRMED',
  queue: { number: 123, entered: 480 },
  timeline: [
    { step: 'OPEN', atMs: 0 },
    { step: 'ENTERED', atMs: 812 },
    { step: 'ADMITTED', atMs: 2400 },
    { step: 'LETTER', atMs: 5100, attempts: 2 },
    {
      step: 'SEAT',
      atMs: 6900,
      seatId: 'A-5',
      result: 'TAKEN',
      takenBy: { nickname: 'lee', bot: false },
      marginMs: 340,
    },
    { step: 'SEAT', atMs: 7300, seatId: 'A-6', result: 'TAKEN', takenBy: { nickname: null, bot: true }, marginMs: 95 },
    { step: 'SEAT', atMs: 7600, seatId: 'A-7', result: 'HELD' },
    { step: 'BOOKED', atMs: 8100, bookingId: 'b1', seatId: 'A-7' },
    { step: 'CONFIRMED', atMs: 8230 },
  ],
  steps: { entryMs: 812, waitMs: 1588, letterMs: 2700, pickMs: 2500, confirmMs: 500 },
  totalMs: 8100,
  costliest: { step: 'letter', ms: 2700, basis: 'ROUND', referenceMs: 1300, humans: 37 },
  ghost: {
    personalBest: {
      roundId: '20261203T165000Z',
      totalMs: 6200,
      steps: { entryMs: 500, waitMs: 1400, letterMs: 1900, pickMs: 1900, confirmMs: 500 },
    },
    // not a new best: the best before this round is the same one
    previousBest: {
      roundId: '20261203T165000Z',
      totalMs: 6200,
      steps: { entryMs: 500, waitMs: 1400, letterMs: 1900, pickMs: 1900, confirmMs: 500 },
    },
    roundBest: {
      nickname: 'park',
      totalMs: 3100,
      steps: { entryMs: 200, waitMs: 900, letterMs: 1000, pickMs: 700, confirmMs: 300 },
    },
  },
});

/**
 * The same win as a new personal best: the personal best is this round itself, the best before it took 10.0 s (so
 * this 8.1 s beat it by 1.9 s).
 */
export const newBestDebrief = () => {
  const debrief = wonDebrief();
  return {
    ...debrief,
    ghost: {
      personalBest: { roundId: ROUND, totalMs: debrief.totalMs, steps: { ...debrief.steps } },
      previousBest: {
        roundId: '20261203T164000Z',
        totalMs: 10000,
        steps: { entryMs: 900, waitMs: 2100, letterMs: 3000, pickMs: 3000, confirmMs: 1000 },
      },
      roundBest: debrief.ghost.roundBest,
    },
  };
};

/** The same win as the player's first: the personal best is this round, and there was none before it. */
export const firstWinDebrief = () => {
  const debrief = newBestDebrief();
  return { ...debrief, ghost: { ...debrief.ghost, previousBest: null } };
};

/**
 * A loser: admitted, one letter, a seat lost to lee by 340 ms, then the round closed on its pick. No personal best
 * yet.
 */
export const lostDebrief = () => ({
  roundId: ROUND,
  ticketId: TICKET,
  nickname: 'kim',
  outcome: 'NO_SEAT',
  queue: { number: 7, entered: 52 },
  timeline: [
    { step: 'OPEN', atMs: 0 },
    { step: 'ENTERED', atMs: 400 },
    { step: 'ADMITTED', atMs: 1000 },
    { step: 'LETTER', atMs: 5100, attempts: 1 },
    {
      step: 'SEAT',
      atMs: 6900,
      seatId: 'B-2',
      result: 'TAKEN',
      takenBy: { nickname: 'lee', bot: false },
      marginMs: 340,
    },
    { step: 'CLOSED', atMs: 15000, stillOn: 'pick' },
  ],
  steps: { entryMs: 400, waitMs: 600, letterMs: 4100, pickMs: 1800, confirmMs: null },
  totalMs: null,
  costliest: { step: 'letter', ms: 4100, basis: 'ROUND', referenceMs: 1300, humans: 12 },
  ghost: {
    personalBest: null,
    previousBest: null,
    roundBest: {
      nickname: 'park',
      totalMs: 3100,
      steps: { entryMs: 200, waitMs: 900, letterMs: 1000, pickMs: 700, confirmMs: 300 },
    },
  },
});

/**
 * A loser who practised nearly alone, with no personal best: only two humans solved the letter, so the server measures
 * the letter (32 s) against the player's own 45 s this round.
 */
export const selfCostDebrief = () => ({
  ...lostDebrief(),
  steps: { entryMs: 1000, waitMs: 2000, letterMs: 32000, pickMs: 10000, confirmMs: null },
  costliest: { step: 'letter', ms: 32000, basis: 'SELF', referenceMs: 45000, humans: 2 },
});

/** A player the round closed on: number 42 of 300, entered 3.2 s after the open; admission reached number 40. */
export const notAdmittedDebrief = () => ({
  roundId: ROUND,
  ticketId: TICKET,
  nickname: 'kim',
  outcome: 'NOT_ADMITTED',
  queue: { number: 42, entered: 300 },
  timeline: [
    { step: 'OPEN', atMs: 0 },
    { step: 'ENTERED', atMs: 3200 },
    { step: 'CLOSED', atMs: 60000, stillOn: 'wait', placesAway: 2, served: 40 },
  ],
  steps: { entryMs: 3200, waitMs: null, letterMs: null, pickMs: null, confirmMs: null },
  totalMs: null,
  costliest: null,
  ghost: { personalBest: null, previousBest: null, roundBest: null },
  notAdmitted: { served: 40, placesAway: 2, enteredMs: 3200, admittedWithinMs: 900, admittedHumans: 31 },
});

export const history = () => ({
  nickname: 'kim',
  rounds: 3,
  won: 2,
  wonPercent: 66.7,
  personalBest: {
    roundId: '20261203T165000Z',
    totalMs: 6200,
    steps: { entryMs: 500, waitMs: 1400, letterMs: 1900, pickMs: 1900, confirmMs: 500 },
  },
  bests: { totalMs: 6200, entryMs: 400, waitMs: 600, letterMs: 1900, pickMs: 1800, confirmMs: 500 },
  attempts: [
    {
      roundId: '20261203T170000Z',
      ticketId: 't3',
      outcome: 'NO_SEAT',
      totalMs: null,
      seatId: null,
      queueNumber: 7,
      entered: 52,
      steps: { entryMs: 400, waitMs: 600, letterMs: 4100, pickMs: 1800, confirmMs: null },
    },
    {
      roundId: '20261203T165000Z',
      ticketId: 't2',
      outcome: 'CONFIRMED',
      totalMs: 6200,
      seatId: 'A-3',
      queueNumber: 3,
      entered: 40,
      steps: { entryMs: 500, waitMs: 1400, letterMs: 1900, pickMs: 1900, confirmMs: 500 },
    },
    {
      roundId: '20261203T164000Z',
      ticketId: 't1',
      outcome: 'CONFIRMED',
      totalMs: 9000,
      seatId: 'C-9',
      queueNumber: 30,
      entered: 31,
      steps: { entryMs: 900, waitMs: 2100, letterMs: 3000, pickMs: 2400, confirmMs: 600 },
    },
  ],
});

export const emptyHistory = () => ({
  nickname: 'kim',
  rounds: 0,
  won: 0,
  wonPercent: 0,
  personalBest: null,
  bests: { totalMs: null, entryMs: null, waitMs: null, letterMs: null, pickMs: null, confirmMs: null },
  attempts: [],
});
