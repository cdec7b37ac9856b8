import { render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GhostRace } from '../components/Debrief';
import { SplitBar, TierBadge } from '../components/ResultParts';
import { parseDebrief } from '../api/progress';
import { wonDebrief } from '../test/debriefs';
import { I18nProvider } from '../i18n/i18n';
import { percent, percentUp, period, seconds, secondsShort } from './format';
import { bucketIndex, mergedBuckets, splitParts, tierOf, topPercentAmong, wholeShares } from './results';

describe('tiers', () => {
  it.each([
    [0.5, 'top5'],
    [5, 'top5'],
    [5.01, 'top10'],
    [10, 'top10'],
    [10.1, 'top20'],
    [20, 'top20'],
    [20.5, 'rest'],
    [100, 'rest'],
  ])('top %s %% is %s', (top, tier) => {
    expect(tierOf(top)).toBe(tier);
  });

  it('shows the Korean tier names', () => {
    render(
      <I18nProvider initial="ko">
        <TierBadge position={4} total={100} />
        <TierBadge position={9} total={100} />
        <TierBadge position={19} total={100} />
        <TierBadge position={60} total={100} />
      </I18nProvider>,
    );
    expect(screen.getAllByTestId('tier').map((el) => el.textContent?.replace(/^\W/, ''))).toEqual([
      '최상위권',
      '상위권',
      '중상위권',
      '일반',
    ]);
  });

  it('shows a top % that agrees with the tier: rounded up, never into a better tier', () => {
    // 63rd of 1,250 is 5.04 %: not in the top 5 %, so it reads 5.1 %, not 5 %
    expect(percentUp((100 * 63) / 1250)).toBe('5.1');
    expect(percentUp(5.1)).toBe('5.1'); // the server's own rounded-up value stays as it is
    expect(percentUp(5)).toBe('5');
    expect(percentUp(10.01)).toBe('10.1');
    expect(percentUp((100 * 1) / 2001)).toBe('0.1'); // 1st of 2,001 is not "top 0 %"
    for (const total of [7, 40, 999, 1250, 2001]) {
      for (let position = 1; position <= total; position++) {
        const exact = (100 * position) / total;
        expect(tierOf(Number(percentUp(exact)))).toBe(tierOf(exact));
      }
    }
    render(
      <I18nProvider initial="ko">
        <TierBadge position={63} total={1250} />
        <TierBadge position={5} total={100} />
      </I18nProvider>,
    );
    expect(screen.getAllByTestId('tier').map((el) => el.textContent?.replace(/^\W/, ''))).toEqual([
      '상위권',
      '최상위권',
    ]);
  });
});

describe('splits', () => {
  it('gives each split its share of the whole', () => {
    const parts = splitParts({ entryMs: 500, waitMs: 1500, seatMs: 2500, confirmMs: 500 });
    expect(parts.map((p) => p.percent)).toEqual([10, 30, 50, 10]);
    expect(parts.reduce((sum, p) => sum + p.percent, 0)).toBe(100);
  });

  it('copes with missing or zero splits', () => {
    expect(splitParts(undefined).every((p) => p.percent === 0 && p.ms === 0)).toBe(true);
    expect(splitParts({ entryMs: 0, waitMs: 0, seatMs: 2000, confirmMs: -5 }).map((p) => p.percent)).toEqual([
      0, 0, 100, 0,
    ]);
  });

  it('writes whole-percent shares that add up to exactly 100, the missing points to the largest remainders', () => {
    expect(wholeShares([250, 250, 500, 1000])).toEqual([13, 12, 25, 50]); // rounded each: 101
    expect(wholeShares([1, 1, 1])).toEqual([34, 33, 33]); // rounded each: 99
    expect(wholeShares([114, 443, 443])).toEqual([12, 44, 44]); // 11.4 gets the point, not the first 44.3
    expect(wholeShares([500, 1500, 2500, 500])).toEqual([10, 30, 50, 10]); // exact shares stay as they are
    expect(wholeShares([0, 1, 1, 1])).toEqual([0, 34, 33, 33]); // a step that took no time stays at 0
    expect(wholeShares([0, 0, 2000, 0])).toEqual([0, 0, 100, 0]);
    expect(wholeShares([0, 0, 0, 0])).toEqual([0, 0, 0, 0]);
    expect(wholeShares([])).toEqual([]);
  });

  it('keeps each written share within a point of the exact one, the four adding up to 100', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let run = 0; run < 2000; run++) {
      const ms = [0, 1, 2, 3].map(() => (random() < 0.1 ? 0 : Math.floor(random() * 20_000)));
      const parts = splitParts({ entryMs: ms[0], waitMs: ms[1], seatMs: ms[2], confirmMs: ms[3] });
      const shown = parts.map((part) => part.shownPercent);
      expect(
        shown.reduce((sum, share) => sum + share, 0),
        `${ms}`,
      ).toBe(ms.some((m) => m > 0) ? 100 : 0);
      for (const part of parts) expect(Math.abs(part.shownPercent - part.percent), `${ms}`).toBeLessThan(1);
    }
  });

  it('draws the stacked bar with widths matching the shares', () => {
    render(
      <I18nProvider initial="ko">
        <SplitBar splits={{ entryMs: 250, waitMs: 250, seatMs: 500, confirmMs: 1000 }} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('split-entryMs')).toHaveStyle({ width: '12.5%' });
    expect(screen.getByTestId('split-confirmMs')).toHaveStyle({ width: '50%' });
    // the shares in one format, whole percents: not "13%" beside "12.5%"; and adding up to 100, not 13+13+25+50
    expect([...document.querySelectorAll('.split-legend .small')].map((share) => share.textContent)).toEqual([
      '13%',
      '12%',
      '25%',
      '50%',
    ]);
    expect(screen.getByText('확정')).toBeInTheDocument();
    expect(screen.getByText('1.000초')).toBeInTheDocument();
  });

  it('colours each step as the ghost race on the same page does: one colour per step', () => {
    const won = parseDebrief(wonDebrief());
    render(
      <I18nProvider initial="ko">
        <SplitBar splits={{ entryMs: 250, waitMs: 250, seatMs: 500, confirmMs: 1000 }} />
        <GhostRace
          roundId={won.roundId}
          you={won.steps}
          youTotalMs={won.totalMs}
          personalBest={null}
          previousBest={null}
          previousBestKnown
          roundBest={null}
        />
      </I18nProvider>,
    );
    const ghost = (step: string) => screen.getByTestId('ghost-you').querySelector(`[data-step="${step}"]`)!;
    for (const [split, step] of [
      ['entryMs', 'entry'],
      ['waitMs', 'wait'],
      ['confirmMs', 'confirm'],
    ] as const) {
      expect(screen.getByTestId(`split-${split}`)).toHaveClass(`step-${step}`);
      expect(ghost(step)).toHaveClass(`step-${step}`);
    }
    // the seat split is the letter and the pick: drawn in the colours of both, and of no other step
    expect(screen.getByTestId('split-seatMs')).toHaveClass('step-letter-pick');
    const css = readFileSync(resolve(__dirname, '../styles.css'), 'utf8');
    const colourOf = (selector: string) => new RegExp(`\\${selector} \\{\\s*background: ([^;]+);`).exec(css)?.[1];
    const both = colourOf('.step-letter-pick')!;
    expect(both).toContain(colourOf('.step-letter')!);
    expect(both).toContain(colourOf('.step-pick')!);
    expect(css).not.toMatch(/\.split-(entry|wait|seat|confirm)Ms/);
  });

  it('names the admitted → held split for both things it measures: the security letter and the seat (SPEC §5)', () => {
    render(
      <I18nProvider initial="ko">
        <SplitBar splits={{ entryMs: 250, waitMs: 250, seatMs: 500, confirmMs: 1000 }} />
      </I18nProvider>,
    );
    const legend = screen.getAllByRole('listitem').map((item) => item.querySelector('.split-name')?.textContent);
    expect(legend).toEqual(['입장', '대기', '보안문자·좌석', '확정']);
    expect(screen.getByRole('img')).toHaveAccessibleName(/보안문자·좌석 0\.500초/);
  });
});

