import { useCallback, useState } from 'react';
import { StepIndicator } from '../components/StepIndicator';
import { useServerClock } from '../hooks/serverClock';
import { nextRoundAfter } from '../lib/clock';
import type { Attempt, NoBooking, Session } from '../lib/session';
import { Home } from './Home';
import { Result } from './Result';
import { SeatSelection } from './SeatSelection';
import { SecurityLetter } from './SecurityLetter';
import { WaitingRoom } from './WaitingRoom';

type Step =
  | { name: 'home' }
  | { name: 'waiting'; nickname: string; notBefore: number | undefined; attempt: number }
  | { name: 'captcha'; session: Session }
  | { name: 'seats'; session: Session }
  | { name: 'result'; attempt: Attempt; bookingId?: string; noBooking?: NoBooking };

/** The player drill: home → waiting room → security letter → seat map → result, and round again. */
export function Drill() {
  const [step, setStep] = useState<Step>({ name: 'home' });
  const clock = useServerClock();

  const home = useCallback(() => setStep({ name: 'home' }), []);
  /** Another go in the round after `roundId` (the same nickname in the same round is the same, used, ticket). */
  const nextRound = useCallback(
    (nickname: string, roundId?: string) =>
      setStep((previous) => ({
        name: 'waiting',
        nickname,
        notBefore: roundId ? nextRoundAfter(roundId, clock.timing, clock.now()) : undefined,
        attempt: previous.name === 'waiting' ? previous.attempt + 1 : 0,
      })),
    [clock],
  );
  /** The attempt ended without a booking: the result with its debrief (once, however many calls say so). */
  const roundOver = useCallback(
    (attempt: Attempt, noBooking: NoBooking) =>
      setStep((previous) => (previous.name === 'result' ? previous : { name: 'result', attempt, noBooking })),
    [],
  );

  switch (step.name) {
    case 'home':
      return <Home onEnter={(nickname) => nextRound(nickname)} />;
    case 'waiting':
      return (
        <>
          <StepIndicator current={0} />
          <WaitingRoom
            key={step.attempt}
            nickname={step.nickname}
            notBefore={step.notBefore}
            onAdmitted={(session) => setStep({ name: 'captcha', session })}
            onRoundOver={(attempt, known) => roundOver(attempt, { kind: 'not-admitted', known })}
            onHome={home}
          />
        </>
      );
    case 'captcha':
      return (
        <>
          <StepIndicator current={1} />
          <SecurityLetter
            session={step.session}
            onSolved={() => setStep({ name: 'seats', session: step.session })}
            onRoundOver={(problem) => roundOver(step.session, { kind: 'problem', problem })}
            onHome={home}
          />
        </>
      );
    case 'seats':
      return (
        <>
          <StepIndicator current={2} />
          <SeatSelection
            session={step.session}
            onBooked={(bookingId) => setStep({ name: 'result', attempt: step.session, bookingId })}
            onCaptchaRequired={() => setStep({ name: 'captcha', session: step.session })}
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
          onRetry={() => nextRound(step.attempt.nickname, step.attempt.roundId)}
          onHome={home}
        />
      );
  }
}
