import { useState } from 'react';
import type { HistoryAttempt } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { secondsTick } from '../lib/format';
import { axisTop, linePath, SERIES_KEYS, trendOf, type SeriesKey } from '../lib/trend';

const W = 640;
const H = 240;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

const label = (key: SeriesKey): MessageKey => (key === 'total' ? 'debrief.total' : `debrief.s.${key}`);

/**
 * The last attempts' total and step times as lines (SVG, no chart library): oldest left, newest right. Each series can
 * be switched off with its toggle; the attempts table below carries the same numbers for screen readers.
 */
export function TrendChart({ attempts }: { attempts: readonly HistoryAttempt[] }) {
  const { t, lang } = useI18n();
  const trend = trendOf(attempts);
  const [hidden, setHidden] = useState<ReadonlySet<SeriesKey>>(new Set());
  const shown = trend.series.filter((s) => !hidden.has(s.key));
  const top = axisTop(shown.flatMap((s) => s.values));
  const n = trend.attempts.length;
  const x = (i: number) =>
    PAD.left + (n <= 1 ? (W - PAD.left - PAD.right) / 2 : (i / (n - 1)) * (W - PAD.left - PAD.right));
  const y = (ms: number) => PAD.top + (1 - ms / top) * (H - PAD.top - PAD.bottom);
  const ticks = [0, top / 2, top];
  const toggle = (key: SeriesKey) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <figure className="trend">
      <svg
        className="trend-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('history.trendLabel', { n })}
        data-testid="trend-chart"
      >
        {ticks.map((ms) => (
          <g key={ms} className="trend-grid">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(ms)} y2={y(ms)} />
            <text x={PAD.left - 6} y={y(ms) + 4} textAnchor="end">
              {secondsTick(ms, lang)}
            </text>
          </g>
        ))}
        <text className="trend-axis" x={PAD.left} y={H - 8}>
          1
        </text>
        {n > 1 && (
          <text className="trend-axis" x={W - PAD.right} y={H - 8} textAnchor="end">
            {n}
          </text>
        )}
        {shown.map((series) => (
          <path
            key={series.key}
            className={`trend-line line-${series.key}`}
            d={linePath(series.values, x, y)}
            data-series={series.key}
          />
        ))}
        {shown
          .filter((series) => series.key === 'total')
          .flatMap((series) =>
            series.values.map((ms, i) =>
              ms === null ? null : <circle key={i} className="trend-dot" cx={x(i)} cy={y(ms)} r={3.5} />,
            ),
          )}
      </svg>
      <div className="trend-toggles" role="group" aria-label={t('history.series')}>
        {SERIES_KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className="chip trend-toggle"
            aria-pressed={!hidden.has(key)}
            onClick={() => toggle(key)}
          >
            <span className={`swatch line-${key}`} aria-hidden="true" />
            {t(label(key))}
          </button>
        ))}
      </div>
    </figure>
  );
}
