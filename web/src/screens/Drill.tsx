import { useCallback, useState } from 'react';
import { PbMarker } from '../components/PbMarker';
import { RoundDeadline } from '../components/RoundDeadline';
import { StepIndicator } from '../components/StepIndicator';
import { useServerClock } from '../hooks/serverClock';
import { useAnnouncer } from '../hooks/useAnnouncer';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { useOnlyTab } from '../hooks/useOnlyTab';
import { usePersonalBest } from '../hooks/usePersonalBest';
import { useRoundTimeCues } from '../hooks/useRoundTimeCues';
import { useI18n } from '../i18n/i18n';
import { betterRun } from '../lib/debrief';
import { nextRoundAfter } from '../lib/clock';
import type { GhostRun } from '../api/types';
import type { Attempt, NicknameRefusal, NoBooking, Session } from '../lib/session';
import { bookingOfTicket, letterSolvedOfTicket, rememberBooking, rememberLetterSolved } from '../lib/tickets';
import { Home } from './Home';
import { Result } from './Result';
import { SeatSelection } from './SeatSelection';
import { SecurityLetter } from './SecurityLetter';
import { WaitingRoom } from './WaitingRoom';

type Step =
  | { name: 'home'; refused?: NicknameRefusal }
  | { name: 'waiting'; nickname: string; notBefore: number | undefined; attempt: number }
  | { name: 'captcha'; session: Session }
  | { name: 'seats'; session: Session }
  | { name: 'result'; attempt: Attempt; bookingId?: string; noBooking?: NoBooking };

/** The player drill: home → waiting room → security letter → seat map → result, and round again. */
export function Drill() {
  const [step, setStep] = useState<Step>({ name: 'home' });
  // each start of a drill (home → queue, or another round) reads the personal best again
  const [run, setRun] = useState(0);
  const clock = useServerClock();
  const { announce } = useAnnouncer();
  const nickname =
    step.name === 'waiting'
      ? step.nickname
      : step.name === 'captcha' || step.name === 'seats'
        ? step.session.nickname
        : undefined;
  const readPb = usePersonalBest(nickname, run);
  // the steps that act on the ticket (stream, letters, holds) run in one tab of this browser at a time
  const tabs = useOnlyTab(nickname);
  // the last debrief's personal best includes its own round, which the history may not have archived yet
  const [debriefPb, setDebriefPb] = useState<{ nickname: string; pb: GhostRun | null } | undefined>();
  const pb = betterRun(readPb, debriefPb?.nickname === nickname ? debriefPb?.pb : undefined);

  const home = useCallback(() => setStep({ name: 'home' }), []);
  /** Another go in the round after `roundId` (the same nickname in the same round is the same, used, ticket). */
  const nextRound = useCallback(
    (nickname: string, roundId?: string) => {
      setRun((n) => n + 1);
      setStep((previous) => ({
        name: 'waiting',
        nickname,
        notBefore: roundId ? nextRoundAfter(roundId, clock.timing, clock.now()) : undefined,
        attempt: previous.name === 'waiting' ? previous.attempt + 1 : 0,
      }));
    },
    [clock],
  );
  /** The attempt ended without a booking: the result with its debrief (once, however many calls say so). */
  const roundOver = useCallback(
    (attempt: Attempt, noBooking: NoBooking) =>
      setStep((previous) => (previous.name === 'result' ? previous : { name: 'result', attempt, noBooking })),
    [],
  );

  if (tabs.elsewhere) return <ElsewhereNotice onTakeBack={tabs.takeBack} onHome={home} />;

  switch (step.name) {
    case 'home':
      return (
        <Home
          refused={step.refused}
          onEnter={(nickname) => nextRound(nickname)}
          // entering again resumes the ticket kept for the nickname; a booked one goes straight to its result
          onResume={({ bookingId, ...attempt }) =>
            bookingId ? setStep({ name: 'result', attempt, bookingId }) : nextRound(attempt.nickname)
          }
        />
      );
    case 'waiting':
      return (
        <>
          <DrillProgress current={0} pb={pb} notBefore={step.notBefore} />
          <WaitingRoom
            key={step.attempt}
            nickname={step.nickname}
            notBefore={step.notBefore}
            onAdmitted={(session) => {
              // a reload after booking resumes the ticket: its booking, not a new security letter; one after the letter
              // was solved goes back to the seat map (were the server to disagree, a hold's 428 asks for the letter).
              // The admission is said in the app's live region, as the waiting room's goes with the waiting room; the
              // result needs no word, its heading taking the focus with the outcome in its name
              const bookingId = bookingOfTicket(session.ticketId);
              if (bookingId) setStep({ name: 'result', attempt: session, bookingId });
              else if (letterSolvedOfTicket(session.ticketId)) {
                announce({ key: 'wait.admittedSeats' });
                setStep({ name: 'seats', session });
              } else {
                announce({ key: 'wait.admitted' });
                setStep({ name: 'captcha', session });
              }
            }}
            onRoundOver={(attempt, known) => roundOver(attempt, { kind: 'not-admitted', known })}
            onNicknameRefused={(refused) => setStep({ name: 'home', refused })}
            onHome={home}
          />
        </>
      );
    case 'captcha':
      return (
        <>
          <DrillProgress current={1} pb={pb} roundId={step.session.roundId} />
          <SecurityLetter
            session={step.session}
            onSolved={() => {
              rememberLetterSolved(step.session.ticketId);
              setStep({ name: 'seats', session: step.session });
            }}
            onRoundOver={(problem) => roundOver(step.session, { kind: 'problem', problem })}
            onHome={home}
          />
        </>
      );
    case 'seats':
      return (
        <>
          <DrillProgress current={2} pb={pb} roundId={step.session.roundId} />
          <SeatSelection
            session={step.session}
            onBooked={(bookingId) => {
              rememberBooking(step.session.ticketId, bookingId);
              setStep({ name: 'result', attempt: step.session, bookingId });
            }}
            onCaptchaRequired={() => {
              rememberLetterSolved(step.session.ticketId, false);
              setStep({ name: 'captcha', session: step.session });
            }}
            onRoundOver={(reason) => roundOver(step.session, reason)}
          />
        </>
      );
    case 'result':
      return (
        <Result
          session={step.attempt}
          bookingId={step.bookingId}
          noBooking={step.noBooking}
          onDebrief={(debrief) => setDebriefPb({ nickname: debrief.nickname, pb: debrief.ghost.personalBest })}
          onRetry={() => nextRound(step.attempt.nickname, step.attempt.roundId)}
          onHome={home}
        />
      );
  }
}

