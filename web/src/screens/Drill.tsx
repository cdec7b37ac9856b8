import { useCallback, useState } from 'react';
import { StepIndicator } from '../components/StepIndicator';
import { useServerClock } from '../hooks/serverClock';
import { nextRoundAfter } from '../lib/clock';
import type { Session } from '../lib/session';
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
  | { name: 'result'; session: Session; bookingId: string };

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
  const roundOver = (session: Session) => () => nextRound(session.nickname, session.roundId);

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
            onNextRound={roundOver(step.session)}
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
            onBooked={(bookingId) => setStep({ name: 'result', session: step.session, bookingId })}
            onCaptchaRequired={() => setStep({ name: 'captcha', session: step.session })}
            onNextRound={roundOver(step.session)}
            onHome={home}
          />
        </>
      );
    case 'result':
      return (
        <Result
          session={step.session}
          bookingId={step.bookingId}
          onRetry={() => nextRound(step.session.nickname, step.session.roundId)}
          onHome={home}
        />
      );
  }
}
