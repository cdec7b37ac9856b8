import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { SellOutChart, TimeChart, clockTicks } from './OpsCharts';

interface Drawn {
  data: { datasets: { label: string; stepped?: unknown; tension?: number; spanGaps?: unknown }[] };
  options: {
    scales: {
      x: {
        min?: number;
        max?: number;
        afterBuildTicks?: (scale: { min: number; max: number; ticks: { value: number }[] }) => void;
      };
    };
  };
}

/** What each chart was given to draw (jsdom has no canvas to look at). */
const drawn = vi.hoisted(() => [] as Drawn[]);
vi.mock('react-chartjs-2', () => ({
  Line: (props: Drawn) => {
    drawn.push(props);
    return null;
  },
}));

beforeEach(() => {
  drawn.length = 0;
});

const inLang = (lang: 'ko' | 'en', ui: ReactNode) => render(<I18nProvider initial={lang}>{ui}</I18nProvider>);
const last = () => drawn.at(-1)!;

describe('ops charts', () => {
  it('draws what was read, never smoothed: a rate as steps over the interval each reading averages', () => {
    const points = [
      { x: 0, y: 8 },
      { x: 1000, y: 8 },
    ];
    inLang('ko', <TimeChart title="초당 입장 허가" points={points} color="#8b7bff" tick={String} rate />);
    expect(last().data.datasets[0]).toMatchObject({ tension: 0, stepped: 'after' });

    inLang('ko', <TimeChart title="대기열 길이" points={points} color="#22d3ee" tick={String} />);
    expect(last().data.datasets[0]).toMatchObject({ tension: 0, stepped: false, spanGaps: false });
  });

  it("labels the time axis on whole 5, 15, 30 or 60 s of the clock, so a round's open has a label, not the ends", () => {
    inLang(
      'en',
      <TimeChart
        title="Queue length"
        points={[{ x: 61_000, y: 23 }]}
        color="#22d3ee"
        tick={String}
        span={{ from: 61_000, until: 139_000 }}
      />,
    );
    // what chart.js would have built is replaced by the clock's whole 15 s inside the span
    const scale = { min: 61_000, max: 139_000, ticks: [{ value: 61_000 }, { value: 87_000 }] };
    last().options.scales.x.afterBuildTicks!(scale);
    expect(scale.ticks.map((t) => t.value)).toEqual([75_000, 90_000, 105_000, 120_000, 135_000]);
    expect(clockTicks(0, 120_000)?.map((t) => t.value)).toEqual([0, 30_000, 60_000, 90_000, 120_000]);
    expect(clockTicks(0, 600_000)).toHaveLength(11);
    expect(clockTicks(60_000, 72_000)?.map((t) => t.value)).toEqual([60_000, 65_000, 70_000]);
    // a page open a few seconds: fewer than two whole steps, chart.js's own ticks stay
    expect(clockTicks(60_001, 64_000)).toBeUndefined();
  });

  it("keeps chart.js's own ticks where the range is no time shown: a lone point's axis, widened over years", () => {
    // found in the browser: one reading at 1.7e12 ms gave an axis of 1.6e12–1.8e12, millions of 15 s ticks, a hung page
    inLang('en', <TimeChart title="On their way" points={[{ x: 1.7e12, y: 1 }]} color="#22d3ee" tick={String} />);
    const scale = { min: 1.6e12, max: 1.8e12, ticks: [{ value: 1.6e12 }, { value: 1.8e12 }] };
    last().options.scales.x.afterBuildTicks!(scale);
    expect(scale.ticks).toEqual([{ value: 1.6e12 }, { value: 1.8e12 }]);
    expect(clockTicks(Number.NaN, 1)).toBeUndefined();
  });

  it('spans the time axis given, beyond its own points, and breaks the line where nothing was read', () => {
    inLang(
      'ko',
      <TimeChart
        title="대기열 길이"
        points={[{ x: 1000, y: 23 }]}
        color="#22d3ee"
        tick={String}
        span={{ from: 1000, until: 46_000 }}
        breakAfterMs={5_000}
      />,
    );
    expect(last().options.scales.x).toMatchObject({ min: 1000, max: 46_000 });
    expect(last().data.datasets[0]!.spanGaps).toBe(5_000);
  });

  it.each([
    ['ko', /^\d{2}:\d{2}:00 오픈 라운드$/, /^이전 라운드 \(\d{2}:\d{2}:00 오픈\)$/],
    ['en', /^Round opened at \d{2}:\d{2}:00$/, /^Previous round \(opened \d{2}:\d{2}:00\)$/],
  ] as const)('names both rounds of the confirmed curve by their open, never by a raw id (%s)', (lang, now, before) => {
    inLang(
      lang,
      <SellOutChart
        series={{
          sellOut: { roundId: '20261207T091500Z', points: [{ x: 1, y: 3 }] },
          previousSellOut: { roundId: '20261207T091400Z', points: [{ x: 1, y: 5 }] },
        }}
      />,
    );
    const labels = last().data.datasets.map((d) => d.label);
    expect(labels).toHaveLength(2);
    expect(labels[0]).toMatch(now);
    expect(labels[1]).toMatch(before);
    expect(labels.join()).not.toMatch(/2026120/);
  });
});
