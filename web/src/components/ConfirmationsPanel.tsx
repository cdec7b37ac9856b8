import { useId, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/http';
import { redriveDeadLetters } from '../api/ops';
import type { Redriven } from '../api/types';
import { num } from '../api/wire';
import { useConfirmations } from '../hooks/useConfirmations';
import { useI18n } from '../i18n/i18n';
import { clockTime } from '../lib/format';
import { confirmationsPollMessage } from '../lib/opsProblems';
import { COLORS } from './charts';
import { ConfirmDialog } from './ConfirmDialog';
import { Stat } from './LiveStats';
import { Notice } from './Notice';
import { OpsNotice } from './OpsNotice';
import { TimeChart } from './OpsCharts';

/** The instant booking said MySQL has failed it since, in epoch ms; undefined while it answers (or unreadable). */
function since(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The confirmations on their way to MySQL (booking's SQS queue): what ops watch during a MySQL or SQS outage, and the
 * dead-letter queue's redrive. Booking's answers never sign the console out, a 401 neither: only admission's does; a
 * refused token stops the polling until ops try again.
 */
export function ConfirmationsPanel({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const { backlog, series, error, retry } = useConfirmations(token);
  const [asking, setAsking] = useState(false);
  const [redriving, setRedriving] = useState(false);
  const [redriven, setRedriven] = useState<Redriven | undefined>();
  const [redriveError, setRedriveError] = useState<ApiError | undefined>();
  const redriveButton = useRef<HTMLButtonElement>(null);
  const timeTick = (value: number | string) => clockTime(Number(value), lang);
  const deadLetters = backlog?.deadLetters ?? 0;
  const mysqlDownSince = since(backlog?.mysqlFailingSince);

  const closeDialog = () => {
    setAsking(false);
    // back to the button the question came from (gone once the dead letters are: then the page keeps the focus)
    requestAnimationFrame(() => redriveButton.current?.focus());
  };
  const redrive = async () => {
    setRedriving(true);
    setRedriven(undefined);
    setRedriveError(undefined);
    try {
      setRedriven(await redriveDeadLetters(token));
    } catch (caught) {
      setRedriveError(asApiError(caught));
    } finally {
      setRedriving(false);
      closeDialog();
    }
  };

  return (
    <section className="card ops-confirmations span-2" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>{t('ops.confirmations.title')}</h2>
      </div>
      <p className="muted">{t('ops.confirmations.lead')}</p>
      {error && <OpsNotice error={error} message={confirmationsPollMessage(error, t)} onRetry={retry} />}
      {!backlog && !error && <p className="muted">{t('common.loading')}</p>}
      {mysqlDownSince !== undefined && (
        <Notice tone="warn" message={t('ops.confirmations.mysqlDown', { since: clockTime(mysqlDownSince, lang) })} />
      )}
      {backlog && (
        <dl className="stat-grid three" data-testid="confirm-stats">
          <Stat label={t('ops.confirmations.waiting')} value={backlog.waiting} testId="confirm-waiting" />
          <Stat label={t('ops.confirmations.inFlight')} value={backlog.inFlight} testId="confirm-in-flight" />
          <Stat label={t('ops.confirmations.deadLetters')} value={deadLetters} testId="confirm-dead-letters" />
        </dl>
      )}
      {deadLetters > 0 && (
        <>
          <Notice
            tone="warn"
            message={t('ops.confirmations.deadLettersWarning', { n: deadLetters.toLocaleString() })}
          />
          <div className="form-actions">
            <button
              ref={redriveButton}
              type="button"
              className="btn btn-primary"
              onClick={() => setAsking(true)}
              disabled={redriving}
              aria-haspopup="dialog"
              data-testid="redrive"
            >
              {redriving ? t('ops.confirmations.redriving') : t('ops.confirmations.redrive')}
            </button>
          </div>
        </>
      )}
      {redriven && (
        <Notice
          tone="success"
          message={t('ops.confirmations.redriven', {
            moved: num(redriven.moved).toLocaleString(),
            remaining: num(redriven.remaining).toLocaleString(),
          })}
        />
      )}
      {redriveError && <OpsNotice error={redriveError} />}
      {asking && (
        <ConfirmDialog
          title={t('ops.confirmations.redriveTitle')}
          confirmLabel={redriving ? t('ops.confirmations.redriving') : t('ops.confirmations.redrive')}
          cancelLabel={t('ops.confirmations.cancel')}
          busy={redriving}
          onConfirm={() => void redrive()}
          onCancel={closeDialog}
        >
          <p>{t('ops.confirmations.redriveBody', { n: deadLetters.toLocaleString() })}</p>
        </ConfirmDialog>
      )}
      <div className="charts">
        <TimeChart
          title={t('ops.confirmations.onTheirWayChart')}
          points={series.onTheirWay}
          color={COLORS.accent}
          tick={timeTick}
        />
        <TimeChart
          title={t('ops.confirmations.deadLettersChart')}
          points={series.deadLetters}
          color={COLORS.bots}
          tick={timeTick}
        />
      </div>
    </section>
  );
}
