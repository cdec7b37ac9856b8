import { Notice } from '../components/Notice';
import { PreOpen, Standing } from '../components/WaitingParts';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { ENTRY_AUTO_RETRIES, useQueuePlace, type QueuePlaceOptions } from '../hooks/useQueuePlace';
import { useI18n } from '../i18n/i18n';
import { isRetryable } from '../lib/problems';

/** Polls failed in a row before the player is told the standing is not being updated. */
const POLL_FAILURES_NOTICE = 3;

interface Props extends QueuePlaceOptions {
  nickname: string;
  /** Server time before which entering is pointless (the next round's open). */
  notBefore: number | undefined;
  onHome(): void;
}

/** The queue: the countdown to the entry, the entry, then the place in the queue until admitted or the round closes. */
export function WaitingRoom({ nickname, notBefore, onAdmitted, onRoundOver, onNicknameRefused, onHome }: Props) {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { phase, rateLimited, failures, maxPosition, retry } = useQueuePlace(nickname, notBefore, {
    onAdmitted,
    onRoundOver,
    onNicknameRefused,
  });

  return (
    <section className="screen waiting" aria-labelledby="wait-title">
      <h1 id="wait-title" ref={heading} tabIndex={-1}>
        {t('wait.title')}
      </h1>
      {phase.name === 'scheduled' && (
        <PreOpen at={phase.at} rateLimited={rateLimited} retry={phase.retry} retries={ENTRY_AUTO_RETRIES} />
      )}
      {phase.name === 'entering' && (
        <div className="card center" aria-busy="true">
          <div className="spinner" aria-hidden="true" />
          <p>{t('wait.entering')}</p>
        </div>
      )}
      {phase.name === 'waiting' && (
        <Standing view={phase.view} transport={failures > 0 ? 'stalled' : phase.transport} maxPosition={maxPosition} />
      )}
      {phase.name === 'waiting' && failures >= POLL_FAILURES_NOTICE && (
        <Notice tone="warn" message={t('wait.pollFailing')} />
      )}
      {phase.name === 'closed' && (
        <Notice tone="warn" message={t('wait.closed')} onRetry={retry} retryLabel={t('result.retryNow')} />
      )}
      {phase.name === 'failed' && (
        <Notice error={phase.error} onRetry={isRetryable(phase.error) ? retry : undefined}>
          <button type="button" className="btn btn-small btn-ghost" onClick={onHome}>
            {t('common.back')}
          </button>
        </Notice>
      )}
      <p className="muted small center">
        {nickname} · {t('wait.dontRefresh')}
      </p>
    </section>
  );
}
