import { useId } from 'react';
import { Bar } from 'react-chartjs-2';
import type { HistogramBucket } from '../api/types';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useI18n } from '../i18n/i18n';
import { histogramRows, histogramSummary, reading } from '../lib/chartText';
import { secondsRange } from '../lib/format';
import { bucketIndex, mergedBuckets } from '../lib/results';
import { COLORS } from './charts';
import { ChartSummary, ChartTable } from './ChartText';

/** The phone layout's width (styles.css): under it the chart is too narrow for a bar per second. */
const NARROW = '(max-width: 560px)';
/** Bars at most on a narrow screen: each human bar about as wide as a finger's tip, not 2–3 px beside its bot bar. */
const NARROW_BUCKETS = 12;
/** The least height of a human bar in px: one human beside 150 bots would be under a pixel. */
const HUMAN_BAR_MIN_PX = 4;

/**
 * Humans vs bots per time bucket; the player's own bucket is drawn brighter. On a narrow screen neighbouring buckets
 * are drawn as one (at most NARROW_BUCKETS bars), the bars filling their slot, so that a lone human stays visible; a
 * human bar is never shorter than HUMAN_BAR_MIN_PX however tall the bots' bars are (a bucket without humans has no bar:
 * null, as chart.js would draw a zero at the least height too). Its text alternative, the summary and the table, tells
 * the buckets as drawn.
 */
export default function Histogram({
  buckets: given,
  youMs,
}: {
  buckets: readonly HistogramBucket[];
  youMs: number | undefined;
}) {
  const { t, lang } = useI18n();
  const narrow = useMediaQuery(NARROW);
  const buckets = narrow ? mergedBuckets(given, NARROW_BUCKETS) : given;
  const you = youMs === undefined ? -1 : bucketIndex(buckets, youMs);
  // wider bars on a phone: the pair fills its slot (chart.js's defaults are 0.9 and 0.8)
  const slot = narrow ? { barPercentage: 1, categoryPercentage: 0.92 } : {};
  const labels = buckets.map((b) => secondsRange(b.fromMs, b.toMs, lang));
  const summaryId = useId();
  return (
    <>
      <div className="chart-box">
        {/* react-chartjs-2 draws a <canvas role="img">: the name goes on it (a wrapper's name would leave it unnamed) */}
        <Bar
          aria-label={t('result.histogramLabel')}
          aria-describedby={summaryId}
          data={{
            labels,
            datasets: [
              {
                label: t('result.humans'),
                data: buckets.map((b) => (b.humans > 0 ? b.humans : null)),
                backgroundColor: buckets.map((_, i) => (i === you ? COLORS.humansStrong : COLORS.humans)),
                borderColor: buckets.map((_, i) => (i === you ? '#ffffff' : 'transparent')),
                borderWidth: 2,
                borderRadius: 4,
                minBarLength: HUMAN_BAR_MIN_PX,
                ...slot,
              },
              {
                label: t('result.bots'),
                data: buckets.map((b) => b.bots),
                backgroundColor: COLORS.bots,
                borderRadius: 4,
                ...slot,
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
      <ChartSummary id={summaryId} text={histogramSummary(buckets, youMs, t, lang)} />
      <ChartTable
        chart={t('result.histogramLabel')}
        caption={t('chart.histogram.caption')}
        columns={[t('chart.histogram.range'), t('result.humans'), t('result.bots')]}
        rows={histogramRows(buckets, youMs).map((row) => {
          const range = secondsRange(row.fromMs, row.toMs, lang);
          return {
            key: row.fromMs,
            head: row.you ? t('chart.histogram.youRow', { range }) : range,
            cells: [reading(row.humans, lang), reading(row.bots, lang)],
          };
        })}
      />
    </>
  );
}