/** This tab stopped: the same drill went on in another tab of this browser (see `useOnlyTab`). */
function ElsewhereNotice({ onTakeBack, onHome }: { onTakeBack(): void; onHome(): void }) {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="screen elsewhere" aria-labelledby="elsewhere-title">
      <h1 id="elsewhere-title" ref={heading} tabIndex={-1}>
        {t('tabs.elsewhere')}
      </h1>
      <div className="card center">
        <p>{t('tabs.elsewhereLead')}</p>
        <button type="button" className="btn btn-primary btn-large" onClick={onTakeBack}>
          {t('tabs.takeBack')}
        </button>{' '}
        <button type="button" className="btn btn-ghost" onClick={onHome}>
          {t('common.back')}
        </button>
      </div>
    </section>
  );
}

/**
 * The steps, and under them where the personal best was at this step and the time left in the round; the time left is
 * also told to screen readers at a few moments (`useRoundTimeCues`), on these steps only.
 */
function DrillProgress({
  current,
  pb,
  roundId,
  notBefore,
}: {
  current: number;
  pb: ReturnType<typeof usePersonalBest>;
  /** The round of the ticket, once admitted; before, the round open now (the waiting room enters only that one). */
  roundId?: string;
  /** The waiting room's entry waits for this open (another go after a round played). */
  notBefore?: number | undefined;
}) {
  useRoundTimeCues({ roundId, notBefore }, current === 0);
  return (
    <div className="drill-progress">
      <StepIndicator current={current} />
      <div className="drill-progress-notes">
        <PbMarker pb={pb} current={current} />
        <RoundDeadline roundId={roundId} />
      </div>
    </div>
  );
}
