// The debrief's parts (SPEC §12): the server's timeline of the attempt, the one step that cost most, and the ghost
// race against the personal best and the round's best human.
import {
  STEP_NAMES,
  type Costliest,
  type Debrief,
  type GhostRun,
  type NotAdmitted,
  type StepName,
  type StepTimes,
  type TimelineEvent,
} from '../api/types';
import { useI18n, type Translate } from '../i18n/i18n';
import { deltaMs, ghostSegments, isWholeRun, raceBaseline, raceScale, stepKey, stepSum } from '../lib/debrief';
import { seconds, secondsDelta, secondsShort } from '../lib/format';

type Lang = 'ko' | 'en';

/** One timeline step as a sentence: "대기열 입장 — 대기 순번 123번 / 480명", "A-5 좌석 놓침 — lee님이 340ms 먼저 잡았어요". */
export function timelineText(event: TimelineEvent, debrief: Debrief, t: Translate, lang: Lang): string {
  switch (event.step) {
    case 'ENTERED': {
      const { number, entered } = debrief.queue;
      if (number === null) return t('debrief.step.ENTERED');
      const n = number.toLocaleString();
      return entered === null
        ? t('debrief.step.ENTEREDNumber', { n })
        : t('debrief.step.ENTEREDQueue', { n, m: entered.toLocaleString() });
    }
    case 'ADMITTED': {
      const entered = debrief.timeline.find((e) => e.step === 'ENTERED');
      const waited = debrief.steps.waitMs ?? (entered ? event.atMs - entered.atMs : null);
      return t('debrief.step.ADMITTED', { w: secondsShort(waited, lang) });
    }
    case 'LETTER': {
      const admitted = debrief.timeline.find((e) => e.step === 'ADMITTED');
      const took = debrief.steps.letterMs ?? (admitted ? event.atMs - admitted.atMs : null);
      return t('debrief.step.LETTER', { t: secondsShort(took, lang), a: event.attempts ?? 1 });
    }
    case 'SEAT': {
      if (event.result !== 'TAKEN') return t(`debrief.seat.${event.result}`, { seat: event.seatId });
      const taker = event.takenBy;
      const who = !taker
        ? t('debrief.taker.unknown')
        : taker.bot
          ? t('debrief.taker.bot')
          : taker.nickname
            ? t('debrief.taker.human', { n: taker.nickname })
            : t('debrief.taker.unknown');
      const margin =
        event.marginMs === null ? t('debrief.marginUnknown') : t('debrief.margin', { ms: Math.round(event.marginMs) });
      return t('debrief.seat.TAKEN', { seat: event.seatId, taker: who, margin }).replace(/ {2,}/g, ' ');
    }
    case 'BOOKED':
      return t('debrief.step.BOOKED', { seat: event.seatId ?? '' });
    case 'CLOSED':
      switch (event.stillOn) {
        case 'letter':
          return event.attempts
            ? t('debrief.step.CLOSEDLetterWrong', { a: event.attempts })
            : t('debrief.step.CLOSEDLetter');
        case 'pick':
          return t('debrief.step.CLOSEDPick');
        case 'confirm':
          return t('debrief.step.CLOSEDConfirm');
        default:
          return event.placesAway === null || event.served === null
            ? t('debrief.step.CLOSED')
            : t('debrief.step.CLOSEDShort', {
                k: event.placesAway.toLocaleString(),
                s: event.served.toLocaleString(),
              });
      }
    default:
      return t(`debrief.step.${event.step}`);
  }
}

function mark(event: TimelineEvent): { symbol: string; tone: string } {
  if (event.step === 'SEAT') {
    if (event.result === 'HELD') return { symbol: '✓', tone: 'good' };
    return { symbol: '✕', tone: 'lost' };
  }
  if (event.step === 'CONFIRMED') return { symbol: '✓', tone: 'good' };
  if (event.step === 'REJECTED' || event.step === 'CLOSED') return { symbol: '✕', tone: 'lost' };
  return { symbol: '●', tone: 'plain' };
}

