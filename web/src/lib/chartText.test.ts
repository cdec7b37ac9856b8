import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n';
import {
  histogramRows,
  histogramSummary,
  sellOutSummary,
  sellOutTable,
  timeSeriesRows,
  timeSeriesSummary,
  valueAt,
} from './chartText';
import { clockTime } from './format';

const ko = translator('ko');
const en = translator('en');

const buckets = [
  { fromMs: 0, toMs: 1000, humans: 0, bots: 40 },
  { fromMs: 1000, toMs: 2000, humans: 2, bots: 110 },
  { fromMs: 2000, toMs: 3000, humans: 0, bots: 0 },
  { fromMs: 3000, toMs: 4000, humans: 5, bots: 3 },
];

describe('the histogram in words', () => {
  it('counts humans and bots, names the busiest bucket and the humans’ busiest, and where the player falls', () => {
    expect(histogramSummary(buckets, 3215, ko, 'ko')).toBe(
      '사람 7명, 봇 153명이 예매했어요. 가장 많이 몰린 구간은 1–2초 (사람 2명, 봇 110명). ' +
        '사람이 가장 많은 구간은 3–4초 (5명). 내 기록 3.215초는 3–4초 구간이에요. 그 앞 구간에 사람 2명, 봇 150명.',
    );
    expect(histogramSummary(buckets, 3215, en, 'en')).toBe(
      'Humans: 7, bots: 153. Most bookings at 1–2\u00a0s: humans 2, bots 110. Most humans at 3–4\u00a0s: 5. ' +
        'Your time, 3.215\u00a0s, is in 3–4\u00a0s; before it: humans 2, bots 150.',
    );
  });

  it('names the busiest bucket once when it is also the humans’, and says nothing of a player it does not hold', () => {
    const one = [{ fromMs: 0, toMs: 1000, humans: 3, bots: 1 }];
    expect(histogramSummary(one, undefined, ko, 'ko')).toBe(
      '사람 3명, 봇 1명이 예매했어요. 가장 많이 몰린 구간은 0–1초 (사람 3명, 봇 1명).',
    );
    expect(histogramSummary(one, 5000, ko, 'ko')).not.toContain('내 기록');
  });

  it('lists the buckets anybody booked in, in order, with the player’s marked', () => {
    expect(histogramRows(buckets, 1500)).toEqual([
      { ...buckets[0], you: false },
      { ...buckets[1], you: true },
      { ...buckets[3], you: false },
    ]);
  });
});

describe('a time chart in words', () => {
  const at = Date.UTC(2026, 0, 1, 6, 40, 0);
  const points = [
    { x: at, y: 12 },
    { x: at + 1000, y: 40 },
    { x: at + 2000, y: 0 },
    { x: at + 3000, y: 7.25 },
  ];

  it('says the latest reading and when, and the lowest and highest over what is shown', () => {
    const time = (ms: number) => clockTime(ms, 'ko');
    expect(timeSeriesSummary(points, ko, 'ko')).toBe(
      `최근 값 7.3 (${time(at + 3000)}). ${time(at)}–${time(at + 3000)} 동안 최소 0, 최대 40.`,
    );
    expect(timeSeriesSummary([], en, 'en')).toBe('No readings yet.');
  });

  it('tables the last readings, newest first', () => {
    expect(timeSeriesRows(points, 3).map((p) => p.y)).toEqual([7.25, 0, 40]);
    expect(timeSeriesRows(points).map((p) => p.y)).toEqual([7.25, 0, 40, 12]);
  });
});

describe('the sell-out curve in words', () => {
  const series = {
    sellOut: {
      roundId: 'r2',
      points: [
        { x: 0, y: 0 },
        { x: 4.2, y: 30 },
        { x: 12.34, y: 80 },
      ],
    },
    previousSellOut: {
      roundId: 'r1',
      points: [
        { x: 0, y: 0 },
        { x: 6, y: 50 },
        { x: 14, y: 90 },
        { x: 21, y: 100 },
      ],
    },
  };

  it('reads a stepped curve: its last point at or before, none before it starts or after it ends', () => {
    const points = series.previousSellOut.points;
    expect(valueAt(points, 5.9)).toBe(0);
    expect(valueAt(points, 6)).toBe(50);
    expect(valueAt(points, 21)).toBe(100);
    expect(valueAt(points, 21.5)).toBeUndefined();
    expect(valueAt(points, -1)).toBeUndefined();
  });

  it('says the seats confirmed now and at which second, against the round before at the same second', () => {
    expect(sellOutSummary(series, ko, 'ko')).toBe(
      '이번 라운드는 오픈 후 12.3초까지 80석 확정. 이전 라운드는 같은 시점에 50석, 마지막 측정값은 오픈 후 21초에 100석.',
    );
    expect(sellOutSummary(series, en, 'en')).toBe(
      'This round: 80 seats confirmed by 12.3 s after the open. ' +
        'The previous round had 50 by then, and 100 at its last reading, 21 s after its open.',
    );
    expect(sellOutSummary({ sellOut: undefined, previousSellOut: series.previousSellOut }, ko, 'ko')).toBe(
      '이번 라운드의 확정 기록은 아직 없어요. 이전 라운드의 마지막 측정값은 오픈 후 21초에 100석.',
    );
  });

  it('tables both curves every 5 s and at each one’s last reading', () => {
    const { step, rows } = sellOutTable(series);
    expect(step).toBe(5);
    expect(rows).toEqual([
      { second: 5, current: 30, previous: 0 },
      { second: 10, current: 30, previous: 50 },
      { second: 12.34, current: 80, previous: 50 },
      { second: 15, current: undefined, previous: 90 },
      { second: 20, current: undefined, previous: 90 },
      { second: 21, current: undefined, previous: 100 },
    ]);
  });

  it('keeps to 30 rows of steps or so on a long curve, and has none without a reading', () => {
    const long = { sellOut: { roundId: 'r', points: [{ x: 290, y: 9 }] }, previousSellOut: undefined };
    const { step, rows } = sellOutTable(long);
    expect(step).toBe(10);
    expect(rows).toHaveLength(29);
    expect(sellOutTable({ sellOut: undefined, previousSellOut: undefined }).rows).toEqual([]);
  });
});
