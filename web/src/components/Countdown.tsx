import { useI18n } from '../i18n/i18n';
import { mmss, secondsUntil, type RoundInfo } from '../lib/clock';
import { clockTime } from '../lib/format';

/** The big clock of the home screen: time to the next open by the server's clock, or the time left to enter. */
export function Countdown({ round, now }: { round: RoundInfo; now: number }) {
  const { t, lang } = useI18n();
  const open = round.phase === 'OPEN';
  const toNext = secondsUntil(round.nextOpensAt, now);
  return (
    <div className={`countdown ${open ? 'is-open' : ''}`} data-testid="countdown">
      <p className="countdown-label">
        {open ? <span className="live-dot" aria-hidden="true" /> : null}
        {open ? t('home.openNow') : t('home.opensIn')}
      </p>
      <p className="countdown-digits" aria-live="off" data-seconds={open ? secondsUntil(round.closesAt, now) : toNext}>
        {open ? mmss(secondsUntil(round.closesAt, now)) : mmss(toNext)}
      </p>
      <p className="countdown-sub">
        {open
          ? t('common.closesIn', { s: secondsUntil(round.closesAt, now) })
          : t('home.nextOpenAt', { time: clockTime(round.nextOpensAt, lang) })}
      </p>
    </div>
  );
}