describe('rank maths', () => {
  it('position = 1 + strictly faster; top % = 100·position/total', () => {
    expect(topPercentAmong(1000, [900, 1000, 1100, 1200])).toBe(50); // one strictly faster → position 2 of 4
    expect(topPercentAmong(500, [600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400, 1500])).toBe(10);
    expect(topPercentAmong(500, [])).toBe(100);
  });

  it('finds the histogram bucket of a time', () => {
    const buckets = [
      { fromMs: 0, toMs: 1000 },
      { fromMs: 1000, toMs: 2000 },
    ];
    expect(bucketIndex(buckets, 999)).toBe(0);
    expect(bucketIndex(buckets, 1000)).toBe(1);
    expect(bucketIndex(buckets, 2000)).toBe(-1);
  });

  it('formats times and percentages', () => {
    expect(seconds(12345)).toBe('12.345초');
    expect(seconds(12345, 'en')).toBe('12.345\u00a0s'); // a no-break space: never parted from its number
    expect(secondsShort(2400, 'en')).toBe('2.4\u00a0s');
    expect(period(20_000, 'en')).toBe('20\u00a0s');
    expect(seconds(undefined)).toBe('—');
    expect(percent(12.34)).toBe('12.3');
    expect(percent(5)).toBe('5');
    expect(period(60_000)).toBe('1분');
    expect(period(20_000)).toBe('20초');
    expect(period(60_000, 'en')).toBe('minute');
  });
});

describe('histogram buckets on a narrow screen', () => {
  const second = (i: number, humans = 0, bots = 0) => ({ fromMs: i * 1000, toMs: (i + 1) * 1000, humans, bots });

  it('adds up runs of neighbours into at most the bars asked for, each run as wide', () => {
    const buckets = Array.from({ length: 40 }, (_, i) => second(i, i === 39 ? 1 : 0, 1));
    const merged = mergedBuckets(buckets, 12);
    expect(merged).toHaveLength(10); // runs of 4
    expect(merged[0]).toEqual({ fromMs: 0, toMs: 4000, humans: 0, bots: 4 });
    expect(merged.at(-1)).toEqual({ fromMs: 36_000, toMs: 40_000, humans: 1, bots: 4 });
    expect(bucketIndex(merged, 39_500)).toBe(9);
  });

  it('keeps a last, shorter run and leaves a histogram that fits as it is', () => {
    const buckets = Array.from({ length: 13 }, (_, i) => second(i, 0, 2));
    expect(mergedBuckets(buckets, 12).map((b) => [b.fromMs, b.toMs, b.bots])).toEqual([
      [0, 2000, 4],
      [2000, 4000, 4],
      [4000, 6000, 4],
      [6000, 8000, 4],
      [8000, 10_000, 4],
      [10_000, 12_000, 4],
      [12_000, 13_000, 2],
    ]);
    const few = buckets.slice(0, 12);
    expect(mergedBuckets(few, 12)).toBe(few);
    expect(mergedBuckets([], 12)).toEqual([]);
  });
});
