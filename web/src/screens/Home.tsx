import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { getResults } from '../api/booking';
import type { RoundResults } from '../api/types';
import { Countdown } from '../components/Countdown';
import { NicknameField, type NicknameTouched } from '../components/NicknameField';
import { RoundOpenedAt } from '../components/RoundOpenedAt';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { useServerClock, useServerNow } from '../hooks/serverClock';
import { useI18n } from '../i18n/i18n';
import { lastFinishedRoundId, roundAt } from '../lib/clock';
import { period, seconds } from '../lib/format';
import { isValidNickname, normalizeNickname, rememberNickname, storedNickname } from '../lib/nickname';
import { resumableAttempt, type Resumable } from '../lib/resume';
import type { NicknameRefusal } from '../lib/session';
import { settledCounts } from '../lib/results';

export function Home({
  onEnter,
  onResume,
  refused,
}: {
  onEnter(nickname: string): void;
  /** Takes up an attempt this browser left mid-way in the round of the moment (see `src/lib/resume.ts`). */
  onResume(attempt: Resumable): void;
  /** The nickname the server just refused at the entry: back in the field, marked, with the focus on it. */
  refused?: NicknameRefusal | undefined;
}) {
  const { t, lang } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const clock = useServerClock();
  const now = useServerNow(200);
  const round = roundAt(now, clock.timing);
  // read once the round is known by the server's clock, and again when it opens, closes or the next one comes
  const known = clock.synced || !!clock.error;
  const [remembered] = useState(storedNickname);
  const resumable = useMemo(
    () => (known ? resumableAttempt({ id: round.id, phase: round.phase }, remembered) : undefined),
    [known, round.id, round.phase, remembered],
  );
  // what the player typed; until then the nickname of the attempt to take up, or the one remembered from last time
  const [typed, setTyped] = useState<string | undefined>(refused?.nickname);
  const nickname = typed ?? resumable?.nickname ?? remembered;
  const [touched, setTouched] = useState<NicknameTouched>();
  const resumeId = useId();
  const valid = isValidNickname(nickname);
  const resuming = resumable && normalizeNickname(nickname) === resumable.nickname ? resumable : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched('submitted');
    if (!valid) return;
    const value = normalizeNickname(nickname);
    rememberNickname(value);
    if (resuming) onResume(resuming);
    else onEnter(value);
  };

  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <div className="hero-copy">
          <p className="eyebrow">{t('app.tagline')}</p>
          <h1 id="home-title" ref={refused ? undefined : heading} tabIndex={-1}>
            {t('home.title', { period: period(clock.timing.periodMs, lang) })}
          </h1>
          <p className="lead">{t('home.lead')}</p>
          <ol className="howto" aria-label={t('home.howTo')}>
            {(['home.step1', 'home.step2', 'home.step3', 'home.step4'] as const).map((key, i) => (
              <li key={key}>
                <span aria-hidden="true">{i + 1}</span>
                {t(key)}
              </li>
            ))}
          </ol>
          <ul className="features">
            {(
              [
                ['home.f1', 'home.f1d', 'clock'],
                ['home.f2', 'home.f2d', 'shield'],
                ['home.f3', 'home.f3d', 'chart'],
              ] as const
            ).map(([title, detail, mark], i) => (
              <li key={title}>
                <span className={`feature-mark m${i + 1}`} aria-hidden="true">
                  <FeatureIcon name={mark} />
                </span>
                <span>
                  <strong>{t(title)}</strong>
                  <span className="muted">{t(detail)}</span>
                </span>
              </li>
            ))}
          </ul>
        </div>

        <div className="card entry-card">
          <Countdown round={round} now={now} />
          {clock.error ? (
            // an error is said at once; the sync's progress is not worth interrupting for
            <p key="error" className="sync-note" role="alert" data-testid="sync-note">
              {t('home.clockError')}
            </p>
          ) : (
            <p key="sync" className="sync-note" aria-live="off" data-testid="sync-note">
              {clock.synced ? t('home.synced', { ms: clock.uncertaintyMs }) : t('home.syncing')}
            </p>
          )}

          <form className="entry-form" onSubmit={submit} noValidate>
            <NicknameField
              value={nickname}
              onChange={(value) => {
                setTyped(value);
                // typed again after a refused entry: what it says now follows politely, not as an alert per key
                setTouched((was) => (was === 'submitted' ? 'left' : was));
              }}
              touched={touched}
              onBlur={() => setTouched((was) => was ?? 'left')}
              refused={refused}
            />
            {resuming && (
              <p id={resumeId} className="resume-note" data-testid="resume-note">
                {t(resuming.bookingId ? 'home.resumeBooked' : 'home.resumeNote', { nickname: resuming.nickname })}
              </p>
            )}
            <button
              type="submit"
              className="btn btn-primary btn-block btn-large"
              aria-describedby={resuming ? resumeId : undefined}
            >
              {resuming ? t('home.resume') : round.phase === 'OPEN' ? t('home.enter') : t('home.enterEarly')}
            </button>
            {!resuming && round.phase !== 'OPEN' && <p className="field-hint center">{t('home.enterEarlyHint')}</p>}
          </form>
          <p className="center">
            <a href="#/history" className="history-link">
              {t('result.history')}
            </a>
          </p>
          {clock.difficulty && (
            <p className="difficulty">
              {t('home.difficulty')}{' '}
              <span className={`chip chip-${clock.difficulty.toLowerCase()}`}>
                {t(`difficulty.${clock.difficulty}`)}
              </span>
            </p>
          )}
        </div>
      </section>

      <LastRound roundId={lastFinishedRoundId(now, clock.timing)} enabled={clock.synced || !!clock.error} lang={lang} />
    </div>
  );
}

