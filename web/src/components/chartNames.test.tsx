import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { clockTime } from '../lib/format';
import Histogram from './Histogram';
import { SellOutChart, TimeChart } from './OpsCharts';

// jsdom draws nothing: chart.js gets no 2D context and leaves the canvas blank, which is all these tests look at
beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

const ko = (ui: ReactNode) => render(<I18nProvider initial="ko">{ui}</I18nProvider>);

describe('histogram', () => {
  it('draws on a canvas that is the one named image', () => {
    ko(<Histogram buckets={[{ fromMs: 0, toMs: 1000, humans: 1, bots: 2 }]} youMs={500} />);
    const images = screen.getAllByRole('img');
    expect(images).toHaveLength(1);
    expect(images[0]!.tagName).toBe('CANVAS');
    expect(images[0]).toHaveAccessibleName('사람과 봇의 소요 시간 분포 막대그래프');
  });
});

describe('ops charts', () => {
  it('each canvas is named by its title', () => {
    ko(
      <>
        <TimeChart title="대기열 길이" points={[{ x: 1, y: 2 }]} color="#22d3ee" tick={String} />
        <SellOutChart series={{ sellOut: undefined, previousSellOut: undefined }} />
      </>,
    );
    const images = screen.getAllByRole('img');
    expect(images.map((image) => image.tagName)).toEqual(['CANVAS', 'CANVAS']);
    expect(images[0]).toHaveAccessibleName('대기열 길이');
    expect(images[1]).toHaveAccessibleName('확정 곡선 (라운드 오픈 후 초)');
    // named by the title on screen (aria-labelledby), not by a copy of it
    ['대기열 길이', '확정 곡선 (라운드 오픈 후 초)'].forEach((name, i) => {
      expect(images[i]).not.toHaveAttribute('aria-label');
      const title = document.getElementById(images[i]!.getAttribute('aria-labelledby')!);
      expect(title).toHaveTextContent(name);
      expect(title).toBeVisible();
    });
  });

  it('reads each title once, as its canvas’s name: not again as a caption, nor as a figure’s name', () => {
    const { container } = ko(
      <>
        <TimeChart title="대기열 길이" points={[{ x: 1, y: 2 }]} color="#22d3ee" tick={String} />
        <SellOutChart series={{ sellOut: { roundId: 'r', points: [{ x: 1, y: 1 }] }, previousSellOut: undefined }} />
      </>,
    );
    for (const title of ['대기열 길이', '확정 곡선 (라운드 오픈 후 초)']) {
      expect(screen.getByText(title, { ignore: 'summary *, caption, th' })).toBeVisible(); // on screen
      expect(timesRead(container, title), title).toBe(1);
    }
  });
});

/** The elements whose text a screen reader reads as one line. */
const LINES = 'p, div, summary, caption, th, td, figcaption, li, dt, dd, h1, h2, h3, h4, h5, h6';

/**
 * How many times a screen reader going through `root` reads `title` on its own: as the name of an image, a figure, a
 * group or a region, or as a line of text (text hidden from it — `aria-hidden`, `hidden`, in a closed `<details>` but
 * its summary — is not read).
 */
function timesRead(root: HTMLElement, title: string): number {
  const names = (['img', 'figure', 'group', 'region'] as const).flatMap((role) =>
    within(root).queryAllByRole(role, { name: title }),
  ).length;
  const lines = new Map<Element, string>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    if (parent.closest('[aria-hidden="true"], [hidden]')) continue;
    const details = parent.closest('details');
    if (details && !details.open && !parent.closest('summary')) continue;
    const line = parent.closest(LINES) ?? root;
    lines.set(line, (lines.get(line) ?? '') + node.textContent);
  }
  return names + [...lines.values()].filter((text) => text.trim() === title).length;
}

