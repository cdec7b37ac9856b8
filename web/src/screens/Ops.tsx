import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Line } from 'react-chartjs-2';
import { getResults } from '../api/booking';
import { asApiError, type ApiError } from '../api/http';
import { getAdminStats, getAdmissionSettings, getBots, putAdmissionSettings, putBots } from '../api/ops';
import { DIFFICULTIES, type AdminStats, type AdmissionSettings, type BotSettings, type Difficulty } from '../api/types';
import { num, toEpochMs } from '../api/wire';
import { COLORS } from '../components/charts';
import { Notice } from '../components/Notice';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useServerClock } from '../hooks/serverClock';
import { useI18n } from '../i18n/i18n';
import { parseRoundId } from '../lib/clock';
import { clockTime, percent } from '../lib/format';
import { addSold, addStats, emptySeries, type OpsSeries, type XY } from '../lib/opsSeries';

export const OPS_TOKEN_KEY = 'tw.opsToken';

function storedToken(): string {
  try {
    return sessionStorage.getItem(OPS_TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function Ops() {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [token, setToken] = useState(storedToken);
  const [rejected, setRejected] = useState<ApiError | undefined>();

  const signOut = (error?: ApiError) => {
    sessionStorage.removeItem(OPS_TOKEN_KEY);
    setToken('');
    setRejected(error);
  };

  return (
    <section className="screen ops" aria-labelledby="ops-title">
      <div className="screen-head">
        <div>
          <h1 id="ops-title" ref={heading} tabIndex={-1}>
            {t('ops.title')}
          </h1>
          <p className="muted">{t('ops.lead')}</p>
        </div>
        {token && (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => signOut()}>
            {t('ops.signOut')}
          </button>
        )}
      </div>
      {!token ? (
        <TokenForm
          error={rejected}
          onToken={(value) => {
            sessionStorage.setItem(OPS_TOKEN_KEY, value);
            setRejected(undefined);
            setToken(value);
          }}
        />
      ) : (
        <OpsConsole token={token} onUnauthorized={signOut} />
      )}
    </section>
  );
}

function TokenForm({ error, onToken }: { error: ApiError | undefined; onToken(token: string): void }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onToken(value.trim());
  };
  return (
    <form className="card token-form" onSubmit={submit}>
      <label htmlFor={id}>{t('ops.token')}</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-describedby={`${id}-hint`}
        aria-invalid={error !== undefined}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('ops.tokenHint')}
      </p>
      {error && <Notice error={error} />}
      <button type="submit" className="btn btn-primary">
        {t('ops.signIn')}
      </button>
    </form>
  );
}

function OpsConsole({ token, onUnauthorized }: { token: string; onUnauthorized(error: ApiError): void }) {
  const unauthorized = (error: ApiError) => {
    if (error.status === 401) {
      onUnauthorized(error);
      return true;
    }
    return false;
  };
  return (
    <div className="ops-grid">
      <AdmissionPanel token={token} unauthorized={unauthorized} />
      <BotsPanel token={token} />
      <LivePanel token={token} unauthorized={unauthorized} />
    </div>
  );
}

type SaveState = 'idle' | 'saving' | 'saved';

