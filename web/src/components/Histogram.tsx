import { Bar } from 'react-chartjs-2';
import type { HistogramBucket } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { bucketIndex } from '../lib/results';
import { COLORS } from './charts';

/** Humans vs bots per time bucket; the player's own bucket is drawn brighter. */
export default function Histogram({
  buckets,
  youMs,
}: {
  buckets: readonly HistogramBucket[];
  youMs: number | undefined;
}) {
  const { t } = useI18n();
  const you = youMs === undefined ? -1 : bucketIndex(buckets, youMs);
  const labels = buckets.map(
    (b) => `${(b.fromMs / 1000).toFixed(b.fromMs % 1000 ? 1 : 0)}–${(b.toMs / 1000).toFixed(b.toMs % 1000 ? 1 : 0)}s`,
  );
  return (
    <div className="chart-box">
      {/* react-chartjs-2 draws a <canvas role="img">: the name goes on it (a wrapper's name would leave it unnamed) */}
      <Bar
        aria-label={t('result.histogramLabel')}
        data={{
          labels,
          datasets: [
            {
              label: t('result.humans'),
              data: buckets.map((b) => b.humans),
              backgroundColor: buckets.map((_, i) => (i === you ? COLORS.humansStrong : COLORS.humans)),
              borderColor: buckets.map((_, i) => (i === you ? '#ffffff' : 'transparent')),
              borderWidth: 2,
              borderRadius: 4,
            },
            {
              label: t('result.bots'),
              data: buckets.map((b) => b.bots),
              backgroundColor: COLORS.bots,
              borderRadius: 4,
            },
          ],
        }}
        options={{
          responsive: true,
          plugins: { legend: { position: 'bottom' } },
          scales: { x: { grid: { display: false } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
        }}
      />
    </div>
  );
}
