import { lazy, Suspense, useEffect, useRef } from 'react';
import type { BookingView, Debrief, Standing } from '../api/types';
import { CostliestStep, GhostRace, NotAdmittedCost, Timeline } from '../components/Debrief';
import { Notice } from '../components/Notice';
import { RoundOpenedAt } from '../components/RoundOpenedAt';
import { LeaderboardTable, SplitBar, TierBadge } from '../components/ResultParts';
import { useAnnouncer } from '../hooks/useAnnouncer';
import { useBookingPoll } from '../hooks/useBookingPoll';
import { useDayLeaders } from '../hooks/useDayLeaders';
import { useDebrief, type DebriefState } from '../hooks/useDebrief';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { useLatest } from '../hooks/useLatest';
import { useRoundResults } from '../hooks/useRoundResults';
import { useServerClock, useServerNow } from '../hooks/serverClock';
import { useI18n, type Translate } from '../i18n/i18n';
import { closesAtOf, nextRoundAfter, secondsUntil } from '../lib/clock';
import { bookingOf, stepKey } from '../lib/debrief';
import { percentUp, seconds, wholePercent } from '../lib/format';
import { problemMessage } from '../lib/problems';
import type { Attempt, NoBooking, WaitingKnown } from '../lib/session';

interface Props {
  session: Attempt;
  /** The booking, for a player who got one; without it the attempt ended as `noBooking` says. */
  bookingId?: string | undefined;
  /**
   * Why the attempt ended without a booking in hand. If the ticket's debrief names a booking all the same (the ticket
   * had booked already, or a booking's answer was lost before the attempt ended), that booking is shown once read.
   */
  noBooking?: NoBooking | undefined;
  /** The debrief as it arrives (its ghost's personal best includes this round, before the history has it). */
  onDebrief?: ((debrief: Debrief) => void) | undefined;
  onRetry(): void;
  onHome(): void;
}

// chart.js comes with the histogram, after the result itself is on screen
const Histogram = lazy(() => import('../components/Histogram'));

/** A booking PENDING this long is slower than usual (a confirmation takes well under a second): say it is safe. */
const SLOW_CONFIRMATION_MS = 10_000;

/**
 * How long after the round's close its standings still move: the server ranks a booking among those confirmed so far,
 * so a player who booked early is ranked before the slower bots and humans book (until the close) and their
 * confirmations land (a moment after it). The rank is read again until then, and said to be provisional.
 */
const RANK_SETTLES_AFTER_CLOSE_MS = 5000;
/** Fewer players than this in a ranking make a top-% meaningless (1st of 1 is "top 100 %"): the place alone is shown. */
const MIN_RANKED_FOR_PERCENT = 10;