function AdmissionPanel({ token, unauthorized }: { token: string; unauthorized(error: ApiError): boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [form, setForm] = useState<AdmissionSettings | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [save, setSave] = useState<SaveState>('idle');

  const load = () => {
    setError(undefined);
    getAdmissionSettings(token)
      .then(setForm)
      .catch((caught: unknown) => {
        const problem = asApiError(caught);
        if (!unauthorized(problem)) setError(problem);
      });
  };
  useEffect(load, [token]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setSave('saving');
    setError(undefined);
    try {
      setForm(await putAdmissionSettings(token, form));
      setSave('saved');
    } catch (caught) {
      const problem = asApiError(caught);
      setSave('idle');
      if (!unauthorized(problem)) setError(problem);
    }
  };
  const change = (patch: Partial<AdmissionSettings>) => {
    setSave('idle');
    setForm((previous) => (previous ? { ...previous, ...patch } : previous));
  };

  return (
    <form className="card ops-panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('ops.admission')}</h2>
      {!form && !error && <p className="muted">{t('common.loading')}</p>}
      {form && (
        <fieldset disabled={save === 'saving'}>
          <NumberField id={`${id}-rate`} label={t('ops.rate')} value={form.ratePerSecond} step={0.1} min={0} max={100000}
            onChange={(v) => change({ ratePerSecond: v })} testId="rate" />
          <NumberField id={`${id}-batch`} label={t('ops.openBatch')} value={form.openBatch} step={1} min={0} max={1000000}
            onChange={(v) => change({ openBatch: Math.round(v) })} />
          <NumberField id={`${id}-max`} label={t('ops.maxActive')} value={form.maxActive} step={1} min={0} max={1000000}
            onChange={(v) => change({ maxActive: Math.round(v) })} />
          <label className="switch">
            <input type="checkbox" checked={form.paused} onChange={(e) => change({ paused: e.target.checked })} />
            <span className="switch-track" aria-hidden="true" />
            {t('ops.paused')}
          </label>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" data-testid="save-admission">
              {save === 'saving' ? t('common.saving') : t('common.save')}
            </button>
            <span role="status" className="saved-note">
              {save === 'saved' ? `✓ ${t('common.saved')}` : ''}
            </span>
          </div>
        </fieldset>
      )}
      {error && <Notice error={error} onRetry={load} />}
    </form>
  );
}

function NumberField(props: {
  id: string;
  label: string;
  value: number;
  step: number;
  min: number;
  max: number;
  onChange(value: number): void;
  testId?: string;
}) {
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputMode="decimal"
        value={text}
        step={props.step}
        min={props.min}
        max={props.max}
        required
        data-testid={props.testId}
        onChange={(e) => {
          setText(e.target.value);
          const value = Number(e.target.value);
          if (e.target.value !== '' && Number.isFinite(value)) props.onChange(Math.min(props.max, Math.max(props.min, value)));
        }}
      />
    </div>
  );
}