/** The cells of the table behind "표로 보기: {chart}", header row first, each row as its cells' texts. */
function tableOf(chart: string): string[][] {
  const toggle = screen.getByText((_, el) => el?.tagName === 'SUMMARY' && el.textContent === `표로 보기: ${chart}`);
  fireEvent.click(toggle);
  const table = within(toggle.parentElement!).getByRole('table');
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('text alternatives', () => {
  it('describes the histogram in numbers and tables its buckets, the player’s marked', () => {
    ko(
      <Histogram
        buckets={[
          { fromMs: 0, toMs: 1000, humans: 0, bots: 40 },
          { fromMs: 1000, toMs: 2000, humans: 2, bots: 110 },
          { fromMs: 2000, toMs: 3000, humans: 0, bots: 0 },
          { fromMs: 3000, toMs: 4000, humans: 5, bots: 3 },
        ]}
        youMs={3215}
      />,
    );
    const chart = screen.getByRole('img');
    expect(chart).toHaveAccessibleDescription(
      '사람 7명, 봇 153명이 예매했어요. 가장 많이 몰린 구간은 1–2초 (사람 2명, 봇 110명). ' +
        '사람이 가장 많은 구간은 3–4초 (5명). 내 기록 3.215초는 3–4초 구간이에요. 그 앞 구간에 사람 2명, 봇 150명.',
    );
    // read once, as the description: no text of the page besides
    expect(screen.getByTestId('chart-summary')).not.toBeVisible();
    expect(screen.getByText('표로 보기', { exact: false }).closest('details')).not.toHaveAttribute('open');
    expect(tableOf('사람과 봇의 소요 시간 분포 막대그래프')).toEqual([
      ['소요 시간', '사람', '봇'],
      ['0–1초', '0', '40'],
      ['1–2초', '2', '110'],
      ['3–4초 (나)', '5', '3'],
    ]);
    expect(screen.getByRole('table')).toHaveAccessibleName('소요 시간 구간별 사람과 봇 (기록이 없는 구간은 뺐어요)');
  });

  it('describes a time chart by its latest, lowest and highest reading, and tables the last readings, newest first', () => {
    const at = Date.UTC(2026, 0, 1, 6, 40, 0);
    const points = Array.from({ length: 35 }, (_, i) => ({ x: at + i * 1000, y: i === 3 ? 90 : i }));
    ko(<TimeChart title="대기열 길이" points={points} color="#22d3ee" tick={String} />);
    const time = (ms: number) => clockTime(ms, 'ko');
    expect(screen.getByRole('img')).toHaveAccessibleDescription(
      `최근 값 34 (${time(at + 34_000)}). ${time(at)}–${time(at + 34_000)} 동안 최소 0, 최대 90.`,
    );
    const rows = tableOf('대기열 길이');
    expect(rows[0]).toEqual(['시각', '대기열 길이']);
    expect(rows.slice(1)).toEqual(Array.from({ length: 30 }, (_, i) => [time(at + (34 - i) * 1000), String(34 - i)]));
    expect(screen.getByRole('table')).toHaveAccessibleName('대기열 길이: 최근 측정값 30개, 최신순');
  });

  it('says a time chart has no readings yet, with no table', () => {
    ko(<TimeChart title="대기열 길이" points={[]} color="#22d3ee" tick={String} />);
    expect(screen.getByRole('img')).toHaveAccessibleDescription('아직 측정값이 없어요.');
    expect(screen.queryByText('표로 보기', { exact: false })).toBeNull();
  });

  it('describes the sell-out curve against the round before, and tables both every 5 s', () => {
    ko(
      <SellOutChart
        series={{
          sellOut: {
            roundId: 'r2',
            points: [
              { x: 0, y: 0 },
              { x: 4.2, y: 30 },
              { x: 7.5, y: 80 },
            ],
          },
          previousSellOut: {
            roundId: 'r1',
            points: [
              { x: 0, y: 0 },
              { x: 6, y: 50 },
              { x: 11, y: 100 },
            ],
          },
        }}
      />,
    );
    expect(screen.getByRole('img')).toHaveAccessibleDescription(
      '이번 라운드는 오픈 후 7.5초까지 80석 확정. 이전 라운드는 같은 시점에 50석, 마지막 측정값은 오픈 후 11초에 100석.',
    );
    expect(tableOf('확정 곡선 (라운드 오픈 후 초)')).toEqual([
      ['오픈 후 초', '이번 라운드', '이전 라운드'],
      ['5', '30', '0'],
      ['7.5', '80', '50'],
      ['10', '—', '50'],
      ['11', '—', '100'],
    ]);
  });

  it('is no live region: the ops charts’ summaries change every second', () => {
    const { container } = ko(
      <>
        <TimeChart title="대기열 길이" points={[{ x: 1, y: 2 }]} color="#22d3ee" tick={String} />
        <SellOutChart series={{ sellOut: { roundId: 'r', points: [{ x: 1, y: 1 }] }, previousSellOut: undefined }} />
      </>,
    );
    expect(container.querySelector('[aria-live], [role="status"], [role="log"], [role="alert"]')).toBeNull();
  });
});
