import { useEffect, useId, useRef, type FormEvent } from 'react';
import { AutoRetryNote, Notice } from '../components/Notice';
import { useSecurityLetter, type SecurityLetterOptions } from '../hooks/useSecurityLetter';
import { useI18n } from '../i18n/i18n';
import { isRetryable } from '../lib/problems';
import type { Session } from '../lib/session';

interface Props extends Omit<SecurityLetterOptions, 'input'> {
  session: Session;
  onHome(): void;
}

/** 보안문자: a letter bound to the ticket; a wrong answer uses it up, so a new one comes at once. */
export function SecurityLetter({ session, onSolved, onRoundOver, onHome }: Props) {
  const { t } = useI18n();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const { captcha, answer, setAnswer, busy, error, hint, wait, issue, trySend, retry } = useSecurityLetter(session, {
    input,
    onSolved,
    onRoundOver,
  });

  // the answer field gets focus as soon as the screen shows: every millisecond counts in this step
  useEffect(() => {
    input.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    trySend();
  };

  return (
    <section className="screen captcha" aria-labelledby="captcha-title">
      <h1 id="captcha-title" tabIndex={-1}>
        {t('captcha.title')}
      </h1>
      <p className="lead">{t('captcha.lead')}</p>
      <form className="card captcha-card" onSubmit={submit} noValidate>
        <div className="captcha-image-row">
          <div className="captcha-frame" aria-busy={!captcha && busy}>
            {captcha ? (
              <img src={captcha.image} alt={t('captcha.image')} data-testid="captcha-image" />
            ) : (
              busy && <span className="muted">{t('captcha.loading')}</span>
            )}
          </div>
          <button
            type="button"
            className="btn btn-ghost icon-btn"
            onClick={issue}
            disabled={busy || wait > 0}
            aria-label={t('captcha.refreshLabel')}
            title={t('captcha.refreshLabel')}
          >
            <span aria-hidden="true">↻</span> {t('captcha.refresh')}
          </button>
        </div>
        <label htmlFor={inputId}>{t('captcha.input')}</label>
        <input
          id={inputId}
          ref={input}
          className="captcha-input"
          value={answer}
          onChange={(e) => setAnswer(e.target.value.toUpperCase())}
          placeholder={t('captcha.placeholder')}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={32}
          aria-invalid={hint !== undefined}
          aria-describedby={hint ? `${inputId}-hint` : undefined}
        />
        {hint && (
          <p id={`${inputId}-hint`} className="field-error" role="alert">
            {t(hint)}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block btn-large" disabled={!captcha || busy || wait > 0}>
          {t('captcha.submit')}
        </button>
      </form>
      {error && (
        <Notice error={error.problem} onRetry={isRetryable(error.problem) ? retry : undefined} retryIn={wait}>
          {error.auto && <AutoRetryNote n={error.auto.n} delayMs={error.auto.delayMs} since={error} />}
          <button type="button" className="btn btn-small btn-ghost" onClick={onHome}>
            {t('common.back')}
          </button>
        </Notice>
      )}
    </section>
  );
}
