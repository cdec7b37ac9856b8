// The charts' text alternatives (WCAG 1.1.1): a summary of what each chart shows, in numbers, which is its canvas's
// description, and its data as the rows of a table behind "표로 보기". For the result page's histogram and the ops
// page's time charts and sell-out curve.
import type { HistogramBucket } from '../api/types';
import type { Translate } from '../i18n/i18n';
import { clockTime, localeOf, seconds, secondsRange } from './format';
import type { OpsSeries, XY } from './opsSeries';
import { bucketIndex } from './results';

type Lang = 'ko' | 'en';

/** A reading as written: a count as it is ("1,234"), a rate to a tenth at most ("12.5"). */
export const reading = (value: number, lang: Lang): string =>
  value.toLocaleString(localeOf(lang), { maximumFractionDigits: 1 });

/** The first of `items` with the largest `value`, undefined when none is above zero. */
function largest<T>(items: readonly T[], value: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (value(item) > (best === undefined ? 0 : value(best))) best = item;
  return best;
}

const sum = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((total, i) => total + value(i), 0);

/**
 * The histogram in sentences: how many humans and bots, the bucket with the most bookings (and the one with the most
 * humans, when another), and the player's bucket with who booked in the buckets before it.
 */
export function histogramSummary(
  buckets: readonly HistogramBucket[],
  youMs: number | undefined,
  t: Translate,
  lang: Lang,
): string {
  const range = (b: HistogramBucket) => secondsRange(b.fromMs, b.toMs, lang);
  const parts = [
    t('chart.histogram.totals', {
      humans: reading(
        sum(buckets, (b) => b.humans),
        lang,
      ),
      bots: reading(
        sum(buckets, (b) => b.bots),
        lang,
      ),
    }),
  ];
  const busiest = largest(buckets, (b) => b.humans + b.bots);
  if (busiest) {
    parts.push(
      t('chart.histogram.busiest', {
        range: range(busiest),
        humans: reading(busiest.humans, lang),
        bots: reading(busiest.bots, lang),
      }),
    );
  }
  const humansBusiest = largest(buckets, (b) => b.humans);
  if (humansBusiest && humansBusiest !== busiest) {
    parts.push(
      t('chart.histogram.busiestHumans', { range: range(humansBusiest), humans: reading(humansBusiest.humans, lang) }),
    );
  }
  const you = youMs === undefined ? -1 : bucketIndex(buckets, youMs);
  if (youMs !== undefined && you >= 0) {
    const before = buckets.slice(0, you);
    parts.push(
      t('chart.histogram.you', {
        time: seconds(youMs, lang),
        range: range(buckets[you]!),
        humans: reading(
          sum(before, (b) => b.humans),
          lang,
        ),
        bots: reading(
          sum(before, (b) => b.bots),
          lang,
        ),
      }),
    );
  }
  return parts.join(' ');
}

export interface HistogramRow extends HistogramBucket {
  /** The player's own bucket. */
  you: boolean;
}

/** The histogram's table: the buckets anybody booked in (and the player's), in order; the empty ones left out. */
export function histogramRows(buckets: readonly HistogramBucket[], youMs: number | undefined): HistogramRow[] {
  const you = youMs === undefined ? -1 : bucketIndex(buckets, youMs);
  return buckets
    .map((bucket, i) => ({ ...bucket, you: i === you }))
    .filter((row) => row.you || row.humans + row.bots > 0);
}

/** Readings at most in a time chart's table: the last half minute to two minutes, not up to 300 rows. */
export const TABLE_READINGS = 30;

/** A time chart in a sentence: the latest reading and when, the lowest and highest of the readings shown. */
export function timeSeriesSummary(points: readonly XY[], t: Translate, lang: Lang): string {
  const latest = points[points.length - 1];
  if (!latest) return t('chart.time.none');
  const values = points.map((p) => p.y);
  return t('chart.time.summary', {
    value: reading(latest.y, lang),
    time: clockTime(latest.x, lang),
    from: clockTime(points[0]!.x, lang),
    until: clockTime(latest.x, lang),
    min: reading(Math.min(...values), lang),
    max: reading(Math.max(...values), lang),
  });
}

/** A time chart's table: its last `limit` readings, newest first. */
export function timeSeriesRows(points: readonly XY[], limit = TABLE_READINGS): XY[] {
  return points.slice(-limit).reverse();
}

/** A stepped curve's value at `x`: its last point at or before it; undefined before its first point or after its last. */
export function valueAt(points: readonly XY[], x: number): number | undefined {
  const last = points[points.length - 1];
  if (!last || x > last.x) return undefined;
  let value: number | undefined;
  for (const point of points) {
    if (point.x > x) break;
    value = point.y;
  }
  return value;
}

/** Seconds since the open to a tenth, as the sell-out curve's table and summary write them. */
const tenth = (x: number) => Math.round(x * 10) / 10;

type SellOut = Pick<OpsSeries, 'sellOut' | 'previousSellOut'>;

/**
 * The sell-out curve in sentences: seats confirmed so far this round and at which second after its open; the round
 * before at that same second, and where it ended.
 */
export function sellOutSummary(series: SellOut, t: Translate, lang: Lang): string {
  const now = series.sellOut?.points.at(-1);
  const previous = series.previousSellOut?.points ?? [];
  const previousEnd = previous.at(-1);
  const parts: string[] = [];
  parts.push(
    now ? t('chart.sellOut.now', { n: reading(now.y, lang), s: reading(tenth(now.x), lang) }) : t('chart.sellOut.none'),
  );
  if (previousEnd) {
    const then = now === undefined ? undefined : valueAt(previous, now.x);
    parts.push(
      then === undefined
        ? t('chart.sellOut.previousEnd', { n: reading(previousEnd.y, lang), s: reading(tenth(previousEnd.x), lang) })
        : t('chart.sellOut.previous', {
            then: reading(then, lang),
            n: reading(previousEnd.y, lang),
            s: reading(tenth(previousEnd.x), lang),
          }),
    );
  }
  return parts.join(' ');
}

export interface SellOutRow {
  /** Seconds since the open. */
  second: number;
  current: number | undefined;
  previous: number | undefined;
}

/**
 * The sell-out curve's table: seats confirmed by every `step` seconds since the open (5 s; more for a curve longer than
 * 150 s, so that there are at most 30 such rows), and at each curve's last reading (this round's "now"); a curve
 * without a reading that late has none (undefined).
 */
export function sellOutTable(series: SellOut): { step: number; rows: SellOutRow[] } {
  const current = series.sellOut?.points ?? [];
  const previous = series.previousSellOut?.points ?? [];
  const ends = [current.at(-1)?.x, previous.at(-1)?.x].flatMap((x) => (x === undefined ? [] : [x]));
  const until = Math.max(0, ...ends);
  const step = 5 * Math.max(1, Math.ceil(until / 150));
  const seconds = [...new Set(ends)];
  for (let s = step; s <= until; s += step) {
    // a step's second written as a last reading's is that reading's row
    if (ends.every((end) => tenth(end) !== s)) seconds.push(s);
  }
  const rows = seconds
    .sort((a, b) => a - b)
    .map((second) => ({ second, current: valueAt(current, second), previous: valueAt(previous, second) }));
  return { step, rows };
}
