// The history's trend chart: the last attempts, oldest first, as one line for the total and one per step.
import { STEP_NAMES, type HistoryAttempt, type StepName } from '../api/types';
import { stepKey } from './debrief';

export type SeriesKey = 'total' | StepName;
export const SERIES_KEYS: readonly SeriesKey[] = ['total', ...STEP_NAMES];

export interface Trend {
  /** Attempts drawn, oldest first. */
  attempts: HistoryAttempt[];
  series: { key: SeriesKey; values: (number | null)[] }[];
}

export const TREND_LENGTH = 30;

/** The newest `limit` attempts (the history lists newest first), turned oldest first, per series. */
export function trendOf(newestFirst: readonly HistoryAttempt[], limit = TREND_LENGTH): Trend {
  const attempts = newestFirst.slice(0, limit).reverse();
  return {
    attempts,
    series: SERIES_KEYS.map((key) => ({
      key,
      values: attempts.map((a) => (key === 'total' ? a.totalMs : a.steps[stepKey(key)])),
    })),
  };
}

/** The top of the y axis: the largest value shown, rounded up to a whole second (at least one). */
export function axisTop(values: readonly (number | null)[]): number {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  return Math.max(1000, Math.ceil(max / 1000) * 1000);
}

/**
 * An SVG path through the values; a missing value (a step not reached, a total without a booking) breaks the line
 * rather than drawing it through zero. A lone value between gaps is a dot's worth of line (a zero-length segment).
 */
export function linePath(
  values: readonly (number | null)[],
  x: (index: number) => number,
  y: (ms: number) => number,
): string {
  const parts: string[] = [];
  let drawing = false;
  values.forEach((value, i) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const point = `${round(x(i))} ${round(y(value))}`;
    const next = values[i + 1];
    if (drawing) parts.push(`L${point}`);
    else parts.push(next === null || next === undefined ? `M${point} l0 0` : `M${point}`);
    drawing = true;
  });
  return parts.join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;
