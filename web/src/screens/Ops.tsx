import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/http';
import { getAdmissionSettings, getBots, putAdmissionSettings, putBots } from '../api/ops';
import { DIFFICULTIES, type AdmissionSettings, type BotSettings, type Difficulty } from '../api/types';
import { COLORS } from '../components/charts';
import { ConfirmationsPanel } from '../components/ConfirmationsPanel';
import { LiveStats } from '../components/LiveStats';
import { Notice } from '../components/Notice';
import { SellOutChart, TimeChart } from '../components/OpsCharts';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { useOpsStats } from '../hooks/useOpsStats';
import { useSettingsForm, type SaveState } from '../hooks/useSettingsForm';
import { useI18n } from '../i18n/i18n';
import { clockTime, localeOf } from '../lib/format';

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
      <ConfirmationsPanel token={token} />
    </div>
  );
}

function AdmissionPanel({ token, unauthorized }: { token: string; unauthorized(error: ApiError): boolean }) {
  const { t } = useI18n();
  const id = useId();
  const { form, error, failedAt, dirty, save, change, setFieldValid, generation, submit, reload, retry } =
    useSettingsForm<AdmissionSettings>(token, {
      read: getAdmissionSettings,
      write: putAdmissionSettings,
      // a refused token signs out, whether reading or saving
      onReadError: unauthorized,
      onSaveError: unauthorized,
    });
  const field = { generation, onValidity: setFieldValid };

  return (
    // noValidate: the fields say what is out of range themselves, and the form says it was not saved
    <form className="card ops-panel" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t('ops.admission')}</h2>
      {!form && !error && <p className="muted">{t('common.loading')}</p>}
      {form && (
        <fieldset disabled={save === 'saving'}>
          <NumberField
            id={`${id}-rate`}
            label={t('ops.rate')}
            value={form.ratePerSecond}
            // any rate admission accepts (0.25 too): a coarser step would make the browser refuse to submit it
            step="any"
            min={0}
            max={100000}
            onChange={(v) => change({ ratePerSecond: v })}
            testId="rate"
            {...field}
          />
          <NumberField
            id={`${id}-batch`}
            label={t('ops.openBatch')}
            value={form.openBatch}
            step={1}
            min={0}
            max={1000000}
            onChange={(v) => change({ openBatch: v })}
            {...field}
          />
          <NumberField
            id={`${id}-max`}
            label={t('ops.maxActive')}
            value={form.maxActive}
            step={1}
            min={0}
            max={1000000}
            onChange={(v) => change({ maxActive: v })}
            {...field}
          />
          <label className="switch">
            <input type="checkbox" checked={form.paused} onChange={(e) => change({ paused: e.target.checked })} />
            <span className="switch-track" aria-hidden="true" />
            {t('ops.paused')}
          </label>
          <SaveActions save={save} dirty={dirty} testId="save-admission" />
        </fieldset>
      )}
      {error && (
        // a failed save keeps the edits: retry sends them again, and only "discard" reads the settings afresh
        <Notice error={error} onRetry={retry} retryLabel={failedAt === 'save' ? t('ops.saveAgain') : undefined}>
          {failedAt === 'save' && (
            <button type="button" className="btn btn-small btn-ghost" onClick={reload}>
              {t('ops.discard')}
            </button>
          )}
        </Notice>
      )}
    </form>
  );
}

/**
 * A number input that passes on only what can be saved: a value in [min, max] (a whole one unless `step` is "any").
 * Anything else stays as typed, is marked invalid with the range beside it, and keeps the form from saving
 * (`onValidity`), rather than being clamped or dropped without a word.
 */
function NumberField(props: {
  id: string;
  label: string;
  value: number;
  step: number | 'any';
  min: number;
  max: number;
  onChange(value: number): void;
  /** Whether what is typed can be saved, under this field's id. */
  onValidity(field: string, valid: boolean): void;
  /** The form's reads so far: a new read replaces what was typed, even with the same value. */
  generation: number;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const { id, min, max, step, onValidity } = props;
  const [text, setText] = useState(String(props.value));
  const [invalid, setInvalid] = useState(false);
  // a new value from outside (loaded, saved) replaces what was typed
  const [shown, setShown] = useState({ value: props.value, generation: props.generation });
  if (props.value !== shown.value || props.generation !== shown.generation) {
    setShown({ value: props.value, generation: props.generation });
    setText(String(props.value));
    setInvalid(false);
  }
  // a field that goes away leaves nothing to keep the form from saving
  useEffect(() => () => onValidity(id, true), [id, onValidity]);
  const whole = step !== 'any';
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode={whole ? 'numeric' : 'decimal'}
        value={text}
        step={step}
        min={min}
        max={max}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        data-testid={props.testId}
        onChange={(e) => {
          setText(e.target.value);
          const value = Number(e.target.value);
          const valid =
            e.target.value.trim() !== '' &&
            Number.isFinite(value) &&
            value >= min &&
            value <= max &&
            (!whole || Number.isInteger(value));
          setInvalid(!valid);
          onValidity(id, valid);
          if (valid) props.onChange(value);
        }}
      />
      {invalid && (
        <p id={errorId} className="field-error">
          {t(whole ? 'ops.outOfRangeWhole' : 'ops.outOfRange', {
            min: min.toLocaleString(localeOf(lang)),
            max: max.toLocaleString(localeOf(lang)),
          })}
        </p>
      )}
    </div>
  );
}