function BotsPanel({ token }: { token: string }) {
  const { t } = useI18n();
  const id = useId();
  const [form, setForm] = useState<BotSettings | undefined>();
  const [unavailable, setUnavailable] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [save, setSave] = useState<SaveState>('idle');

  const load = () => {
    setError(undefined);
    setUnavailable(false);
    getBots(token)
      .then(setForm)
      .catch(() => setUnavailable(true));
  };
  useEffect(load, [token]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setSave('saving');
    setError(undefined);
    try {
      setForm(await putBots(token, form));
      setSave('saved');
    } catch (caught) {
      setSave('idle');
      setError(asApiError(caught));
    }
  };
  const change = (patch: Partial<BotSettings>) => {
    setSave('idle');
    setForm((previous) => (previous ? { ...previous, ...patch } : previous));
  };

  return (
    <form className="card ops-panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('ops.bots')}</h2>
      {unavailable && <Notice tone="warn" message={t('ops.botsUnavailable')} onRetry={load} />}
      {!form && !unavailable && <p className="muted">{t('common.loading')}</p>}
      {form && (
        <fieldset disabled={save === 'saving'}>
          <label className="switch">
            <input type="checkbox" checked={form.enabled} onChange={(e) => change({ enabled: e.target.checked })} />
            <span className="switch-track" aria-hidden="true" />
            {t('ops.botsEnabled')}
          </label>
          <NumberField id={`${id}-per-round`} label={t('ops.perRound')} value={form.perRound} step={1} min={0} max={100000}
            onChange={(v) => change({ perRound: Math.round(v) })} />
          <div className="field">
            <label htmlFor={`${id}-difficulty`}>{t('ops.difficulty')}</label>
            <select id={`${id}-difficulty`} value={form.difficulty} onChange={(e) => change({ difficulty: e.target.value as Difficulty })}>
              {DIFFICULTIES.map((d) => (
                <option key={d} value={d}>
                  {t(`difficulty.${d}`)} ({d})
                </option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              {save === 'saving' ? t('common.saving') : t('common.save')}
            </button>
            <span role="status" className="saved-note">
              {save === 'saved' ? `✓ ${t('common.saved')}` : ''}
            </span>
          </div>
        </fieldset>
      )}
      {error && <Notice error={error} />}
    </form>
  );
}

const STATS_POLL_MS = 1000;

function LivePanel({ token, unauthorized }: { token: string; unauthorized(error: ApiError): boolean }) {
  const { t, lang } = useI18n();
  const clock = useServerClock();
  const clockRef = useRef(clock);
  clockRef.current = clock;
  const [stats, setStats] = useState<AdminStats | undefined>();
  const [series, setSeries] = useState<OpsSeries>(emptySeries);
  const [error, setError] = useState<ApiError | undefined>();
  const unauthorizedRef = useRef(unauthorized);
  unauthorizedRef.current = unauthorized;

  useEffect(() => {
    const aborter = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await getAdminStats(token, aborter.signal);
        if (aborter.signal.aborted) return;
        const at = toEpochMs(next.serverTime) ?? clockRef.current.now();
        setStats(next);
        setError(undefined);
        setSeries((previous) => addStats(previous, at, next));
        const roundId = next.current?.roundId ?? next.currentRoundId;
        // bookings/s and the sell-out curve from the round's results, unless the stats carry bookings themselves
        if (roundId && typeof next.current?.booked !== 'number') {
          try {
            const results = await getResults(roundId, aborter.signal);
            if (!aborter.signal.aborted) {
              const opensAt = toEpochMs(next.current?.opensAt) ?? parseRoundId(roundId);
              setSeries((previous) => addSold(previous, at, roundId, opensAt, num(results.seats?.sold)));
            }
          } catch {
            // booking down: the admission charts go on
          }
        }
      } catch (caught) {
        if (aborter.signal.aborted) return;
        const problem = asApiError(caught);
        if (unauthorizedRef.current(problem)) return;
        setError(problem);
      }
      if (!aborter.signal.aborted) timer = setTimeout(() => void poll(), STATS_POLL_MS);
    };
    void poll();
    return () => {
      aborter.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [token]);

  const current = stats?.current ?? undefined;
  const timeTick = (value: number | string) => clockTime(Number(value), lang);

  return (
    <section className="card ops-live span-2" aria-labelledby="ops-live-title">
      <div className="panel-head">
        <h2 id="ops-live-title">{t('ops.live')}</h2>
        {stats?.currentRoundId && <span className="chip">{t('ops.round', { id: stats.currentRoundId })}</span>}
      </div>
      {error && <Notice error={error} message={t('ops.statsError')} />}
      {stats && !current && <p className="muted">{t('ops.noRound')}</p>}
      <dl className="stat-grid six" data-testid="ops-stats">
        <Stat label={t('ops.entered')} value={num(current?.entered)} />
        <Stat label={t('ops.admitted')} value={num(current?.admitted)} />
        <Stat label={t('ops.waitingNow')} value={num(current?.waiting)} testId="stat-waiting" />
        <Stat label={t('ops.active')} value={num(current?.active)} />
        <Stat
          label={t('ops.humansBots')}
          value={`${num(current?.enteredBy?.humans)} / ${num(current?.enteredBy?.bots)}`}
        />
        <Stat
          label={t('ops.achievedRate')}
          value={`${percent(num(current?.achievedRatePerSecond))}/s`}
          sub={current?.settings ? `${t('ops.rate').split(' (')[0]} ${current.settings.ratePerSecond}` : undefined}
        />
      </dl>
      <div className="charts">
        <TimeChart title={t('ops.queueChart')} points={series.queue} color={COLORS.accent} tick={timeTick} />
        <TimeChart title={t('ops.admittedChart')} points={series.admittedPerSecond} color={COLORS.humans} tick={timeTick} />
        <TimeChart title={t('ops.bookingsChart')} points={series.bookingsPerSecond} color={COLORS.success} tick={timeTick} />
        <figure className="chart-card">
          <figcaption>{t('ops.sellOutChart')}</figcaption>
          <div className="chart-box small" role="img" aria-label={t('ops.sellOutChart')}>
            <Line
              data={{
                datasets: [
                  {
                    label: series.sellOut?.roundId ?? t('ops.sold'),
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
                          label: `${t('ops.previousRound')} ${series.previousSellOut.roundId}`,
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
      </div>
    </section>
  );
}

function Stat({ label, value, sub, testId }: { label: string; value: number | string; sub?: string | undefined; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{typeof value === 'number' ? value.toLocaleString() : value}</dd>
      {sub && <dd className="muted small">{sub}</dd>}
    </div>
  );
}

function TimeChart({ title, points, color, tick }: { title: string; points: XY[]; color: string; tick(value: number | string): string }) {
  return (
    <figure className="chart-card">
      <figcaption>{title}</figcaption>
      <div className="chart-box small" role="img" aria-label={title}>
        <Line
          data={{
            datasets: [
              {
                label: title,
                data: points,
                borderColor: color,
                backgroundColor: `${color}26`,
                fill: true,
                tension: 0.25,
                pointRadius: 0,
              },
            ],
          }}
          options={{
            parsing: false,
            plugins: { legend: { display: false } },
            scales: {
              x: { type: 'linear', ticks: { callback: tick, maxTicksLimit: 5 } },
              y: { beginAtZero: true },
            },
          }}
        />
      </div>
    </figure>
  );
}
