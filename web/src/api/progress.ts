// Debrief and progress (SPEC §12): the server's account of one attempt, and the player's history. Every call carries
// the device secret; the answers are checked here (a missing required field is an error, unknown steps are dropped),
// so the screens get the shapes of types.ts or an ApiError, never half a debrief.
import { playerHeaders } from '../lib/playerSecret';
import { ApiError, request, UNKNOWN } from './http';
import {
  STEP_NAMES,
  type Costliest,
  type Debrief,
  type DebriefOutcome,
  type GhostRun,
  type HistoryAttempt,
  type NotAdmitted,
  type PlayerHistory,
  type SeatAttemptResult,
  type StepName,
  type StepTimes,
  type TimelineEvent,
} from './types';

export const getDebrief = async (roundId: string, ticketId: string, signal?: AbortSignal): Promise<Debrief> =>
  parseDebrief(
    await request<unknown>(`/api/v1/rounds/${encodeURIComponent(roundId)}/debriefs/${encodeURIComponent(ticketId)}`, {
      signal,
      headers: playerHeaders(),
    }),
  );

const historyPath = (nickname: string) => `/api/v1/players/history?nickname=${encodeURIComponent(nickname)}`;

export const getHistory = async (nickname: string, signal?: AbortSignal): Promise<PlayerHistory> =>
  parseHistory(await request<unknown>(historyPath(nickname), { signal, headers: playerHeaders() }));

/** 204, idempotent: the attempts are gone and their debriefs answer 404 from then on. */
export const eraseHistory = (nickname: string) =>
  request<void>(historyPath(nickname), { method: 'DELETE', headers: playerHeaders() });

// --- parsing ---------------------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

class WireError extends ApiError {
  constructor(what: string) {
    super(200, UNKNOWN, { detail: `Unexpected answer from the server: ${what}` });
  }
}

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

function obj(value: unknown, what: string): Obj {
  if (!isObj(value)) throw new WireError(`${what} is not an object`);
  return value;
}

/** A finite number, or null when missing/null; anything else (text, NaN) is an error. */
function optNum(value: unknown, what: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new WireError(`${what} is not a number`);
}

function reqNum(value: unknown, what: string): number {
  const n = optNum(value, what);
  if (n === null) throw new WireError(`${what} is missing`);
  return n;
}

