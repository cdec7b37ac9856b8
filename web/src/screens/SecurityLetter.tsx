import { useId, type FormEvent } from 'react';
import { AutoRetryNote, Notice } from '../components/Notice';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
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
  // the answer field gets focus as soon as the screen shows: every millisecond counts in this step
  const input = useFocusOnMount<HTMLInputElement>();
  const { captcha, answer, setAnswer, busy, error, hint, wait, answerWait, issue, trySend, retry, listen, listening } =
    useSecurityLetter(session, { input, onSolved, onRoundOver });
  // the focus goes straight to the field: what to do, and that case does not matter (otherwise only its placeholder),
  // are read with it as its description, after what is wrong with the answer if anything
  const leadId = `${inputId}-lead`;
  const caseId = `${inputId}-case`;
  const hintId = `${inputId}-hint`;
  // the audio spells the letter in words ("Charlie, seven"): what to type for them, by the button and by the field
  const audioHintId = `${inputId}-audio`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    trySend();
  };

  return (
    <section className="screen captcha" aria-labelledby="captcha-title">
      <h1 id="captcha-title" tabIndex={-1}>
        {t('captcha.title')}
      </h1>
      <p id={leadId} className="lead">
        {t('captcha.lead')}
      </p>
      <form className="card captcha-card" onSubmit={submit} noValidate>
        <div className="captcha-image-row">
          <div className="captcha-frame" aria-busy={!captcha && busy}>
            {captcha ? (
              <img src={captcha.image} alt={t('captcha.image')} data-testid="captcha-image" />
            ) : (
              busy && <span className="muted">{t('captcha.loading')}</span>
            )}
          </div>
          <div className="captcha-tools">
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
            {/* while it is asked for and plays, it keeps the focus: busy, never disabled (that would drop the focus) */}
            <button
              type="button"
              className="btn btn-ghost icon-btn"
              onClick={listen}
              disabled={!captcha}
              aria-disabled={(!!captcha && (busy || wait > 0)) || undefined}
              aria-busy={listening || undefined}
              aria-label={t('captcha.listenLabel')}
              aria-describedby={audioHintId}
              title={t('captcha.listenLabel')}
              data-testid="captcha-listen"
            >
              <SpeakerIcon /> {t('captcha.listen')}
            </button>
          </div>
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
          aria-describedby={`${hint ? `${hintId} ` : ''}${leadId} ${caseId} ${audioHintId}`}
        />
        <span id={caseId} className="sr-only">
          {t('captcha.caseHint')}
        </span>
        <p id={audioHintId} className="field-hint">
          {t('captcha.audioHint')}
        </p>
        {hint && (
          <p id={hintId} className="field-error" role="alert">
            {t(hint)}
          </p>
        )}
        {/* never disabled, which would drop its focus on the page: while its answer is on its way (until the seat map
            takes the focus), during a refusal's Retry-After and while a new letter comes after a wrong answer it is
            marked unavailable and sends nothing (trySend) */}
        <button
          type="submit"
          className="btn btn-primary btn-block btn-large"
          aria-disabled={!captcha || busy || answerWait > 0 || undefined}
          aria-busy={(!!captcha && busy) || undefined}
        >
          {t('captcha.submit')}
        </button>
      </form>
      {error && (
        <Notice
          error={error.problem}
          // a letter gone is said as such: the audio asked for it, not a new letter on its way (the answer sends it)
          message={
            error.during === 'audio' && error.problem.slug === 'unknown-captcha' ? t('captcha.audioGone') : undefined
          }
          onRetry={isRetryable(error.problem) ? retry : undefined}
          retryIn={wait}
        >
          {error.auto && <AutoRetryNote n={error.auto.n} delayMs={error.auto.delayMs} since={error} />}
          <button type="button" className="btn btn-small btn-ghost" onClick={onHome}>
            {t('common.back')}
          </button>
        </Notice>
      )}
    </section>
  );
}

/** A speaker, drawn: the 🔊 emoji is a missing-glyph box where no emoji font is installed (a Linux desktop). */
function SpeakerIcon() {
  return (
    <svg
      aria-hidden="true"
      width="1.3em"
      height="1.3em"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M4 9v6h4l5 4V5L8 9z" />
      <path d="M16.5 8.5a5 5 0 0 1 0 7M19.5 5.5a9 9 0 0 1 0 13" />
    </svg>
  );
}