/** How long after a read of the last round's results it is read again while they still change. */
const SETTLE_RECHECK_MS = 5_000;
/** Reads of one round's results at most: the first, then re-reads while the counts change (15 s after the first). */
const SETTLE_READS = 4;

function LastRound({ roundId, enabled, lang }: { roundId: string; enabled: boolean; lang: 'ko' | 'en' }) {
  const { t } = useI18n();
  const [results, setResults] = useState<RoundResults | null | undefined>(undefined);

  // Read as the round closes; but the results count confirmed bookings, and those accepted in the last moments are
  // confirmed a little later: read again every few seconds until two reads agree (at most SETTLE_READS in all).
  useEffect(() => {
    if (!enabled) return;
    const aborter = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reads = 0;
    let previous: string | undefined;
    const read = async () => {
      reads += 1;
      let seen: string;
      try {
        const next = await getResults(roundId, aborter.signal);
        if (aborter.signal.aborted) return;
        setResults(next);
        seen = settledCounts(next);
      } catch {
        if (aborter.signal.aborted) return;
        if (reads === 1) setResults(null); // a failed re-read keeps what is shown
        seen = 'failed';
      }
      if (seen !== previous && reads < SETTLE_READS) timer = setTimeout(() => void read(), SETTLE_RECHECK_MS);
      previous = seen;
    };
    void read();
    return () => {
      aborter.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [roundId, enabled]);

  const empty = !results || results.humans.count + results.bots.count === 0;
  return (
    <section className="card last-round" aria-labelledby="last-round-title">
      <h2 id="last-round-title">{t('home.lastRound')}</h2>
      {results === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : empty ? (
        <p className="muted">{t('home.lastRoundEmpty')}</p>
      ) : (
        <>
          <dl className="stat-grid">
            <div>
              <dt>{t('home.sold')}</dt>
              <dd>
                {results.seats.sold} / {results.seats.total}
              </dd>
              <dd className="muted small">
                {results.soldOutMs != null
                  ? t('home.soldOut', { t: seconds(results.soldOutMs, lang) })
                  : t('home.notSoldOut')}
              </dd>
            </div>
            <div>
              <dt>{t('home.humansBest')}</dt>
              <dd>{seconds(results.humans.bestMs, lang)}</dd>
              <dd className="muted small">
                {t('home.median')} {seconds(results.humans.medianMs, lang)}
              </dd>
            </div>
            <div>
              <dt>{t('home.botsBest')}</dt>
              <dd>{seconds(results.bots.bestMs, lang)}</dd>
              <dd className="muted small">
                {t('home.median')} {seconds(results.bots.medianMs, lang)}
              </dd>
            </div>
          </dl>
          {results.topHumans.length > 0 && (
            <>
              <h3>{t('home.top')}</h3>
              <ol className="podium">
                {results.topHumans.slice(0, 3).map((leader, i) => (
                  <li key={leader.bookingId ?? `${leader.nickname}-${i}`}>
                    <span className={`medal medal-${i + 1}`} aria-hidden="true">
                      {i + 1}
                    </span>
                    <span className="podium-name">{leader.nickname}</span>
                    <span className="podium-time">{seconds(leader.durationMs, lang)}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
      <p className="muted small round-id" data-testid="last-round-at">
        <RoundOpenedAt roundId={roundId} />
      </p>
    </section>
  );
}

function FeatureIcon({ name }: { name: 'clock' | 'shield' | 'chart' }) {
  const common = {
    width: 20,
    height: 20,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2.4,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
  } as const;
  if (name === 'clock')
    return (
      <svg {...common}>
        <circle cx="12" cy="13" r="8" />
        <path d="M12 9v4l2.5 2.5M9 2h6" />
      </svg>
    );
  if (name === 'shield')
    return (
      <svg {...common}>
        <path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z" />
        <path d="M8.5 12l2.5 2.5 4.5-5" />
      </svg>
    );
  return (
    <svg {...common}>
      <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
    </svg>
  );
}
