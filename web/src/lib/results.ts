import type { HistogramBucket, RoundResults, Splits } from '../api/types';
import { num } from '../api/wire';
import type { MessageKey } from '../i18n/messages';

export type Tier = 'top5' | 'top10' | 'top20' | 'rest';

/**
 * What two reads of a round's results must agree on for them to be settled: the bookings they count (confirmed ones:
 * those accepted in the round's last moments are confirmed a little after its close). Home and the result screen both
 * read until two reads agree.
 */
export const settledCounts = (results: RoundResults): string =>
  `${num(results.seats?.sold)}/${num(results.humans?.count)}/${num(results.bots?.count)}`;

/** SPEC §5 tiers: ≤5 % 최상위권, ≤10 % 상위권, ≤20 % 중상위권, else 일반. */
export function tierOf(topPercent: number): Tier {
  if (topPercent <= 5) return 'top5';
  if (topPercent <= 10) return 'top10';
  if (topPercent <= 20) return 'top20';
  return 'rest';
}

export const tierKey = (tier: Tier): MessageKey => `tier.${tier}`;

export const SPLIT_KEYS = ['entryMs', 'waitMs', 'seatMs', 'confirmMs'] as const;
export type SplitKey = (typeof SPLIT_KEYS)[number];

/**
 * The debrief's steps (SPEC §12) each split covers, which name its colour: one colour per step on the whole result
 * page (the splits, the ghost race). The booking's seat split holds both the letter and the pick, drawn in both.
 */
export const SPLIT_STEPS = {
  entryMs: 'entry',
  waitMs: 'wait',
  seatMs: 'letter-pick',
  confirmMs: 'confirm',
} as const satisfies Record<SplitKey, string>;

export interface SplitPart {
  key: SplitKey;
  ms: number;
  /** Share of the four splits' sum, 0–100. */
  percent: number;
  /** The share as written beside it, in whole percents: the four add up to 100 (see `wholeShares`). */
  shownPercent: number;
}

/** The four splits with their share of the whole, for the stacked bar (shares add up to 100 when any time passed). */
export function splitParts(splits: Partial<Splits> | null | undefined): SplitPart[] {
  const values = SPLIT_KEYS.map((key) => {
    const ms = splits?.[key];
    return { key, ms: typeof ms === 'number' && ms > 0 ? ms : 0 };
  });
  const total = values.reduce((sum, part) => sum + part.ms, 0);
  const shown = wholeShares(values.map((part) => part.ms));
  return values.map((part, i) => ({
    ...part,
    percent: total > 0 ? (part.ms / total) * 100 : 0,
    shownPercent: shown[i]!,
  }));
}

/**
 * Each of `values` (≥ 0) as a whole percent of their sum, the percents adding up to exactly 100 (largest remainder:
 * each rounded down, then the points still missing go one each to the largest remainders, the earlier value first on
 * a tie), so the shares written side by side never read 101 % or 99 %. All zeros (or none) stay zeros.
 */
export function wholeShares(values: readonly number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (!(total > 0)) return values.map(() => 0);
  // value · 100 = floor · total + remainder, in whole numbers for whole milliseconds: no floating-point ties
  const shares = values.map((value, index) => {
    const floor = Math.floor((value * 100) / total);
    return { index, floor, remainder: value * 100 - floor * total };
  });
  // fewer than one point per value is missing: each was rounded down by less than one
  const missing = 100 - shares.reduce((sum, share) => sum + share.floor, 0);
  const largestRemainders = [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const share of largestRemainders.slice(0, missing)) share.floor += 1;
  return shares.map((share) => share.floor);
}

/** position = 1 + strictly faster, topPercent = 100·position/total (SPEC §5), for a time against a list of times. */
export function topPercentAmong(durationMs: number, others: readonly number[]): number {
  const position = 1 + others.filter((ms) => ms < durationMs).length;
  const total = Math.max(others.length, position);
  return (100 * position) / total;
}

/**
 * The histogram in at most `maxBuckets` bars: runs of neighbouring buckets added up (each run as wide as the others,
 * from the first's start to the last's end), so that a narrow screen draws bars wide enough to see — a lone human among
 * 40 buckets would be a sliver. As it is when it has no more than `maxBuckets`.
 */
export function mergedBuckets(buckets: readonly HistogramBucket[], maxBuckets: number): readonly HistogramBucket[] {
  const size = Math.ceil(buckets.length / Math.max(1, maxBuckets));
  if (size <= 1) return buckets;
  const merged: HistogramBucket[] = [];
  for (let i = 0; i < buckets.length; i += size) {
    const run = buckets.slice(i, i + size);
    merged.push({
      fromMs: run[0]!.fromMs,
      toMs: run[run.length - 1]!.toMs,
      humans: run.reduce((sum, b) => sum + b.humans, 0),
      bots: run.reduce((sum, b) => sum + b.bots, 0),
    });
  }
  return merged;
}

/** Index of the histogram bucket [fromMs, toMs) that holds durationMs, or -1. */
export function bucketIndex(buckets: readonly { fromMs: number; toMs: number }[], durationMs: number): number {
  return buckets.findIndex((b) => durationMs >= b.fromMs && durationMs < b.toMs);
}
