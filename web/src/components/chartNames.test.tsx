import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
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
  it('each canvas is named after its caption', () => {
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
  });
});
