import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { answerCaptcha, issueCaptcha } from '../api/booking';
import { ApiError, asApiError } from '../api/http';
import type { Captcha } from '../api/types';
import { AutoRetryNote, Notice } from '../components/Notice';
import { useServerClock } from '../hooks/serverClock';
import { useCountdown } from '../hooks/useCountdown';
import { useLatest } from '../hooks/useLatest';
import { useMounted } from '../hooks/useMounted';
import { useRoundEnd } from '../hooks/useRoundEnd';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { closesAtOf } from '../lib/clock';
import { autoRetryDelay, endsRound, isRetryable } from '../lib/problems';
import type { Session } from '../lib/session';

interface Props {
  session: Session;
  onSolved(): void;
  /** The round ended for this ticket (closed, token no longer valid): on to the result and its debrief. */
  onRoundOver(problem: ApiError): void;
  onHome(): void;
}

/** 보안문자: a letter bound to the ticket; a wrong answer uses it up, so a new one comes at once. */
export function SecurityLetter({ session, onSolved, onRoundOver, onHome }: Props) {
  const { t } = useI18n();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [captcha, setCaptcha] = useState<Captcha | undefined>();
  const [answer, setAnswer] = useState('');
  // busy from the start: the first letter is asked for as the screen shows
  const [busy, setBusy] = useState(true);
  // what failed: asking for a letter (retried with a new one) or sending the answer (sent again: the letter still holds);
  // `auto`: a 503 tried again by itself after `delayMs`, the `n`th time in a row
  const [error, setError] = useState<
    { problem: ApiError; during: 'letter' | 'answer'; auto?: { n: number; delayMs: number } } | undefined
  >();
  const clock = useLatest(useServerClock());
  /** 503s in a row tried again by themselves (AUTO_RETRIES at most); back to 0 on any other answer. */
  const autoTries = useRef(0);
  /** The failure to show, and whether it is tried again by itself (a 503, a few times, not past the close). */
  const failed = (problem: ApiError, during: 'letter' | 'answer') => {
    const { timing, now } = clock.current;
    const delayMs = autoRetryDelay(problem, autoTries.current, closesAtOf(session.roundId, timing) - now());
    if (delayMs === undefined) {
      autoTries.current = 0;
      setError({ problem, during });
      return;
    }
    autoTries.current += 1;
    setError({ problem, during, auto: { n: autoTries.current, delayMs } });
  };
  const failedRef = useLatest(failed);
  const [hint, setHint] = useState<MessageKey | undefined>();
  // a refused request's Retry-After: nothing is sent again (retry, ↻, the answer) before it has passed
  const wait = useCountdown(error?.problem.retryAfter, error);
  const alive = useMounted();
  const onRoundOverRef = useLatest(onRoundOver);
  /** An answer on its way: at the close its own answer decides (solved in time, or 403 round-closed). */
  const answering = useRef(false);
  const ended = useRef(false);
  /** The attempt is over (once, whoever says so first). */
  const end = (problem: ApiError) => {
    if (ended.current) return;
    ended.current = true;
    onRoundOverRef.current(problem);
  };
  const endRef = useLatest(end);
  // a letter looks answerable past the close: the clock ends the attempt, unless an answer is on its way
  useRoundEnd(session.roundId, () => {
    if (answering.current) return false;
    end(new ApiError(403, 'round-closed'));
    return true;
  });

  // a letter for every request: one as the screen shows, another on ↻ or after a wrong answer
  const [letterRequest, setLetterRequest] = useState(0);
  useEffect(() => {
    let current = true;
    issueCaptcha(session.token)
      .then((letter) => {
        if (!current) return;
        autoTries.current = 0;
        setCaptcha(letter);
        setAnswer('');
        input.current?.focus();
        setBusy(false);
      })
      .catch((caught: unknown) => {
        if (!current) return;
        const problem = asApiError(caught);
        if (endsRound(problem)) {
          endRef.current(problem);
          return;
        }
        failedRef.current(problem, 'letter');
        setBusy(false);
      });
    return () => {
      current = false;
    };
  }, [session.token, letterRequest, endRef, failedRef]);

  /** Asks for a new letter: the one shown is gone (used up, or replaced), and so is what was typed for it. */
  const issue = () => {
    setBusy(true);
    setError(undefined);
    setCaptcha(undefined);
    setAnswer('');
    setLetterRequest((n) => n + 1);
  };

  // the answer field gets focus as soon as the screen shows: every millisecond counts in this step
  useEffect(() => {
    input.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    trySend();
  };

  const trySend = () => {
    if (!captcha || busy || wait > 0) return;
    if (!answer.trim()) {
      setHint('captcha.empty');
      input.current?.focus();
      return;
    }
    void send(captcha);
  };

  /** The answer last sent: what a 503's retry by itself sends again, whatever the field holds by then. */
  const sentAnswer = useRef('');
  /** Sends the typed answer for `letter`; a 429/503 leaves both as they are, for the retry to send again. */
  const send = async (letter: Captcha, text = answer.trim()) => {
    setBusy(true);
    setHint(undefined);
    setError(undefined);
    answering.current = true;
    sentAnswer.current = text;
    try {
      await answerCaptcha(session.token, letter.captchaId, text);
      if (alive.current && !ended.current) onSolved();
      return;
    } catch (caught) {
      if (!alive.current || ended.current) return;
      const problem = asApiError(caught);
      setBusy(false);
      if (problem.status !== 503) autoTries.current = 0;
      if (problem.slug === 'wrong-answer' || problem.slug === 'unknown-captcha') {
        setHint(problem.slug === 'wrong-answer' ? 'captcha.wrong' : 'problem.unknown-captcha');
        issue();
        return;
      }
      if (endsRound(problem)) {
        end(problem);
        return;
      }
      failed(problem, 'answer');
    } finally {
      answering.current = false;
    }
  };

  // only a wrong answer (or a letter gone) uses the letter up: a refused send is sent again, the same answer
  const retry = () => {
    if (error?.during === 'answer' && captcha) trySend();
    else issue();
  };
  // a 503 tried again by itself once its wait is over (the Retry button may be pressed sooner; the close ends it all)
  const again = useLatest(() => {
    if (error?.during === 'answer' && captcha) void send(captcha, sentAnswer.current);
    else issue();
  });
  useEffect(() => {
    if (!error?.auto) return;
    const timer = setTimeout(() => again.current(), error.auto.delayMs);
    return () => clearTimeout(timer);
  }, [error, again]);

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
