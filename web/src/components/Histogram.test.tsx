import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistogramBucket } from '../api/types';
import { I18nProvider } from '../i18n/i18n';
import type { Lang } from '../i18n/messages';
import Histogram from './Histogram';

interface BarProps {
  data: {
    labels: string[];
    datasets: {
      label: string;
      data: (number | null)[];
      backgroundColor: string | string[];
      barPercentage?: number;
      minBarLength?: number;
    }[];
  };
}

// chart.js draws nothing in jsdom: the bars as a list of their labels and counts, which is what these tests look at
vi.mock('react-chartjs-2', () => ({
  Bar: ({ data }: BarProps) => (
    <ul data-testid="bars">
      {data.labels.map((label, i) => (
        <li key={label} data-humans={data.datasets[0]!.data[i] ?? 'none'} data-bots={data.datasets[1]!.data[i]}>
          {label}
        </li>
      ))}
      <li data-testid="bar-width">{String(data.datasets[0]!.barPercentage ?? 'default')}</li>
      <li data-testid="human-min">{String(data.datasets[0]!.minBarLength ?? 'none')}</li>
    </ul>
  ),
}));

/** 36 one-second buckets of bots, and one human at 30–31 s, as a phone saw them (a sliver beside the bots). */
const round = (): HistogramBucket[] =>
  Array.from({ length: 36 }, (_, i) => ({
    fromMs: i * 1000,
    toMs: (i + 1) * 1000,
    humans: i === 30 ? 1 : 0,
    bots: i >= 12 && i < 26 ? 5 : 0,
  }));

/** A window `width` px wide, as far as CSS media queries go. */
function windowOf(width: number) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: /max-width: (\d+)px/.test(query) && width <= Number(/max-width: (\d+)px/.exec(query)![1]),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

const draw = (lang: Lang, youMs?: number) =>
  render(
    <I18nProvider initial={lang}>
      <Histogram buckets={round()} youMs={youMs} />
    </I18nProvider>,
  );
const bars = () => [...screen.getByTestId('bars').querySelectorAll('li[data-humans]')] as HTMLElement[];

afterEach(() => vi.unstubAllGlobals());

describe('histogram', () => {
  it('draws a bar per second on a wide screen, its axis in the language’s unit', () => {
    windowOf(1280);
    draw('ko', 30_500);
    expect(bars()).toHaveLength(36);
    expect(bars()[0]).toHaveTextContent(/^0–1초$/);
    expect(bars()[30]!.dataset.humans).toBe('1');
    expect(screen.getByTestId('bar-width')).toHaveTextContent('default');
  });

  it('on a phone draws at most 12 wider bars, neighbours added up, so a lone human is not a sliver', () => {
    windowOf(390);
    draw('en', 30_500);
    const shown = bars();
    expect(shown).toHaveLength(12);
    expect(shown.map((bar) => bar.textContent)).toContain('30–33\u00a0s');
    const lone = shown.find((bar) => bar.textContent === '30–33\u00a0s')!;
    expect(lone.dataset.humans).toBe('1');
    expect(shown.reduce((sum, bar) => sum + Number(bar.dataset.bots), 0)).toBe(14 * 5); // no bot lost on the way
    expect(screen.getByTestId('bar-width')).toHaveTextContent('1');
  });

  it('keeps a lone human visible beside tall bot bars, and draws no human bar where there were none', () => {
    windowOf(1280);
    draw('en');
    expect(Number(screen.getByTestId('human-min').textContent)).toBeGreaterThanOrEqual(3);
    expect(bars()[30]!.dataset.humans).toBe('1');
    // a zero would be drawn at the least height too: a bucket without humans is no bar at all
    expect(bars().filter((bar) => bar.dataset.humans === 'none')).toHaveLength(35);
  });

  it('works without matchMedia (as a wide screen)', () => {
    vi.stubGlobal('matchMedia', undefined);
    draw('ko');
    expect(bars()).toHaveLength(36);
  });
});
