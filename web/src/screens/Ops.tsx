import { memo, useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/http';
import { DIFFICULTIES, type AdmissionSettings, type Difficulty, type Versioned } from '../api/types';
import { COLORS } from '../components/charts';
import { ConfirmationsPanel } from '../components/ConfirmationsPanel';
import { LiveStats, PausedBadge, RoundStateChip } from '../components/LiveStats';
import { Notice } from '../components/Notice';
import { OpsNotice } from '../components/OpsNotice';
import { RoundOpenedAt } from '../components/RoundOpenedAt';
import { SellOutChart, TimeChart } from '../components/OpsCharts';
import { ChangedElsewhere, NumberField, SaveActions } from '../components/SettingsParts';
import { useServerClock, useServerNow } from '../hooks/serverClock';
import { useCountdown } from '../hooks/useCountdown';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useAdmissionForm, useBotsForm } from '../hooks/useOpsForms';
import { useOpsSignIn } from '../hooks/useOpsSignIn';
import { useOpsStats } from '../hooks/useOpsStats';
import type { SettingsForm } from '../hooks/useSettingsForm';
import { useI18n } from '../i18n/i18n';
import { clockTime } from '../lib/format';
import { resultsStaleMessage, serviceAnswered } from '../lib/opsProblems';
import { roundStateAt, statsRound } from '../lib/opsRound';
import type { OpsSeries } from '../lib/opsSeries';

export { OPS_TOKEN_KEY } from '../hooks/useOpsSignIn';

export function Ops() {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // the token is checked with one call before any panel reads (a refused token is a failed sign-in)
  const { token, checked, candidate, checking, error, resets, signIn, signOut } = useOpsSignIn();

  return (
    <section className="screen ops" aria-labelledby="ops-title">
      <div className="screen-head">
        <div>
          <h1 id="ops-title" ref={heading} tabIndex={-1}>
            {t('ops.title')}
          </h1>
          <p className="muted">{t('ops.lead')}</p>
        </div>
        {(token || candidate) && (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => signOut()}>
            {t('ops.signOut')}
          </button>
        )}
      </div>
      {!token ? (
        // a refused or forgotten token starts the form afresh; one a lockout kept from its check stays, to send again
        <TokenForm key={resets} initial={candidate} error={error} checking={checking} onToken={signIn} />
      ) : (
        <OpsConsole token={token} checked={checked} onUnauthorized={signOut} />
      )}
    </section>
  );
}

function TokenForm({
  initial,
  error,
  checking,
  onToken,
}: {
  /** What the field starts with: the token a lockout kept from its check, else nothing. */
  initial: string;
  error: ApiError | undefined;
  checking: boolean;
  onToken(token: string): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(initial);
  // the lockout's seconds: any token sent before they pass is refused again, unchecked
  const lockedFor = useCountdown(error?.status === 429 ? error.retryAfter : undefined, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() && !checking && lockedFor <= 0) onToken(value.trim());
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
        aria-invalid={error?.status === 401}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('ops.tokenHint')}
      </p>
      {/* a lockout is said with its seconds, the field kept: the token can be sent (or another typed) once it passes */}
      {error && <OpsNotice error={error} />}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={checking || lockedFor > 0}
        aria-busy={checking || undefined}
      >
        {checking ? t('ops.checkingToken') : t('ops.signIn')}
      </button>
    </form>
  );
}

function OpsConsole({
  token,
  checked,
  onUnauthorized,
}: {
  token: string;
  /** Admission's settings as the token's check read them: the form's first read. */
  checked: Versioned<AdmissionSettings> | undefined;
  onUnauthorized(error: ApiError): void;
}) {
  const unauthorized = (error: ApiError) => {
    if (error.status === 401) {
      onUnauthorized(error);
      return true;
    }
    return false;
  };
  // kept here: the live panel says too when the settings in force pause admission
  const admission = useAdmissionForm(token, unauthorized, checked);
  const oneColumn = useMediaQuery(ONE_COLUMN);
  const forms = [<AdmissionPanel key="admission" admission={admission} />, <BotsPanel key="bots" token={token} />];
  const live = <LivePanel key="live" token={token} unauthorized={unauthorized} admissionInForce={admission.inForce} />;
  // in one column the live panel comes first, in the page's order (read and tabbed through as seen), not moved by CSS;
  // keyed, a panel keeps its state (polls, charts, edits) when the window crosses the width
  return (
    <div className="ops-grid">
      {oneColumn ? [live, ...forms] : [...forms, live]}
      <ConfirmationsPanel token={token} />
    </div>
  );
}

/** Where the console's grid is one column (styles.css): below it the settings forms would push the live panel down. */
const ONE_COLUMN = '(max-width: 860px)';