function optStr(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function reqStr(value: unknown, what: string): string {
  const s = optStr(value);
  if (s === null) throw new WireError(`${what} is missing`);
  return s;
}

const OUTCOMES: readonly DebriefOutcome[] = ['CONFIRMED', 'PENDING', 'REJECTED', 'NO_SEAT', 'NOT_ADMITTED'];
const SEAT_RESULTS: readonly SeatAttemptResult[] = ['HELD', 'TAKEN', 'UNKNOWN_SEAT', 'CAPTCHA_REQUIRED'];

function outcome(value: unknown, what: string): DebriefOutcome {
  if (OUTCOMES.includes(value as DebriefOutcome)) return value as DebriefOutcome;
  throw new WireError(`${what} is not an outcome`);
}

function stepTimes(value: unknown, what: string): StepTimes {
  const source = isObj(value) ? value : {};
  const times = {} as StepTimes;
  for (const name of STEP_NAMES) times[`${name}Ms`] = optNum(source[`${name}Ms`], `${what}.${name}Ms`);
  return times;
}

function ghostRun(value: unknown, what: string): GhostRun | null {
  if (value === null || value === undefined) return null;
  const run = obj(value, what);
  return {
    roundId: optStr(run.roundId),
    nickname: optStr(run.nickname),
    totalMs: optNum(run.totalMs, `${what}.totalMs`),
    steps: stepTimes(run.steps, `${what}.steps`),
  };
}

function timelineEvent(value: unknown, index: number): TimelineEvent | undefined {
  const what = `timeline[${index}]`;
  const event = obj(value, what);
  const atMs = reqNum(event.atMs, `${what}.atMs`);
  switch (event.step) {
    case 'OPEN':
    case 'ENTERED':
    case 'ADMITTED':
    case 'CONFIRMED':
    case 'REJECTED':
      return { step: event.step, atMs };
    case 'LETTER':
      return { step: 'LETTER', atMs, attempts: optNum(event.attempts, `${what}.attempts`) };
    case 'SEAT': {
      if (!SEAT_RESULTS.includes(event.result as SeatAttemptResult)) return undefined;
      const taker = isObj(event.takenBy) ? event.takenBy : undefined;
      return {
        step: 'SEAT',
        atMs,
        seatId: reqStr(event.seatId, `${what}.seatId`),
        result: event.result as SeatAttemptResult,
        takenBy: taker ? { nickname: optStr(taker.nickname), bot: taker.bot === true } : null,
        marginMs: optNum(event.marginMs, `${what}.marginMs`),
      };
    }
    case 'BOOKED':
      return { step: 'BOOKED', atMs, bookingId: optStr(event.bookingId), seatId: optStr(event.seatId) };
    case 'CLOSED':
      return {
        step: 'CLOSED',
        atMs,
        stillOn: STEP_NAMES.includes(event.stillOn as StepName) ? (event.stillOn as StepName) : null,
        placesAway: optNum(event.placesAway, `${what}.placesAway`),
        served: optNum(event.served, `${what}.served`),
        attempts: optNum(event.attempts, `${what}.attempts`),
      };
    default:
      return undefined; // a step this app does not know yet: left out rather than failing the whole debrief
  }
}

const BASES: readonly Costliest['basis'][] = ['ROUND', 'PERSONAL_BEST', 'SELF'];

function costliest(value: unknown): Costliest | null {
  if (value === null || value === undefined) return null;
  const c = obj(value, 'costliest');
  if (!STEP_NAMES.includes(c.step as StepName)) return null;
  // an older server sends no basis (it measures only against the round); a basis this app does not know yet would be
  // told as another one, so the step is left out rather than said wrongly
  const basis = c.basis ?? 'ROUND';
  if (!BASES.includes(basis as Costliest['basis'])) return null;
  return {
    step: c.step as StepName,
    ms: reqNum(c.ms, 'costliest.ms'),
    basis: basis as Costliest['basis'],
    // an older server names it topTenPercentMs (and measures only against the round)
    referenceMs: reqNum(c.referenceMs ?? c.topTenPercentMs, 'costliest.referenceMs'),
    humans: optNum(c.humans, 'costliest.humans') ?? 0,
  };
}

function notAdmitted(value: unknown): NotAdmitted | null {
  if (value === null || value === undefined) return null;
  const n = obj(value, 'notAdmitted');
  return {
    served: reqNum(n.served, 'notAdmitted.served'),
    placesAway: reqNum(n.placesAway, 'notAdmitted.placesAway'),
    enteredMs: reqNum(n.enteredMs, 'notAdmitted.enteredMs'),
    admittedWithinMs: optNum(n.admittedWithinMs, 'notAdmitted.admittedWithinMs'),
    admittedHumans: optNum(n.admittedHumans, 'notAdmitted.admittedHumans') ?? 0,
  };
}

export function parseDebrief(value: unknown): Debrief {
  const d = obj(value, 'the debrief');
  if (!Array.isArray(d.timeline)) throw new WireError('timeline is not a list');
  const timeline = d.timeline
    .map(timelineEvent)
    .filter((event): event is TimelineEvent => event !== undefined)
    // time order, as the contract says; stable for equal times
    .map((event, i) => ({ event, i }))
    .sort((a, b) => a.event.atMs - b.event.atMs || a.i - b.i)
    .map(({ event }) => event);
  const queue = isObj(d.queue) ? d.queue : {};
  const ghost = isObj(d.ghost) ? d.ghost : {};
  return {
    roundId: reqStr(d.roundId, 'roundId'),
    ticketId: reqStr(d.ticketId, 'ticketId'),
    nickname: reqStr(d.nickname, 'nickname'),
    outcome: outcome(d.outcome, 'outcome'),
    queue: { number: optNum(queue.number, 'queue.number'), entered: optNum(queue.entered, 'queue.entered') },
    timeline,
    steps: stepTimes(d.steps, 'steps'),
    totalMs: optNum(d.totalMs, 'totalMs'),
    costliest: costliest(d.costliest),
    ghost: {
      personalBest: ghostRun(ghost.personalBest, 'ghost.personalBest'),
      // optional: an older server sends no previousBest
      previousBest: ghostRun(ghost.previousBest, 'ghost.previousBest'),
      roundBest: ghostRun(ghost.roundBest, 'ghost.roundBest'),
      previousBestKnown: ghost.previousBestKnown !== false,
    },
    notAdmitted: notAdmitted(d.notAdmitted),
  };
}

function historyAttempt(value: unknown, index: number): HistoryAttempt {
  const what = `attempts[${index}]`;
  const a = obj(value, what);
  return {
    roundId: reqStr(a.roundId, `${what}.roundId`),
    ticketId: optStr(a.ticketId) ?? '',
    outcome: outcome(a.outcome, `${what}.outcome`),
    totalMs: optNum(a.totalMs, `${what}.totalMs`),
    seatId: optStr(a.seatId),
    queueNumber: optNum(a.queueNumber, `${what}.queueNumber`),
    entered: optNum(a.entered, `${what}.entered`),
    steps: stepTimes(a.steps, `${what}.steps`),
  };
}

export function parseHistory(value: unknown): PlayerHistory {
  const h = obj(value, 'the history');
  if (!Array.isArray(h.attempts)) throw new WireError('attempts is not a list');
  const bests = isObj(h.bests) ? h.bests : {};
  const rounds = reqNum(h.rounds, 'rounds');
  const won = reqNum(h.won, 'won');
  return {
    nickname: reqStr(h.nickname, 'nickname'),
    rounds,
    won,
    wonPercent: optNum(h.wonPercent, 'wonPercent') ?? (rounds > 0 ? (100 * won) / rounds : 0),
    personalBest: ghostRun(h.personalBest, 'personalBest'),
    bests: { ...stepTimes(bests, 'bests'), totalMs: optNum(bests.totalMs, 'bests.totalMs') },
    attempts: h.attempts.map(historyAttempt),
  };
}