export function Result({ session, bookingId: givenBookingId, noBooking, onDebrief, onRetry, onHome }: Props) {
  const { t, lang } = useI18n();
  const clock = useServerClock();
  const now = useServerNow(250);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // the round's results fill in while the round runs, and are read until they are final (settled after the close)
  const { results, final: resultsFinal } = useRoundResults(session.roundId);
  const rankSettlesAt = closesAtOf(session.roundId, clock.timing) + RANK_SETTLES_AFTER_CLOSE_MS;
  const waited = noBooking?.kind === 'not-admitted' ? noBooking.known : undefined;
  // a player the round closed on: its debrief waits for admission's last advance, a moment after the close; a PENDING
  // debrief is read again as soon as the booking polled below turns CONFIRMED or REJECTED
  const debrief = useDebrief(session.roundId, session.ticketId, waited !== undefined);
  // an attempt that ended without a booking in hand may have one all the same: a ticket that had booked already (409
  // already-booked), or a booking the server took whose answer was lost (the hold then lapsed, the round closed). The
  // debrief is the server's account: the booking it names is the player's
  const bookingId = givenBookingId ?? (debrief.state.name === 'ready' ? bookingOf(debrief.state.debrief) : undefined);
  // the booking: polled until CONFIRMED or REJECTED, and a confirmed one until its rank is there and has settled (the
  // bookings confirmed after it, until a little after the close, move it)
  const { booking, readAt: bookingReadAt, error, pendingSince, retry } = useBookingPoll(bookingId, rankSettlesAt);
  const final = booking !== undefined && booking.status !== 'PENDING';
  // the booking turned CONFIRMED or REJECTED while its debrief still waits for it: ask at once
  const debriefPending = debrief.state.name === 'ready' && debrief.state.debrief.outcome === 'PENDING';
  const readDebriefNow = debrief.readNow;
  useEffect(() => {
    if (final && debriefPending) readDebriefNow();
  }, [final, debriefPending, readDebriefNow]);
  const leaders = useDayLeaders(final);

  const histogramBuckets = results?.histogram?.buckets ?? [];
  const slowConfirmation =
    booking?.status === 'PENDING' && pendingSince !== undefined && now - pendingSince >= SLOW_CONFIRMATION_MS;
  const retryAt = nextRoundAfter(session.roundId, clock.timing, now);
  const retryIn = secondsUntil(retryAt, now);
  const roundRank = booking?.rank?.round ?? undefined;
  const weekRank = booking?.rank?.week ?? undefined;
  const provisionalRank = bookingReadAt < rankSettlesAt;
  const statusKey =
    booking?.status === 'CONFIRMED'
      ? 'result.confirmed'
      : booking?.status === 'REJECTED'
        ? 'result.rejected'
        : 'result.pending';
  // in the heading's name, which takes the focus as the screen shows: what came of it is heard first
  const outcome = bookingId === undefined ? noBookingOutcome(noBooking, t) : t(statusKey);
  useResultAnnouncements(booking, roundRank && !provisionalRank ? roundRank : undefined);

  return (
    <section className="screen result" aria-labelledby="result-title">
      <div className="screen-head">
        <h1 id="result-title" ref={heading} tabIndex={-1}>
          {t('result.title')}
          <span className="sr-only">: {outcome}</span>
        </h1>
        <p className="muted">
          {session.nickname} · <RoundOpenedAt roundId={session.roundId} />
        </p>
      </div>

      {error && !booking && <Notice error={error} onRetry={retry} />}

      <div className="result-grid">
        {bookingId === undefined ? (
          <NoBookingHero noBooking={noBooking} />
        ) : (
          <>
            {/* not a live region: the rank is read again every 2 s, and each new figure would be read out; the outcome
                and the final rank are said once each instead (`useResultAnnouncements`) */}
            <div className="card result-hero">
              <p
                className={`status-pill status-${(booking?.status ?? 'PENDING').toLowerCase()}`}
                data-testid="booking-status"
              >
                {t(statusKey)}
              </p>
              {booking?.seatId && <p className="muted">{t('result.seat', { seat: booking.seatId })}</p>}
              {slowConfirmation && <Notice tone="info" message={t('result.slowConfirmation')} />}
              <p className="total-label">{t('result.total')}</p>
              <p className="total-time" data-testid="total-time">
                {seconds(booking?.durationMs, lang)}
              </p>
              {booking?.status === 'REJECTED' && <Notice tone="warn" message={t('seats.rejected')} />}
              {roundRank ? (
                <div className="rank-block" data-testid="rank">
                  {provisionalRank && (
                    <p className="muted small" data-testid="rank-provisional">
                      {t('result.rankSoFar')}
                    </p>
                  )}
                  {roundRank.total >= MIN_RANKED_FOR_PERCENT && (
                    <>
                      <TierBadge position={roundRank.position} total={roundRank.total} />
                      <p className="top-percent">{t('result.top', { p: percentUp(roundRank.topPercent) })}</p>
                    </>
                  )}
                  <p className="muted">{t('result.rank', { pos: roundRank.position, total: roundRank.total })}</p>
                  {weekRank && (
                    <p className="muted small">
                      {t('result.weekRank', { pos: weekRank.position, total: weekRank.total })}
                    </p>
                  )}
                  {booking?.rank?.botsBeatenPercent != null && (
                    <p className="muted small">
                      {t('result.botsBeaten', { p: wholePercent(booking.rank.botsBeatenPercent) })}
                    </p>
                  )}
                </div>
              ) : (
                booking?.status !== 'REJECTED' && <p className="muted">{t('result.noRank')}</p>
              )}
            </div>

            <div className="card">
              <h2>{t('result.splits')}</h2>
              <SplitBar splits={booking?.splits} />
            </div>
          </>
        )}

        <DebriefCard {...debrief} waited={waited} onDebrief={onDebrief} />

        <div className="card span-2">
          <h2>{t('result.histogram')}</h2>
          {!results ? (
            <p className="muted">{t('common.loading')}</p>
          ) : histogramBuckets.length > 0 ? (
            <Suspense fallback={<div className="chart-box" />}>
              <Histogram
                buckets={histogramBuckets}
                youMs={booking?.status === 'CONFIRMED' ? booking.durationMs : undefined}
              />
            </Suspense>
          ) : (
            // nobody booked (yet): said, not left "loading" for good
            <p className="muted" data-testid="histogram-empty">
              {t(resultsFinal ? 'result.histogramEmpty' : 'result.histogramEmptySoFar')}
            </p>
          )}
        </div>

        <div className="card span-2">
          <h2>{t('result.leaderboard')}</h2>
          {leaders ? (
            <LeaderboardTable entries={leaders.entries} highlight={bookingId} />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </div>
      </div>

      <div className="actions">
        {/* a name that stays put: the seconds beside it, in no name and no live region, are not read out each second */}
        <span className="retry-group">
          <button type="button" className="btn btn-primary btn-large" onClick={onRetry} data-testid="retry">
            {t('result.retryNow')}
          </button>
          {retryIn > 0 && (
            <span className="muted retry-in" data-testid="retry-in">
              {t('common.opensIn', { s: retryIn })}
            </span>
          )}
        </span>
        <a className="btn btn-ghost btn-large" href="#/history" data-testid="to-history">
          {t('result.history')}
        </a>
        <button type="button" className="btn btn-ghost btn-large" onClick={onHome}>
          {t('result.home')}
        </button>
      </div>
    </section>
  );
}

/** What came of an attempt without a booking, as its hero card's pill says it. */
function noBookingOutcome(noBooking: NoBooking | undefined, t: Translate): string {
  if (noBooking?.kind === 'already-booked') return t('result.alreadyBooked');
  return t(noBooking?.kind === 'not-admitted' ? 'result.notAdmitted' : 'result.noSeat');
}

/**
 * Tells screen readers, once each, what came of the booking as soon as it is known (confirmed or rejected), and the
 * rank once it is final: the hero card is no live region, so that each read of the rank is not said over the last.
 * An attempt without a booking says nothing here: its heading, focused as it shows, says what came of it.
 */
function useResultAnnouncements(booking: BookingView | undefined, finalRank: Standing | undefined) {
  const { announce } = useAnnouncer();
  const said = useRef({ outcome: false, rank: false });
  const status = booking?.status;
  const seat = booking?.seatId;
  const durationMs = booking?.durationMs;
  useEffect(() => {
    if (said.current.outcome || status === undefined || status === 'PENDING') return;
    said.current.outcome = true;
    if (status === 'REJECTED') announce({ key: 'result.announceRejected' });
    // the seconds to the millisecond, as the card shows them; the words around them in the language shown
    else
      announce({
        key: 'result.announceConfirmed',
        params: { seat: seat ?? '', t: ((durationMs ?? 0) / 1000).toFixed(3) },
      });
  }, [status, seat, durationMs, announce]);
  const position = finalRank?.position;
  const total = finalRank?.total;
  const topPercent = finalRank?.topPercent;
  useEffect(() => {
    if (said.current.rank || position === undefined || total === undefined || !said.current.outcome) return;
    said.current.rank = true;
    announce(
      total >= MIN_RANKED_FOR_PERCENT && topPercent != null
        ? { key: 'result.announceRankTop', params: { pos: position, total, p: percentUp(topPercent) } }
        : { key: 'result.announceRank', params: { pos: position, total } },
    );
  }, [position, total, topPercent, announce]);
}

/** The hero card of an attempt without a booking: what ended it. */
function NoBookingHero({ noBooking }: { noBooking: NoBooking | undefined }) {
  const { t } = useI18n();
  const notAdmitted = noBooking?.kind === 'not-admitted';
  if (noBooking?.kind === 'already-booked') {
    return (
      <div className="card result-hero span-2">
        <p className="status-pill status-pending" data-testid="booking-status">
          {noBookingOutcome(noBooking, t)}
        </p>
        <p className="muted">{t('result.alreadyBookedLead')}</p>
      </div>
    );
  }
  const reason =
    noBooking?.kind === 'problem'
      ? problemMessage(noBooking.problem, t)
      : noBooking?.kind === 'sold-out'
        ? t('seats.soldOut')
        : notAdmitted
          ? t('wait.closed')
          : undefined;
  return (
    <div className="card result-hero span-2">
      <p className="status-pill status-rejected" data-testid="booking-status">
        {noBookingOutcome(noBooking, t)}
      </p>
      {reason && <p className="muted">{reason}</p>}
    </div>
  );
}

/** The server's debrief of the attempt: costliest step, timeline, ghost race; or why there is none. */
function DebriefCard({
  state,
  retry,
  waited,
  onDebrief,
}: {
  state: DebriefState;
  retry(): void;
  waited: WaitingKnown | undefined;
  onDebrief: ((debrief: Debrief) => void) | undefined;
}) {
  const { t } = useI18n();
  const onDebriefRef = useLatest(onDebrief);
  const debrief = state.name === 'ready' ? state.debrief : undefined;
  useEffect(() => {
    if (debrief) onDebriefRef.current?.(debrief);
  }, [debrief, onDebriefRef]);
  return (
    <section className="card span-2 debrief" aria-labelledby="debrief-title" data-testid="debrief">
      <h2 id="debrief-title">{t('debrief.title')}</h2>
      {state.name === 'loading' && (
        <p className="muted" aria-busy="true">
          {t('debrief.loading')}
        </p>
      )}
      {state.name === 'failed' && <Notice error={state.error} onRetry={retry} />}
      {state.name === 'missing' && (
        <div data-testid="debrief-missing">
          <p>{t('debrief.missing')}</p>
          {waited && (
            <>
              <p className="muted">{t('debrief.missingWhy')}</p>
              <p className="waiting-known" data-testid="waiting-known">
                {t('debrief.waitingKnown', {
                  p: waited.position.toLocaleString(),
                  a: waited.ahead.toLocaleString(),
                  w: waited.waiting.toLocaleString(),
                })}
              </p>
            </>
          )}
        </div>
      )}
      {state.name === 'ready' && (
        <>
          <h3>{t('debrief.costliest')}</h3>
          {state.debrief.notAdmitted ? (
            <NotAdmittedCost notAdmitted={state.debrief.notAdmitted} queueNumber={state.debrief.queue.number} />
          ) : (
            <CostliestStep
              costliest={state.debrief.costliest}
              unfinished={
                state.debrief.costliest !== null && state.debrief.steps[stepKey(state.debrief.costliest.step)] === null
              }
            />
          )}
          {state.debrief.outcome === 'PENDING' && (
            <p className="muted small" role="status">
              {t('debrief.pending')}
            </p>
          )}
          <div className="debrief-grid">
            <div>
              <h3>{t('debrief.timeline')}</h3>
              <Timeline debrief={state.debrief} />
            </div>
            <div>
              <h3>{t('debrief.ghost')}</h3>
              <GhostRace
                roundId={state.debrief.roundId}
                you={state.debrief.steps}
                youTotalMs={state.debrief.totalMs}
                personalBest={state.debrief.ghost.personalBest}
                previousBest={state.debrief.ghost.previousBest}
                previousBestKnown={state.debrief.ghost.previousBestKnown}
                roundBest={state.debrief.ghost.roundBest}
                nickname={state.debrief.nickname}
              />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
