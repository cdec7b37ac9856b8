import { Line } from 'react-chartjs-2';
import { useI18n } from '../i18n/i18n';
import { roundOpenedText } from '../lib/format';
import type { OpsSeries, XY } from '../lib/opsSeries';
import { COLORS } from './charts';

/**
 * One live series against the server's time, drawn as read: never smoothed (a curve bulges above the readings, and a
 * rate above the rate set). A `rate` (each point the average since the reading before) holds each value over the
 * interval it averages, as steps.
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
  return (
    <figure className="chart-card">
      <figcaption>{title}</figcaption>
      {/* react-chartjs-2 draws a <canvas role="img">: the name goes on it (a wrapper's name would leave it unnamed) */}
      <div className="chart-box small">
        <Line
          aria-label={title}
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
              x: { type: 'linear', min: span?.from, max: span?.until, ticks: { callback: tick, maxTicksLimit: 5 } },
              y: { beginAtZero: true },
            },
          }}
        />
      </div>
    </figure>
  );
}

/** Seats confirmed (booking's MySQL rows) against seconds since the open: this round, and the one before dashed. */
export function SellOutChart({ series }: { series: Pick<OpsSeries, 'sellOut' | 'previousSellOut'> }) {
  const { t, lang } = useI18n();
  return (
    <figure className="chart-card">
      <figcaption>{t('ops.sellOutChart')}</figcaption>
      <div className="chart-box small">
        <Line
          aria-label={t('ops.sellOutChart')}
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
                      label: `${t('ops.previousRound')} · ${roundOpenedText(series.previousSellOut.roundId, t, lang)}`,
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
    </figure>
  );
}
