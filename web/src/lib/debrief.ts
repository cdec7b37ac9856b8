// Sums and scales for the debrief's ghost race, the history's bests and the live personal-best marker; the booking a
// debrief names.
import { STEP_NAMES, type Debrief, type GhostRun, type StepName, type StepTimes } from '../api/types';

export const stepKey = (step: StepName) => `${step}Ms` as const;

/** The time the steps that were reached add up to. */
export function stepSum(steps: StepTimes | null | undefined): number {
  if (!steps) return 0;
  return STEP_NAMES.reduce((sum, step) => sum + Math.max(0, steps[stepKey(step)] ?? 0), 0);
}

/**
 * Whether a run's time for `step` is its total: the one step it reached (a player never admitted has its entry only).
 * Then it is written to the millisecond like the total beside it, not to a tenth ("0.4초" beside "0.361초").
 */
export function isWholeRun(steps: StepTimes | null | undefined, totalMs: number | null, step: StepName): boolean {
  const reached = STEP_NAMES.filter((name) => steps?.[stepKey(name)] != null);
  return reached.length === 1 && reached[0] === step && (totalMs ?? stepSum(steps)) === steps?.[stepKey(step)];
}

export interface GhostSegment {
  step: StepName;
  ms: number | null;
  /** Where the segment starts and how wide it is, in % of the race's common scale. */
  fromPercent: number;
  widthPercent: number;
}

/**
 * The segments of one run on a scale shared by every run in the race, so the step boundaries line up in time: the
 * same ms is the same width in every row.
 */
export function ghostSegments(steps: StepTimes | null | undefined, scaleMs: number): GhostSegment[] {
  let at = 0;
  return STEP_NAMES.map((step) => {
    const ms = steps ? steps[stepKey(step)] : null;
    const width = ms !== null && ms > 0 && scaleMs > 0 ? (ms / scaleMs) * 100 : 0;
    const segment = { step, ms, fromPercent: at, widthPercent: width };
    at += width;
    return segment;
  });
}

/** The longest of the runs: the race's full width. */
export function raceScale(runs: readonly (StepTimes | null | undefined)[]): number {
  return Math.max(0, ...runs.map(stepSum));
}

/** a − b, or null when either is missing. */
export function deltaMs(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : a - b;
}

/**
 * When the personal best had got through each of the drill's four screens, in ms since the open: the waiting room
 * (entered, then admitted), the security letter, the seat map (held), the booking. Null where the best never got.
 */
export interface PbMarks {
  entered: number | null;
  admitted: number | null;
  letter: number | null;
  held: number | null;
  booked: number | null;
}

export function pbMarks(pb: GhostRun | null | undefined): PbMarks | null {
  if (!pb) return null;
  const marks: (number | null)[] = [];
  let at: number | null = 0;
  for (const step of STEP_NAMES) {
    const ms = pb.steps[stepKey(step)];
    at = at === null || ms === null ? null : at + ms;
    marks.push(at);
  }
  const [entered = null, admitted = null, letter = null, held = null, booked = null] = marks;
  return { entered, admitted, letter, held, booked: pb.totalMs ?? booked };
}

/** The faster of two personal bests, either of which may be unknown (undefined) or absent (null). */
export function betterRun(a: GhostRun | null | undefined, b: GhostRun | null | undefined): GhostRun | null | undefined {
  if (!a || a.totalMs === null) return b ?? a;
  if (!b || b.totalMs === null) return a;
  return b.totalMs < a.totalMs ? b : a;
}

/**
 * What the ghost race measures this attempt against. Normally the personal best; but when the personal best is this
 * very round (a new best), racing against it would be racing against oneself (every delta 0.0 s), so then the best
 * before this round, `previousBest` (null before a first win). `beatenByMs`: how much faster the new best was than
 * the previous one (null when there is no previous one, or no total to compare).
 */
export interface RaceBaseline {
  run: GhostRun | null;
  newBest: boolean;
  beatenByMs: number | null;
}

export function raceBaseline(
  roundId: string,
  ghost: { personalBest: GhostRun | null; previousBest: GhostRun | null },
  youTotalMs: number | null,
): RaceBaseline {
  const { personalBest, previousBest } = ghost;
  if (personalBest?.roundId !== roundId) return { run: personalBest, newBest: false, beatenByMs: null };
  const total = personalBest.totalMs ?? youTotalMs;
  const before = previousBest ? (previousBest.totalMs ?? stepSum(previousBest.steps)) : null;
  return {
    run: previousBest,
    newBest: true,
    beatenByMs: total === null || before === null ? null : Math.max(0, before - total),
  };
}

/** The booking a debrief's timeline names (its BOOKED step), if it has one. */
export function bookingOf(debrief: Debrief | undefined): string | undefined {
  for (const event of debrief?.timeline ?? []) {
    if (event.step === 'BOOKED' && event.bookingId) return event.bookingId;
  }
  return undefined;
}