export function Timeline({ debrief }: { debrief: Debrief }) {
  const { t, lang } = useI18n();
  return (
    <ol className="timeline" aria-label={t('debrief.timelineLabel')} data-testid="timeline">
      {debrief.timeline.map((event, i) => {
        const { symbol, tone } = mark(event);
        return (
          <li key={i} className={`tl-item tl-${tone}`} data-step={event.step} data-testid="timeline-step">
            <span className="tl-mark" aria-hidden="true">
              {symbol}
            </span>
            <span className="tl-time">+{seconds(event.atMs, lang)}</span>
            <span className="tl-text">{timelineText(event, debrief, t, lang)}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** Below this many humans a 10th percentile is just the fastest of them (nearest rank): say so instead of "top 10%". */
const TOP_TENTH_MIN_HUMANS = 10;

/** The family of texts a costliest step is told in, by what it is measured against. */
function costKey(costliest: Costliest): 'cost' | 'costFew' | 'costBest' | 'costSelf' {
  switch (costliest.basis) {
    case 'PERSONAL_BEST':
      return 'costBest';
    case 'SELF':
      return 'costSelf';
    default:
      // an older server sends no count (0): its reference was the top 10%
      return costliest.humans > 0 && costliest.humans < TOP_TENTH_MIN_HUMANS ? 'costFew' : 'cost';
  }
}

/**
 * "보안문자에 4.1초 걸렸어요. 상위 10%는 1.3초 안에 풀었어요." against the round's humans (with fewer than ten, against
 * the fastest of them); against the player's best round when it practised alone ("… 내 최고 기록에서는 0.9초였어요.");
 * or, with nothing to compare with, against the player's own time this round ("… (이번 라운드 내 시간 45.0초 중).
 * 비교할 사람이 적어요."). `unfinished`: the player was still on that step when the round closed (the server counts it until the
 * close and leaves its split empty): a letter never solved, no seat tried.
 */
export function costliestText(costliest: Costliest, t: Translate, lang: Lang, unfinished = false): string {
  const reference = secondsShort(costliest.referenceMs, lang);
  // `top` in the texts against others, `total` in those against the player's own time: the same reference
  const params = {
    you: secondsShort(costliest.ms, lang),
    top: reference,
    total: reference,
    n: costliest.humans.toLocaleString(),
  };
  const key = costKey(costliest);
  if (unfinished && (costliest.step === 'letter' || costliest.step === 'pick')) {
    return t(`debrief.${key}Open.${costliest.step}`, params);
  }
  return t(`debrief.${key}.${costliest.step}`, params);
}

/** The small line under the costliest step: what it was measured against. */
function costBasisText(costliest: Costliest, t: Translate): string | null {
  switch (costliest.basis) {
    case 'PERSONAL_BEST':
      return t('debrief.costBasisBest');
    case 'SELF':
      return t('debrief.costBasisSelf');
    default:
      // with fewer than ten the sentence names how many already
      return costliest.humans >= TOP_TENTH_MIN_HUMANS
        ? t('debrief.costBasis', { n: costliest.humans.toLocaleString() })
        : null;
  }
}

export function CostliestStep({
  costliest,
  unfinished = false,
}: {
  costliest: Costliest | null;
  unfinished?: boolean;
}) {
  const { t, lang } = useI18n();
  if (!costliest) {
    return (
      <p className="costliest costliest-none muted" data-testid="costliest">
        {t('debrief.costNone')}
      </p>
    );
  }
  const basis = costBasisText(costliest, t);
  return (
    <div className={`costliest cost-${costliest.step}`}>
      <p className="costliest-text" data-testid="costliest">
        {costliestText(costliest, t, lang, unfinished)}
      </p>
      {basis && (
        <p className="muted small" data-testid="costliest-basis">
          {basis}
        </p>
      )}
    </div>
  );
}

/**
 * "오픈 3.2초 뒤 5번으로 입장했어요. 입장한 사람 2명은 모두 오픈 0.9초 안에 들어왔어요." — the entry was what cost a
 * player the round closed on; said against the entries that were admitted. With no human admitted, how far admission
 * got for the bots ("… 입장은 120번까지였고 모두 봇이었어요."), or that nobody was.
 */
export function notAdmittedText(
  notAdmitted: NotAdmitted,
  queueNumber: number | null,
  t: Translate,
  lang: Lang,
): string {
  const entered = t('debrief.notAdmitted.entered', {
    you: secondsShort(notAdmitted.enteredMs, lang),
    n: (queueNumber ?? notAdmitted.served + notAdmitted.placesAway).toLocaleString(),
  });
  const admitted =
    notAdmitted.admittedHumans === 0
      ? // admission may well have moved, for bots only (it reached `served`)
        notAdmitted.served > 0
        ? t('debrief.notAdmitted.noHumanAdmitted', { s: notAdmitted.served.toLocaleString() })
        : t('debrief.notAdmitted.noneAdmitted')
      : notAdmitted.admittedWithinMs === null
        ? t('debrief.notAdmitted.admittedUnknown', { h: notAdmitted.admittedHumans.toLocaleString() })
        : t('debrief.notAdmitted.admittedWithin', {
            h: notAdmitted.admittedHumans.toLocaleString(),
            y: secondsShort(notAdmitted.admittedWithinMs, lang),
          });
  return `${entered} ${admitted}`;
}

/** The costliest step of a player the round closed on: always its entry, and how far the queue got. */
export function NotAdmittedCost({
  notAdmitted,
  queueNumber,
}: {
  notAdmitted: NotAdmitted;
  queueNumber: number | null;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="costliest cost-entry">
      <p className="costliest-text" data-testid="costliest">
        {notAdmittedText(notAdmitted, queueNumber, t, lang)}
      </p>
      <p className="muted small" data-testid="not-admitted-close">
        {t('debrief.notAdmitted.close', {
          k: notAdmitted.placesAway.toLocaleString(),
          s: notAdmitted.served.toLocaleString(),
        })}
      </p>
    </div>
  );
}

interface Runner {
  id: 'you' | 'pb' | 'best';
  name: string;
  steps: StepTimes | null;
  totalMs: number | null;
}

/** A runner's time for a step: to a tenth, like the table's others, but to the ms when it is the whole run's total. */
function stepTime(runner: Runner, step: StepName, lang: Lang): string {
  const ms = runner.steps?.[stepKey(step)];
  return isWholeRun(runner.steps, runner.totalMs, step) ? seconds(ms, lang) : secondsShort(ms, lang);
}

function describeRun(runner: Runner, t: Translate, lang: Lang): string {
  if (!runner.steps) return `${runner.name}: ${t('debrief.ghost.none')}`;
  const parts = STEP_NAMES.filter((step) => runner.steps?.[stepKey(step)] != null).map(
    (step) => `${t(`debrief.s.${step}`)} ${stepTime(runner, step, lang)}`,
  );
  const total = runner.totalMs ?? stepSum(runner.steps);
  return `${runner.name}: ${parts.join(', ')}; ${t('debrief.total')} ${seconds(total, lang)}`;
}

/**
 * The ghost race: you, your personal best and the round's best human as split bars on one time scale (a step that
 * ends later sits further right), and the same numbers as a table with your gain or loss against your personal best
 * per step (PB 대비). When this round is itself the new personal best, the race is against the best before it
 * (이전 최고 기록), and a line says by how much it was beaten (or that this first win is now the best).
 */
export function GhostRace({
  roundId,
  you,
  youTotalMs,
  personalBest,
  previousBest,
  previousBestKnown = true,
  roundBest,
  nickname,
}: {
  /** The debrief's round: a personal best from this round is a new best. */
  roundId: string;
  you: StepTimes;
  youTotalMs: number | null;
  personalBest: GhostRun | null;
  previousBest: GhostRun | null;
  /** False when the earlier rounds could not all be read: then no "first win" or "new best" is claimed. */
  previousBestKnown?: boolean;
  roundBest: GhostRun | null;
  /** The player's: when the round's best human is the player, it runs once, as "you (the round's best)". */
  nickname?: string | undefined;
}) {
  const { t, lang } = useI18n();
  const baseline = raceBaseline(roundId, { personalBest, previousBest }, youTotalMs);
  const against = baseline.run;
  const youBest = nickname !== undefined && roundBest?.nickname === nickname;
  const runners = (
    [
      { id: 'you', name: t(youBest ? 'debrief.ghost.youBest' : 'debrief.ghost.you'), steps: you, totalMs: youTotalMs },
      {
        id: 'pb',
        name: t(baseline.newBest ? 'debrief.ghost.previous' : 'debrief.ghost.pb'),
        steps: against?.steps ?? null,
        totalMs: against?.totalMs ?? null,
      },
      {
        id: 'best',
        name: roundBest?.nickname ? t('debrief.ghost.bestNamed', { n: roundBest.nickname }) : t('debrief.ghost.best'),
        steps: roundBest?.steps ?? null,
        totalMs: roundBest?.totalMs ?? null,
      },
    ] satisfies Runner[]
  ).filter((runner) => !(youBest && runner.id === 'best'));
  const scale = raceScale(runners.map((r) => r.steps));
  return (
    // named, with no caption: a figcaption (seen or not) would be read twice, as the figure's name and as its first line
    <figure
      className="ghost"
      aria-label={t(
        `debrief.ghostLabel${baseline.newBest && previousBestKnown ? 'NewBest' : ''}${youBest ? 'YouBest' : ''}`,
      )}
    >
      {!previousBestKnown && (
        <p className="muted small" data-testid="ghost-past-unknown">
          {t('debrief.ghost.pastUnknown')}
        </p>
      )}
      {previousBestKnown && baseline.newBest && (
        <p className="ghost-new-best" data-testid="ghost-new-best">
          {baseline.run === null
            ? t('debrief.ghost.firstBest')
            : baseline.beatenByMs === null
              ? t('debrief.ghost.newBestUnknown')
              : t('debrief.ghost.newBest', {
                  d:
                    baseline.beatenByMs >= 100
                      ? secondsShort(baseline.beatenByMs, lang)
                      : seconds(baseline.beatenByMs, lang),
                })}
        </p>
      )}
      <div className="ghost-rows">
        {runners.map((runner) => (
          <div key={runner.id} className={`ghost-row ghost-${runner.id}`} data-testid={`ghost-${runner.id}`}>
            <span className="ghost-name">{runner.name}</span>
            {runner.steps ? (
              <div className="ghost-track" role="img" aria-label={describeRun(runner, t, lang)}>
                {ghostSegments(runner.steps, scale).map((segment) =>
                  segment.widthPercent > 0 ? (
                    <span
                      key={segment.step}
                      className={`ghost-seg step-${segment.step}`}
                      style={{ left: `${segment.fromPercent}%`, width: `${segment.widthPercent}%` }}
                      data-step={segment.step}
                    />
                  ) : null,
                )}
              </div>
            ) : (
              <span className="ghost-track ghost-empty muted small">
                {t(runner.id === 'pb' && !previousBestKnown ? 'debrief.ghost.unknown' : 'debrief.ghost.none')}
              </span>
            )}
            <span className="ghost-total">
              {runner.steps ? seconds(runner.totalMs ?? stepSum(runner.steps), lang) : '—'}
            </span>
          </div>
        ))}
      </div>
      <ul className="step-legend" aria-hidden="true">
        {STEP_NAMES.map((step) => (
          <li key={step}>
            <span className={`swatch step-${step}`} />
            {t(`debrief.s.${step}`)}
          </li>
        ))}
      </ul>
      {previousBestKnown && !personalBest && <p className="muted small">{t('debrief.ghost.noPb')}</p>}
      <div className="table-scroll">
        <table className="ghost-table">
          <thead>
            <tr>
              <th scope="col">{t('debrief.stepCol')}</th>
              {runners.map((runner) => (
                <th key={runner.id} scope="col" className="num">
                  {runner.name}
                </th>
              ))}
              <th scope="col" className="num">
                {t(baseline.newBest ? 'debrief.ghost.vsPrevious' : 'debrief.ghost.vsPb')}
              </th>
            </tr>
          </thead>
          <tbody>
            {STEP_NAMES.map((step) => {
              const key = stepKey(step);
              const delta = deltaMs(you[key], against?.steps[key]);
              return (
                <tr key={step} data-testid={`ghost-step-${step}`}>
                  <th scope="row">{t(`debrief.s.${step}`)}</th>
                  {runners.map((runner) => (
                    <td key={runner.id} className="num">
                      {stepTime(runner, step, lang)}
                    </td>
                  ))}
                  <td className={`num ${delta === null ? '' : delta > 0 ? 'slower' : 'faster'}`}>
                    {delta === null ? '—' : secondsDelta(delta, lang)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
