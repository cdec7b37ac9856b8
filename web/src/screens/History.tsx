import { useId, useRef, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../api/http';
import { STEP_NAMES, type PlayerHistory } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { TrendChart } from '../components/TrendChart';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { useHistory } from '../hooks/useHistory';
import { useI18n } from '../i18n/i18n';
import { parseRoundId } from '../lib/clock';
import { localeOf, percent, seconds } from '../lib/format';
import { isValidNickname, normalizeNickname, storedNickname } from '../lib/nickname';
import { stepKey } from '../lib/debrief';
import { TREND_LENGTH } from '../lib/trend';

/** `#/history`: this device's record under a nickname — share won, bests, the trend, every attempt; and erasing it. */
export function History() {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [nickname, setNickname] = useState(() => {
    const stored = storedNickname();
    return isValidNickname(stored) ? normalizeNickname(stored) : undefined;
  });
  const { state, reload, erase } = useHistory(nickname);
  const [asking, setAsking] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [eraseError, setEraseError] = useState<ApiError | undefined>();
  const [erased, setErased] = useState(false);
  const eraseButton = useRef<HTMLButtonElement>(null);

  const closeDialog = (historyGone = false) => {
    setAsking(false);
    // back to where the question came from, or to the page's heading once the button goes with the history (it may
    // still be on the page for a moment while the emptied history loads: focusing it then would lose the focus)
    requestAnimationFrame(() => (historyGone ? heading.current : (eraseButton.current ?? heading.current))?.focus());
  };
  const confirmErase = async () => {
    setErasing(true);
    setEraseError(undefined);
    let gone = false;
    try {
      await erase();
      setErased(true);
      gone = true;
    } catch (caught) {
      setEraseError(asApiError(caught));
    } finally {
      setErasing(false);
      closeDialog(gone);
    }
  };

  const history = state.name === 'ready' ? state.history : undefined;
  return (
    <section className="screen history" aria-labelledby="history-title">
      <div className="screen-head">
        <h1 id="history-title" ref={heading} tabIndex={-1}>
          {t('history.title')}
        </h1>
        <p className="muted">{t('history.lead')}</p>
      </div>

      <NicknamePicker
        current={nickname}
        onPick={(value) => {
          setErased(false);
          setNickname(value);
        }}
      />

      {erased && <Notice tone="success" message={t('history.erased')} />}
      {eraseError && <Notice error={eraseError} />}

      {state.name === 'idle' && (
        <div className="card center">
          <p>{t('history.noNickname')}</p>
          <a className="btn btn-primary" href="#/">
            {t('history.play')}
          </a>
        </div>
      )}
      {state.name === 'loading' && (
        <p className="muted" aria-busy="true">
          {t('common.loading')}
        </p>
      )}
      {state.name === 'failed' && <Notice error={state.error} onRetry={reload} />}
      {history && history.attempts.length === 0 && (
        <div className="card center" data-testid="history-empty">
          <p>{t('history.empty')}</p>
          <a className="btn btn-primary" href="#/">
            {t('history.play')}
          </a>
        </div>
      )}
      {history && history.attempts.length > 0 && (
        <>
          <Record history={history} />
          <div className="actions">
            <button
              ref={eraseButton}
              type="button"
              className="btn btn-danger-ghost"
              onClick={() => setAsking(true)}
              aria-haspopup="dialog"
            >
              {t('history.erase')}
            </button>
          </div>
          {asking && (
            <ConfirmDialog
              title={t('history.eraseTitle')}
              confirmLabel={erasing ? t('history.erasing') : t('history.eraseConfirm')}
              cancelLabel={t('history.eraseCancel')}
              busy={erasing}
              onConfirm={() => void confirmErase()}
              onCancel={() => closeDialog()}
            >
              <p>{t('history.eraseBody', { n: history.nickname, count: history.rounds })}</p>
            </ConfirmDialog>
          )}
        </>
      )}
    </section>
  );
}

function NicknamePicker({ current, onPick }: { current: string | undefined; onPick(nickname: string): void }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(current ?? '');
  const valid = isValidNickname(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onPick(normalizeNickname(value));
  };
  return (
    <form className="history-nickname" onSubmit={submit} noValidate>
      <label htmlFor={id}>{t('history.nickname')}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoComplete="nickname"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={40}
        aria-invalid={value !== '' && !valid}
      />
      <button type="submit" className="btn btn-ghost" disabled={!valid}>
        {t('history.show')}
      </button>
    </form>
  );
}

function Record({ history }: { history: PlayerHistory }) {
  const { t, lang } = useI18n();
  return (
    <div className="result-grid">
      <section className="card" aria-labelledby="history-summary">
        <h2 id="history-summary">{t('history.summary')}</h2>
        <dl className="stat-grid three" data-testid="history-summary">
          <div>
            <dt>{t('history.rounds')}</dt>
            <dd>{history.rounds}</dd>
          </div>
          <div>
            <dt>{t('history.won')}</dt>
            <dd>{t('history.wonValue', { won: history.won, p: percent(history.wonPercent) })}</dd>
          </div>
          <div>
            <dt>{t('history.bestTotal')}</dt>
            <dd>{seconds(history.bests.totalMs, lang)}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="history-bests">
        <h2 id="history-bests">{t('history.bests')}</h2>
        <dl className="stat-grid three" data-testid="history-bests">
          {STEP_NAMES.map((step) => (
            <div key={step}>
              <dt>{t(`debrief.s.${step}`)}</dt>
              <dd>{seconds(history.bests[stepKey(step)], lang)}</dd>
            </div>
          ))}
          <div>
            <dt>{t('debrief.total')}</dt>
            <dd>{seconds(history.bests.totalMs, lang)}</dd>
          </div>
        </dl>
        <p className="muted small">{t('history.bestsNote')}</p>
      </section>

      <section className="card span-2" aria-labelledby="history-trend">
        <h2 id="history-trend">
          {history.attempts.length === 1
            ? t('history.trendOne')
            : t('history.trend', { n: Math.min(TREND_LENGTH, history.attempts.length) })}
        </h2>
        <TrendChart attempts={history.attempts} />
      </section>

      <section className="card span-2" aria-labelledby="history-attempts">
        <h2 id="history-attempts">{t('history.attempts')}</h2>
        <div className="table-scroll">
          {/* on a phone each attempt is a card (styles.css): explicit roles keep it a table for screen readers */}
          <table className="history-table" role="table" data-testid="history-attempts">
            <thead role="rowgroup" className="sr-only-phone">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {t('history.round')}
                </th>
                <th scope="col" role="columnheader">
                  {t('history.outcome')}
                </th>
                <th scope="col" role="columnheader" className="num">
                  {t('debrief.total')}
                </th>
                {STEP_NAMES.map((step) => (
                  <th key={step} scope="col" role="columnheader" className="num">
                    {t(`debrief.s.${step}`)}
                  </th>
                ))}
                <th scope="col" role="columnheader">
                  {t('history.seat')}
                </th>
                <th scope="col" role="columnheader" className="num">
                  {t('history.queue')}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {history.attempts.map((attempt) => (
                <tr
                  key={attempt.ticketId || attempt.roundId}
                  role="row"
                  className={`outcome-${attempt.outcome.toLowerCase()}`}
                >
                  <th scope="row" role="rowheader">
                    <time dateTime={attempt.roundId}>{roundLabel(attempt.roundId, lang)}</time>
                  </th>
                  <td role="cell" data-label={t('history.outcome')}>
                    {t(`history.outcome.${attempt.outcome}`)}
                  </td>
                  <td role="cell" className="num" data-label={t('debrief.total')}>
                    {seconds(attempt.totalMs, lang)}
                  </td>
                  {STEP_NAMES.map((step) => (
                    <td key={step} role="cell" className="num" data-label={t(`debrief.s.${step}`)}>
                      {seconds(attempt.steps[stepKey(step)], lang)}
                    </td>
                  ))}
                  <td role="cell" data-label={t('history.seat')}>
                    {attempt.seatId ?? '—'}
                  </td>
                  <td role="cell" className="num" data-label={t('history.queue')}>
                    {attempt.queueNumber === null
                      ? '—'
                      : attempt.entered === null
                        ? attempt.queueNumber
                        : t('history.queueValue', { n: attempt.queueNumber, m: attempt.entered })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

/**
 * `20261203T170000Z` → "12. 3. 02:00:00" / "3 Dec, 02:00:00" in the viewer's zone: the month by name in English, as
 * "06/12" reads as June to some and December to others. The id itself if unparsable.
 */
function roundLabel(roundId: string, lang: 'ko' | 'en'): string {
  const at = parseRoundId(roundId);
  if (at === undefined) return roundId;
  return new Date(at).toLocaleString(localeOf(lang), {
    month: lang === 'ko' ? 'numeric' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}
