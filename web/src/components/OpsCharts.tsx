import { useId, type ReactNode } from 'react';
import { Line } from 'react-chartjs-2';
import { useI18n } from '../i18n/i18n';
import {
  reading,
  sellOutSummary,
  sellOutTable,
  TABLE_READINGS,
  timeSeriesRows,
  timeSeriesSummary,
} from '../lib/chartText';
import { clockTime, previousRoundText, roundOpenedText } from '../lib/format';
import type { OpsSeries, XY } from '../lib/opsSeries';
import { COLORS } from './charts';
import { ChartSummary, ChartTable } from './ChartText';

/**
 * One live series against the server's time, drawn as read: never smoothed (a curve bulges above the readings, and a
 * rate above the rate set). A `rate` (each point the average since the reading before) holds each value over the
 * interval it averages, as steps. Described by its latest, lowest and highest reading; its last readings as a table.
 */
export function TimeChart({
  title,
  points,
  color,
  tick,
  rate = false,
  span,
  breakAfterMs,
}: {
  title: string;
  points: XY[];
  color: string;
  tick(value: number | string): string;
  rate?: boolean;
  /**
   * The time axis, from the first reading to the last: shared by charts side by side, it runs on where this series has
   * no point (a closed round's queue). Without it the axis spans this series' points.
   */
  span?: { from: number; until: number } | undefined;
  /** No line across a stretch of more than this many ms without a point: nothing was read there. */
  breakAfterMs?: number | undefined;
}) {
  const { t, lang } = useI18n();
  const titleId = useId();
  const summaryId = useId();
  const rows = timeSeriesRows(points);
  return (
    <ChartCard titleId={titleId} title={title}>
      <div className="chart-box small">
        <Line
          aria-labelledby={titleId}
          aria-describedby={summaryId}
          data={{
            datasets: [
              {
                label: title,
                data: points,
                borderColor: color,
                backgroundColor: `${color}26`,
                fill: true,
                tension: 0,
                // 'after': a point's value from the reading before it on, the interval it is the average of
                stepped: rate ? ('after' as const) : false,
                spanGaps: breakAfterMs ?? false,
                pointRadius: 0,
              },
            ],
          }}
          options={{
            parsing: false,
            plugins: { legend: { display: false } },
            scales: {
              x: {
                type: 'linear',
                min: span?.from,
                max: span?.until,
                ticks: { callback: tick },
                // labels on whole 5/15/30/60 s of the clock, so a round's open (:00) has one (with min and max set,
                // chart.js spaces a stepSize evenly from min instead)
                afterBuildTicks: (scale: { min: number; max: number; ticks: { value: number }[] }) => {
                  scale.ticks = clockTicks(scale.min, scale.max) ?? scale.ticks;
                },
              },
              // one width for every chart's y axis: charts stacked on one time axis keep the same second aligned
              y: { beginAtZero: true, afterFit: (scale) => void (scale.width = Y_AXIS_WIDTH_PX) },
            },
          }}
        />
      </div>
      <ChartSummary id={summaryId} text={timeSeriesSummary(points, t, lang)} />
      <ChartTable
        chart={title}
        caption={t(points.length > TABLE_READINGS ? 'chart.time.caption' : 'chart.time.captionAll', {
          title,
          n: rows.length,
        })}
        columns={[t('chart.time.at'), title]}
        rows={rows.map((p) => ({ key: p.x, head: clockTime(p.x, lang), cells: [reading(p.y, lang)] }))}
      />
    </ChartCard>
  );
}

/**
 * A chart's card: its title on screen, and its canvas (react-chartjs-2 draws a `<canvas role="img">`) named by that
 * title (`aria-labelledby={titleId}`). The title is hidden from screen readers and the card is no `<figure>`: a
 * figcaption would be read three times, as the figure's name, as a line of text and as the image's name; here it is
 * read once, as the image's. (A name on a wrapper instead would leave the canvas unnamed.)
 */
function ChartCard({ titleId, title, children }: { titleId: string; title: string; children: ReactNode }) {
  return (
    <div className="chart-card">
      <p id={titleId} className="chart-title" aria-hidden="true">
        {title}
      </p>
      {children}
    </div>
  );
}

/** The width of the time charts' y axes, in px: wide enough for "100,000". */
const Y_AXIS_WIDTH_PX = 56;

/**
 * Ticks on whole 5, 15, 30 or 60 s of the clock from `min` to `max` (server time, ms), the step growing with the range
 * so there are about two to six; undefined where that gives fewer than two, past ten minutes, or for a range that is no
 * time shown (chart.js widens a lone point's axis to ±5 % of the epoch: millions of ticks): chart.js's own ticks stay.
 */
export function clockTicks(min: number, max: number): { value: number }[] | undefined {
  const shown = max - min;
  if (!Number.isFinite(shown) || shown < 0 || shown > 600_000) return undefined;
  const stepMs = shown <= 30_000 ? 5_000 : shown <= 90_000 ? 15_000 : shown <= 180_000 ? 30_000 : 60_000;
  const ticks: { value: number }[] = [];
  for (let value = Math.ceil(min / stepMs) * stepMs; value <= max; value += stepMs) ticks.push({ value });
  return ticks.length >= 2 ? ticks : undefined;
}

/**
 * Seats confirmed (booking's MySQL rows) against seconds since the open: this round, and the one before dashed.
 * Described by the seats confirmed now against the round before at the same second; every 5 s of both as a table.
 */
export function SellOutChart({ series }: { series: Pick<OpsSeries, 'sellOut' | 'previousSellOut'> }) {
  const { t, lang } = useI18n();
  const titleId = useId();
  const summaryId = useId();
  const table = sellOutTable(series);
  const seats = (n: number | undefined) => (n === undefined ? '—' : reading(n, lang));
  return (
    <ChartCard titleId={titleId} title={t('ops.sellOutChart')}>
      <div className="chart-box small">
        <Line
          aria-labelledby={titleId}
          aria-describedby={summaryId}
          data={{
            datasets: [
              {
                label: series.sellOut ? roundOpenedText(series.sellOut.roundId, t, lang) : t('ops.sold'),
                data: series.sellOut?.points ?? [],
                borderColor: COLORS.warn,
                backgroundColor: 'rgba(251, 191, 36, 0.15)',
                fill: true,
                stepped: true,
                pointRadius: 0,
              },
              ...(series.previousSellOut
                ? [
                    {
                      label: previousRoundText(series.previousSellOut.roundId, t, lang),
                      data: series.previousSellOut.points,
                      borderColor: COLORS.faded,
                      borderDash: [4, 4],
                      stepped: true as const,
                      pointRadius: 0,
                    },
                  ]
                : []),
            ],
          }}
          options={{
            parsing: false,
            plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
            scales: {
              x: { type: 'linear', min: 0, title: { display: true, text: t('ops.seconds') } },
              y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('ops.sold') } },
            },
          }}
        />
      </div>
      <ChartSummary id={summaryId} text={sellOutSummary(series, t, lang)} />
      <ChartTable
        chart={t('ops.sellOutChart')}
        caption={t('chart.sellOut.caption', { step: table.step })}
        columns={[t('chart.sellOut.second'), t('chart.sellOut.current'), t('ops.previousRound')]}
        rows={table.rows.map((row) => ({
          key: row.second,
          head: reading(row.second, lang),
          cells: [seats(row.current), seats(row.previous)],
        }))}
      />
    </ChartCard>
  );
}