function AdmissionPanel({ admission }: { admission: SettingsForm<AdmissionSettings> }) {
  const { t } = useI18n();
  const id = useId();
  const { form, inForce, error, failedAt, dirty, save, change, setFieldValid, generation, submit, reload, retry } =
    admission;
  const field = { generation, onValidity: setFieldValid };

  return (
    // noValidate: the fields say what is out of range themselves, and the form says it was not saved
    <form className="card ops-panel" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <div className="panel-head">
        <h2 id={`${id}-title`}>{t('ops.admission')}</h2>
        {inForce?.paused && <PausedBadge />}
      </div>
      {!form && !error && <p className="muted">{t('common.loading')}</p>}
      <ChangedElsewhere
        changedElsewhere={admission.changedElsewhere}
        conflict={admission.conflicted ? t('ops.settingsConflict') : undefined}
        onShowInForce={reload}
      />
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
        <OpsNotice error={error} onRetry={retry} retryLabel={failedAt === 'save' ? t('ops.saveAgain') : undefined}>
          {failedAt === 'save' && (
            <button type="button" className="btn btn-small btn-ghost" onClick={reload}>
              {t('ops.discard')}
            </button>
          )}
        </OpsNotice>
      )}
    </form>
  );
}

function BotsPanel({ token }: { token: string }) {
  const { t } = useI18n();
  const id = useId();
  // bot-runner is optional: a failed read shows here, and the rest of the console goes on (a 401 too: only
  // admission's answer signs the console out)
  const { form, error, failedAt, dirty, save, change, setFieldValid, generation, submit, reload, changedElsewhere } =
    useBotsForm(token);
  // no answer at all is bot-runner out of reach; an answer (a refused token, a lockout) says what it is
  const failure = error && !serviceAnswered(error) ? t('ops.botsUnavailable') : undefined;

  return (
    <form className="card ops-panel" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t('ops.bots')}</h2>
      {error && failedAt === 'read' && <OpsNotice error={error} message={failure} onRetry={reload} />}
      {!form && !error && <p className="muted">{t('common.loading')}</p>}
      <ChangedElsewhere changedElsewhere={changedElsewhere} conflict={undefined} onShowInForce={reload} />
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
      {error && failedAt === 'save' && <OpsNotice error={error} message={failure} />}
    </form>
  );
}

function LivePanel({
  token,
  unauthorized,
  admissionInForce,
}: {
  token: string;
  unauthorized(error: ApiError): boolean;
  /** Admission's settings in force as its form last read them (a save puts its own there at once). */
  admissionInForce: AdmissionSettings | undefined;
}) {
  const { t } = useI18n();
  const { stats, series, error, confirmedError } = useOpsStats(token, unauthorized);
  const { timing } = useServerClock();
  const now = useServerNow(250);
  const current = stats?.current ?? undefined;
  const known = stats !== undefined && !error;
  const round = stats && statsRound(stats, timing);
  const state = round && roundStateAt(round, now, timing);
  const open = state?.open === true;
  // an open round's own settings, read with its stats every second (a change shows at once); otherwise those in force,
  // which the next round opens with: a closed round's stats keep the settings it closed with
  const settings = (open && known ? current?.settings : undefined) ?? admissionInForce;
  const paused = settings?.paused === true;

  return (
    <section className="card ops-live span-2" aria-labelledby="ops-live-title">
      <div className="panel-head">
        <h2 id="ops-live-title">{t('ops.live')}</h2>
        <div className="panel-chips">
          {paused && <PausedBadge />}
          {stats?.currentRoundId && (
            <span className="chip" data-testid="ops-round">
              <RoundOpenedAt roundId={stats.currentRoundId} />
            </span>
          )}
          {state && known && <RoundStateChip state={state} now={now} />}
        </div>
      </div>
      {paused && <Notice tone="warn" message={t('ops.pausedNotice')} />}
      {error && <OpsNotice error={error} message={t('ops.statsError')} />}
      {stats && !current && !error && <p className="muted">{t(open ? 'ops.noRound' : 'ops.noRoundClosed')}</p>}
      <LiveStats current={current} known={known} settings={settings} open={open} />
      {confirmedError && <Notice tone="warn" message={resultsStaleMessage(confirmedError, t)} />}
      <LiveCharts series={series} />
    </section>
  );
}

/** No line across this long without a stats reading (one a second): a closed round's queue, a failed poll. */
const LIVE_GAP_MS = 5_000;

/**
 * The live panel's charts: redrawn with each new reading (`series` is kept by `useOpsStats`), not on every tick of the
 * round's countdown.
 */
const LiveCharts = memo(function LiveCharts({ series }: { series: OpsSeries }) {
  const { t, lang } = useI18n();
  const tick = (value: number | string) => clockTime(Number(value), lang);
  // the three time charts share one time axis, from the first reading to the last, so they stay side by side when one
  // has no new point (the queue between rounds)
  const firsts = [series.queue, series.admittedPerSecond, series.bookingsPerSecond].flatMap((p) => p[0]?.x ?? []);
  const until = series.admitted?.at;
  const span = firsts.length > 0 && until !== undefined ? { from: Math.min(...firsts), until } : undefined;
  const time = { tick, span, breakAfterMs: LIVE_GAP_MS };
  return (
    <div className="charts">
      <TimeChart title={t('ops.queueChart')} points={series.queue} color={COLORS.accent} {...time} />
      <TimeChart
        title={t('ops.admittedChart')}
        points={series.admittedPerSecond}
        color={COLORS.humans}
        rate
        {...time}
      />
      <TimeChart
        title={t('ops.bookingsChart')}
        points={series.bookingsPerSecond}
        color={COLORS.success}
        rate
        {...time}
      />
      <SellOutChart series={series} />
    </div>
  );
});