/**
 * A settings form's save button and a note (announced: it is a status) that says it was saved, or that it holds
 * changes not saved yet.
 */
function SaveActions({ save, dirty, testId }: { save: SaveState; dirty: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary" data-testid={testId}>
        {save === 'saving' ? t('common.saving') : t('common.save')}
      </button>
      <span
        role="status"
        className={`saved-note ${save === 'invalid' ? 'is-invalid' : save !== 'saved' && dirty ? 'is-unsaved' : ''}`}
      >
        {save === 'saved'
          ? `✓ ${t('common.saved')}`
          : save === 'invalid'
            ? t('ops.notSavedInvalid')
            : dirty
              ? t('common.unsaved')
              : ''}
      </span>
    </div>
  );
}

function BotsPanel({ token }: { token: string }) {
  const { t } = useI18n();
  const id = useId();
  // bot-runner is optional: any failed read, a 401 too, means it is not there, and the rest of the console goes on
  const [unavailable, setUnavailable] = useState(false);
  const { form, error, dirty, save, change, setFieldValid, generation, submit, reload } = useSettingsForm<BotSettings>(
    token,
    {
      read: getBots,
      write: putBots,
      onReadError: () => {
        setUnavailable(true);
        return true;
      },
      // a failed save, a 401 too, shows here: only admission's answer signs the console out
    },
  );
  const retry = () => {
    setUnavailable(false);
    reload();
  };

  return (
    <form className="card ops-panel" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t('ops.bots')}</h2>
      {unavailable && <Notice tone="warn" message={t('ops.botsUnavailable')} onRetry={retry} />}
      {!form && !unavailable && <p className="muted">{t('common.loading')}</p>}
      {form && (
        <fieldset disabled={save === 'saving'}>
          <label className="switch">
            <input type="checkbox" checked={form.enabled} onChange={(e) => change({ enabled: e.target.checked })} />
            <span className="switch-track" aria-hidden="true" />
            {t('ops.botsEnabled')}
          </label>
          <NumberField
            id={`${id}-per-round`}
            label={t('ops.perRound')}
            value={form.perRound}
            step={1}
            min={0}
            max={100000}
            onChange={(v) => change({ perRound: v })}
            generation={generation}
            onValidity={setFieldValid}
          />
          <div className="field">
            <label htmlFor={`${id}-difficulty`}>{t('ops.difficulty')}</label>
            <select
              id={`${id}-difficulty`}
              value={form.difficulty}
              onChange={(e) => change({ difficulty: e.target.value as Difficulty })}
            >
              {DIFFICULTIES.map((d) => (
                <option key={d} value={d}>
                  {t(`difficulty.${d}`)} ({d})
                </option>
              ))}
            </select>
          </div>
          <SaveActions save={save} dirty={dirty} />
        </fieldset>
      )}
      {error && <Notice error={error} />}
    </form>
  );
}

function LivePanel({ token, unauthorized }: { token: string; unauthorized(error: ApiError): boolean }) {
  const { t, lang } = useI18n();
  const { stats, series, error, confirmedStale } = useOpsStats(token, unauthorized);
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
      <LiveStats current={current} />
      {confirmedStale && <Notice tone="warn" message={t('ops.confirmedStale')} />}
      <div className="charts">
        <TimeChart title={t('ops.queueChart')} points={series.queue} color={COLORS.accent} tick={timeTick} />
        <TimeChart
          title={t('ops.admittedChart')}
          points={series.admittedPerSecond}
          color={COLORS.humans}
          tick={timeTick}
        />
        <TimeChart
          title={t('ops.bookingsChart')}
          points={series.bookingsPerSecond}
          color={COLORS.success}
          tick={timeTick}
        />
        <SellOutChart series={series} />
      </div>
    </section>
  );
}
