import { cleanup, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseDebrief } from '../api/progress';
import type { Costliest, Debrief } from '../api/types';
import { I18nProvider } from '../i18n/i18n';
import type { Lang } from '../i18n/messages';
import {
  firstWinDebrief,
  lostDebrief,
  newBestDebrief,
  notAdmittedDebrief,
  selfCostDebrief,
  wonDebrief,
} from '../test/debriefs';
import { CostliestStep, GhostRace, NotAdmittedCost, Timeline } from './Debrief';

const inLang = (lang: Lang, node: React.ReactNode) => render(<I18nProvider initial={lang}>{node}</I18nProvider>);
/** Text as read: the no-break space between a number and its unit ("340 ms") as a plain one. */
const plain = (text: string | null | undefined) => text?.replace(/\u00a0/g, ' ');
const steps = () => screen.getAllByTestId('timeline-step').map((li) => plain(li.textContent));

describe('timeline', () => {
  it('tells the attempt step by step in Korean: queue N of M, the wait, the letter, each lost seat with taker and margin', () => {
    inLang('ko', <Timeline debrief={parseDebrief(wonDebrief())} />);
    expect(steps()).toEqual([
      '●+0.000초라운드 오픈',
      '●+0.812초대기열 입장 — 대기 순번 123번 / 480명',
      '●+2.400초입장 허가 (1.6초 대기)',
      '●+5.100초보안문자 통과 (2.7초, 2번 시도)',
      '✕+6.900초A-5 좌석 놓침 — lee님이 340ms 먼저 잡았어요',
      '✕+7.300초A-6 좌석 놓침 — 봇이 95ms 먼저 잡았어요',
      '✓+7.600초A-7 좌석 선점 성공',
      '●+8.100초A-7 좌석 예매 접수',
      '✓+8.230초예매 확정',
    ]);
    expect(screen.getByRole('list', { name: '라운드 오픈부터 걸린 시간과 각 단계' })).toBeInTheDocument();
  });

  it('names the rival and the margin in English too', () => {
    inLang('en', <Timeline debrief={parseDebrief(wonDebrief())} />);
    const lost = screen.getAllByTestId('timeline-step').filter((li) => li.dataset.step === 'SEAT');
    expect(lost.map((li) => plain(li.querySelector('.tl-text')?.textContent))).toEqual([
      'A-5 lost — taken by lee, 340 ms before you',
      'A-6 lost — taken by a bot, 95 ms before you',
      'Held A-7',
    ]);
  });

  it('says someone got the seat first when the taker and the margin are not known', () => {
    const raw = lostDebrief();
    raw.timeline[4] = {
      step: 'SEAT',
      atMs: 6900,
      seatId: 'B-2',
      result: 'TAKEN',
      takenBy: null,
      marginMs: null,
    } as never;
    inLang('ko', <Timeline debrief={parseDebrief(raw)} />);
    expect(steps()[4]).toBe('✕+6.900초B-2 좌석 놓침 — 다른 사람이 먼저 잡았어요');
  });

  it('ends an attempt the round closed on with the step it caught the player on, in Korean and English', () => {
    const closedOn = (stillOn: string, attempts?: number) => {
      const raw = lostDebrief();
      raw.timeline[5] = { step: 'CLOSED', atMs: 15000, stillOn, attempts } as never;
      return parseDebrief(raw);
    };
    const last = (lang: Lang, debrief: Debrief) => {
      const { unmount } = inLang(lang, <Timeline debrief={debrief} />);
      const text = steps().at(-1);
      unmount();
      return text;
    };
    expect(last('ko', parseDebrief(lostDebrief()))).toBe('✕+15.000초라운드 종료 — 좌석을 잡지 못했어요');
    expect(last('ko', closedOn('letter', 3))).toBe('✕+15.000초라운드 종료 — 보안문자를 풀지 못했어요 (3번 틀림)');
    expect(last('ko', closedOn('letter', 0))).toBe('✕+15.000초라운드 종료 — 보안문자를 풀지 못했어요');
    expect(last('ko', closedOn('confirm'))).toBe('✕+15.000초라운드 종료 — 잡은 좌석을 예매하기 전에 끝났어요');
    expect(last('en', closedOn('letter', 1))).toBe('✕+15.000 sRound closed — security letter not solved (1 wrong)');
    expect(last('en', closedOn('pick'))).toBe('✕+15.000 sRound closed — no seat held');
  });

  it('says "queue number N" without M when the round no longer knows how many entered', () => {
    const raw = lostDebrief();
    raw.queue = { number: 7, entered: null as unknown as number };
    inLang('ko', <Timeline debrief={parseDebrief(raw)} />);
    expect(steps()[1]).toBe('●+0.400초대기열 입장 — 대기 순번 7번');
  });
});

describe('costliest step', () => {
  const debrief = (): Debrief => parseDebrief(lostDebrief());

  it('is one plain sentence in Korean', () => {
    inLang('ko', <CostliestStep costliest={debrief().costliest} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      /^보안문자에 4\.1초 걸렸어요\. 상위 10%는 1\.3초 안에 풀었어요\.$/,
    );
    expect(screen.getByText('이번 라운드 사람 12명 기준')).toBeInTheDocument();
  });

  it('is one plain sentence in English', () => {
    inLang('en', <CostliestStep costliest={debrief().costliest} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      /^The security letter took you 4\.1 s\. The top 10% solved it within 1\.3 s\.$/,
    );
  });

  it('names the step that cost most, whichever it is', () => {
    inLang(
      'ko',
      <CostliestStep costliest={{ step: 'pick', ms: 2500, basis: 'ROUND', referenceMs: 700, humans: 37 }} />,
    );
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      '좌석 선택에 2.5초 걸렸어요. 상위 10%는 0.7초 안에 좌석을 잡았어요.',
    );
  });

  it('says the round closed on a step the player never finished', () => {
    const stuck = { step: 'letter', ms: 14_800, basis: 'ROUND', referenceMs: 1_800, humans: 12 } as const;
    inLang('ko', <CostliestStep costliest={stuck} unfinished />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      '라운드가 끝날 때까지 보안문자를 풀지 못했어요 (14.8초). 상위 10%는 1.8초 안에 풀었어요.',
    );
    cleanup();
    inLang('en', <CostliestStep costliest={{ ...stuck, step: 'pick' }} unfinished />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      'The round closed before you tried a seat (14.8 s). The top 10% held one within 1.8 s.',
    );
  });

  it('says "top 10%" from ten humans on, and the fastest of them below ten (the 10th percentile of a few is the fastest)', () => {
    const few = { step: 'letter', ms: 4_100, basis: 'ROUND', referenceMs: 1_300, humans: 3 } as const;
    inLang('ko', <CostliestStep costliest={few} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      /^보안문자에 4\.1초 걸렸어요\. 이번 라운드 사람 3명 중 가장 빠른 사람은 1\.3초 만에 풀었어요\.$/,
    );
    expect(screen.queryByTestId('costliest-basis'), 'the sentence names how many').not.toBeInTheDocument();
    cleanup();
    inLang('en', <CostliestStep costliest={{ ...few, humans: 9 }} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      /^The security letter took you 4\.1 s\. The fastest of the round’s 9 humans solved it in 1\.3 s\.$/,
    );
    cleanup();
    inLang('en', <CostliestStep costliest={{ ...few, humans: 10 }} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent('The top 10% solved it within 1.3 s.');
    expect(screen.getByTestId('costliest-basis')).toHaveTextContent('among 10 humans this round');
    cleanup();
    inLang('en', <CostliestStep costliest={{ ...few, humans: 0 }} />);
    expect(
      screen.getByTestId('costliest'),
      'an older server sends no count: its reference was the top 10%',
    ).toHaveTextContent('The top 10% solved it within 1.3 s.');
  });

  it('names the fastest of a few humans for every step, and for a step the round closed on', () => {
    const few = (step: Costliest['step']) =>
      ({ step, ms: 2_500, basis: 'ROUND', referenceMs: 700, humans: 4 }) as const;
    const text = (lang: Lang, costliest: Costliest, unfinished = false) => {
      const { unmount } = inLang(lang, <CostliestStep costliest={costliest} unfinished={unfinished} />);
      const said = plain(screen.getByTestId('costliest').textContent);
      unmount();
      return said;
    };
    expect(text('ko', few('entry'))).toBe(
      '입장에 2.5초 걸렸어요. 이번 라운드 사람 4명 중 가장 빠른 사람은 0.7초 만에 들어왔어요.',
    );
    expect(text('ko', few('wait'))).toBe(
      '대기에 2.5초 걸렸어요. 이번 라운드 사람 4명 중 가장 빠른 사람은 0.7초 만에 입장했어요.',
    );
    expect(text('ko', few('pick'))).toBe(
      '좌석 선택에 2.5초 걸렸어요. 이번 라운드 사람 4명 중 가장 빠른 사람은 0.7초 만에 좌석을 잡았어요.',
    );
    expect(text('ko', few('confirm'))).toBe(
      '예매 확정에 2.5초 걸렸어요. 이번 라운드 사람 4명 중 가장 빠른 사람은 0.7초 만에 확정했어요.',
    );
    expect(text('ko', few('letter'), true)).toBe(
      '라운드가 끝날 때까지 보안문자를 풀지 못했어요 (2.5초). 이번 라운드 사람 4명 중 가장 빠른 사람은 0.7초 만에 풀었어요.',
    );
    expect(text('ko', few('pick'), true)).toBe(
      '라운드가 끝날 때까지 좌석을 시도하지 못했어요 (2.5초). 이번 라운드 사람 4명 중 가장 빠른 사람은 0.7초 만에 좌석을 잡았어요.',
    );
    expect(text('en', few('entry'))).toBe(
      'Entering took you 2.5 s. The fastest of the round’s 4 humans was in within 0.7 s.',
    );
    expect(text('en', few('wait'))).toBe(
      'You waited 2.5 s. The fastest of the round’s 4 humans was admitted within 0.7 s.',
    );
    expect(text('en', few('pick'))).toBe(
      'Picking a seat took you 2.5 s. The fastest of the round’s 4 humans held one in 0.7 s.',
    );
    expect(text('en', few('confirm'))).toBe(
      'Confirming took you 2.5 s. The fastest of the round’s 4 humans confirmed in 0.7 s.',
    );
    expect(text('en', few('letter'), true)).toBe(
      'The round closed while you were still on the security letter (2.5 s). The fastest of the round’s 4 humans solved it in 0.7 s.',
    );
    expect(text('en', few('pick'), true)).toBe(
      'The round closed before you tried a seat (2.5 s). The fastest of the round’s 4 humans held one in 0.7 s.',
    );
  });

  it('with nothing to compare with, says the step against the player’s own time this round', () => {
    const alone = parseDebrief(selfCostDebrief()).costliest;
    inLang('ko', <CostliestStep costliest={alone} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      /^보안문자에 32\.0초 걸렸어요 \(이번 라운드 내 시간 45\.0초 중\)\. 비교할 사람이 적어요\.$/,
    );
    expect(screen.getByTestId('costliest-basis')).toHaveTextContent(
      '비교할 기록이 없어요: 이번 라운드에 이 구간을 마친 사람이 적고, 아직 내 최고 기록이 없어요',
    );
    expect(screen.queryByText(/상위 10%|내 최고 기록에서는/)).not.toBeInTheDocument();
    cleanup();
    inLang('en', <CostliestStep costliest={alone} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      /^The security letter took you 32\.0 s of your 45\.0 s this round \(too few humans to compare with\)\.$/,
    );
    expect(screen.getByTestId('costliest-basis')).toHaveTextContent(
      'nothing to compare with yet: few humans of the round finished this step, and no personal best of yours',
    );
  });

  it('tells every step against the player’s own time, and a step the round closed on, with no human who finished it', () => {
    const self = (step: Costliest['step'], humans = 1) =>
      ({ step, ms: 9_000, basis: 'SELF', referenceMs: 12_000, humans }) as const;
    const text = (lang: Lang, costliest: Costliest, unfinished = false) => {
      const { unmount } = inLang(lang, <CostliestStep costliest={costliest} unfinished={unfinished} />);
      const said = [
        plain(screen.getByTestId('costliest').textContent),
        plain(screen.getByTestId('costliest-basis').textContent),
      ];
      unmount();
      return said;
    };
    const koTail = ' (이번 라운드 내 시간 12.0초 중). 비교할 사람이 적어요.';
    const enTail = ' of your 12.0 s this round (too few humans to compare with).';
    const koOpenTail = ', 이번 라운드 내 시간 12.0초 중). 비교할 사람이 적어요.';
    const enOpenTail = ' of your 12.0 s this round). Too few humans to compare with.';
    expect(text('ko', self('entry'))[0]).toBe(`입장에 9.0초 걸렸어요${koTail}`);
    expect(text('ko', self('wait'))[0]).toBe(`대기에 9.0초 걸렸어요${koTail}`);
    expect(text('ko', self('pick'))[0]).toBe(`좌석 선택에 9.0초 걸렸어요${koTail}`);
    expect(text('ko', self('confirm'))[0]).toBe(`예매 확정에 9.0초 걸렸어요${koTail}`);
    expect(text('en', self('entry'))[0]).toBe(`Entering took you 9.0 s${enTail}`);
    expect(text('en', self('wait'))[0]).toBe(`You waited 9.0 s${enTail}`);
    expect(text('en', self('pick'))[0]).toBe(`Picking a seat took you 9.0 s${enTail}`);
    expect(text('en', self('confirm'))[0]).toBe(`Confirming took you 9.0 s${enTail}`);
    expect(text('ko', self('letter', 0), true)).toEqual([
      `라운드가 끝날 때까지 보안문자를 풀지 못했어요 (9.0초${koOpenTail}`,
      '비교할 기록이 없어요: 이번 라운드에 이 구간을 마친 사람이 적고, 아직 내 최고 기록이 없어요',
    ]);
    expect(text('ko', self('pick', 0), true)[0]).toBe(
      `라운드가 끝날 때까지 좌석을 시도하지 못했어요 (9.0초${koOpenTail}`,
    );
    expect(text('en', self('letter', 0), true)).toEqual([
      `The round closed while you were still on the security letter (9.0 s${enOpenTail}`,
      'nothing to compare with yet: few humans of the round finished this step, and no personal best of yours',
    ]);
    expect(text('en', self('pick', 1), true)).toEqual([
      `The round closed before you tried a seat (9.0 s${enOpenTail}`,
      'nothing to compare with yet: few humans of the round finished this step, and no personal best of yours',
    ]);
  });

  it('measures a player who practised alone against its best round', () => {
    const alone = { step: 'letter', ms: 4_100, basis: 'PERSONAL_BEST', referenceMs: 900, humans: 0 } as const;
    inLang('ko', <CostliestStep costliest={alone} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      '보안문자에 4.1초 걸렸어요. 내 최고 기록에서는 0.9초였어요.',
    );
    expect(screen.getByText('이번 라운드에 비교할 사람이 적어 내 최고 기록과 비교했어요')).toBeInTheDocument();
    cleanup();
    inLang('en', <CostliestStep costliest={alone} unfinished />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      'The round closed while you were still on the security letter (4.1 s). In your best round you solved it in 0.9 s.',
    );
  });

  it('says nothing stood out when the server names no step', () => {
    inLang('ko', <CostliestStep costliest={null} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent('눈에 띄게 늦은 구간이 없어요.');
    expect(screen.queryByTestId('costliest-basis')).not.toBeInTheDocument();
  });

  it('shows no basis line for a round comparison over no humans', () => {
    inLang('ko', <CostliestStep costliest={{ step: 'wait', ms: 900, basis: 'ROUND', referenceMs: 300, humans: 0 }} />);
    expect(screen.queryByTestId('costliest-basis')).not.toBeInTheDocument();
  });
});

describe('ghost race', () => {
  const race = (d: Debrief) => (
    <GhostRace
      roundId={d.roundId}
      you={d.steps}
      youTotalMs={d.totalMs}
      personalBest={d.ghost.personalBest}
      previousBest={d.ghost.previousBest}
      previousBestKnown={d.ghost.previousBestKnown}
      roundBest={d.ghost.roundBest}
      nickname={d.nickname}
    />
  );

  it('draws you, your best and the round’s best on one time scale, step boundaries aligned', () => {
    inLang('ko', race(parseDebrief(wonDebrief())));
    // you: 812 + 1588 + 2700 + 2500 + 500 = 8100 ms, the longest run, so the scale
    const you = within(screen.getByTestId('ghost-you')).getByRole('img');
    expect(you).toHaveAccessibleName(
      '나: 입장 0.8초, 대기 1.6초, 보안문자 2.7초, 좌석 선택 2.5초, 확정 0.5초; 합계 8.100초',
    );
    const bestLetter = screen.getByTestId('ghost-best').querySelector<HTMLElement>('[data-step="letter"]')!;
    expect(parseFloat(bestLetter.style.left)).toBeCloseTo(((200 + 900) / 8100) * 100, 6);
    expect(parseFloat(bestLetter.style.width)).toBeCloseTo((1000 / 8100) * 100, 6);
    const pbPick = screen.getByTestId('ghost-pb').querySelector<HTMLElement>('[data-step="pick"]')!;
    expect(parseFloat(pbPick.style.left)).toBeCloseTo(((500 + 1400 + 1900) / 8100) * 100, 6);
    expect(screen.getByTestId('ghost-best')).toHaveTextContent('라운드 1위 park');
    // the table: per step, you against your best
    expect(screen.getByTestId('ghost-step-letter')).toHaveTextContent('보안문자2.7초1.9초1.0초+0.8초');
    expect(screen.getByTestId('ghost-step-entry')).toHaveTextContent('입장0.8초0.5초0.2초+0.3초');
    expect(screen.getByTestId('ghost-step-confirm')).toHaveTextContent('확정0.5초0.5초0.3초±0.0초');
  });

  it('names the race once: its name is no caption read again as the figure’s first line', () => {
    inLang('ko', race(parseDebrief(wonDebrief())));
    const figure = screen.getByRole('figure');
    expect(figure).toHaveAccessibleName('구간별 기록 비교: 나, 내 최고 기록, 이번 라운드 사람 1위');
    expect(figure.querySelector('figcaption')).toBeNull();
    expect(figure.textContent).not.toContain('구간별 기록 비교');
  });

  it('writes a lone step to the ms, as the total it is: no "0.4초" beside "0.361초"', () => {
    const raw = notAdmittedDebrief();
    inLang('ko', race(parseDebrief({ ...raw, steps: { ...raw.steps, entryMs: 361 } })));
    const you = screen.getByTestId('ghost-you');
    expect(you).toHaveTextContent('0.361초');
    expect(within(you).getByRole('img')).toHaveAccessibleName('나: 입장 0.361초; 합계 0.361초');
    expect(within(screen.getByTestId('ghost-step-entry')).getAllByRole('cell')[0]).toHaveTextContent(/^0\.361초$/);
  });

  it('shows no bar for a missing personal best, and says the first win becomes one', () => {
    inLang('ko', race(parseDebrief(lostDebrief())));
    const pb = screen.getByTestId('ghost-pb');
    expect(within(pb).queryByRole('img')).not.toBeInTheDocument();
    expect(pb).toHaveTextContent('내 최고 기록기록 없음—');
    expect(screen.getByText(/첫 성공이 최고 기록이 됩니다/)).toBeInTheDocument();
    expect(screen.getByTestId('ghost-step-letter')).toHaveTextContent('보안문자4.1초—1.0초—');
    // a loser's run stops at the last seat attempt: no confirm segment
    expect(screen.getByTestId('ghost-you').querySelector('[data-step="confirm"]')).toBeNull();
    expect(screen.getAllByRole('img')).toHaveLength(2);
  });

  it('races a new personal best against the best before it, not against itself, and says by how much it won', () => {
    inLang('ko', race(parseDebrief(newBestDebrief())));
    expect(screen.getByTestId('ghost-new-best')).toHaveTextContent('새 개인 최고 기록! 이전보다 1.9초 빨라요.');
    const previous = screen.getByTestId('ghost-pb');
    expect(previous).toHaveTextContent('이전 최고 기록');
    expect(previous).toHaveTextContent('10.000초');
    expect(within(previous).getByRole('img')).toHaveAccessibleName(
      '이전 최고 기록: 입장 0.9초, 대기 2.1초, 보안문자 3.0초, 좌석 선택 3.0초, 확정 1.0초; 합계 10.000초',
    );
    expect(screen.getByRole('columnheader', { name: '이전 최고 대비' })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'PB 대비' })).not.toBeInTheDocument();
    // the deltas against the previous best: none of them the 0.0 s of a race against itself
    expect(screen.getByTestId('ghost-step-entry')).toHaveTextContent('입장0.8초0.9초0.2초−0.1초');
    expect(screen.getByTestId('ghost-step-letter')).toHaveTextContent('보안문자2.7초3.0초1.0초−0.3초');
    expect(screen.getByTestId('ghost-step-confirm')).toHaveTextContent('확정0.5초1.0초0.3초−0.5초');
    expect(screen.getByRole('figure')).toHaveAccessibleName(
      '구간별 기록 비교: 나, 이전 최고 기록, 이번 라운드 사람 1위',
    );
  });

  it('says it in English too', () => {
    inLang('en', race(parseDebrief(newBestDebrief())));
    expect(screen.getByTestId('ghost-new-best')).toHaveTextContent('New personal best: 1.9 s faster than before.');
    expect(screen.getByTestId('ghost-pb')).toHaveTextContent('Previous best');
    expect(screen.getByRole('columnheader', { name: 'vs previous' })).toBeInTheDocument();
  });

  it('says a first win is now the personal best, with no previous best to race', () => {
    inLang('ko', race(parseDebrief(firstWinDebrief())));
    expect(screen.getByTestId('ghost-new-best')).toHaveTextContent(
      '첫 예매 성공! 이번 기록이 내 최고 기록이 되었어요.',
    );
    expect(screen.getByTestId('ghost-pb')).toHaveTextContent('이전 최고 기록기록 없음—');
    expect(screen.queryByText(/첫 성공이 최고 기록이 됩니다/)).not.toBeInTheDocument();
    expect(screen.getByTestId('ghost-step-letter')).toHaveTextContent('보안문자2.7초—1.0초—');
  });

  it('claims no first win and no new best when the earlier rounds could not be read, and says so', () => {
    const unread = <T extends { ghost: object }>(raw: T) =>
      parseDebrief({ ...raw, ghost: { ...raw.ghost, previousBestKnown: false } });
    inLang('ko', race(unread(firstWinDebrief())));
    expect(screen.queryByTestId('ghost-new-best')).not.toBeInTheDocument();
    expect(screen.getByTestId('ghost-past-unknown')).toHaveTextContent(
      '지난 라운드 기록을 지금은 읽을 수 없어 최고 기록과 비교하지 못했어요.',
    );
    expect(screen.getByTestId('ghost-pb')).toHaveTextContent('지금은 확인할 수 없음');
    expect(screen.getByTestId('ghost-pb')).not.toHaveTextContent('기록 없음');
    expect(screen.getByRole('figure')).toHaveAccessibleName('구간별 기록 비교: 나, 내 최고 기록, 이번 라운드 사람 1위');
    cleanup();
    inLang('en', race(unread(lostDebrief())));
    expect(screen.queryByText(/your first win becomes your personal best/)).not.toBeInTheDocument();
    expect(screen.getByTestId('ghost-past-unknown')).toHaveTextContent('Your earlier rounds cannot be read right now');
    cleanup();
    // a server that does not say is taken as having read them all
    inLang('ko', race(parseDebrief(firstWinDebrief())));
    expect(screen.queryByTestId('ghost-past-unknown')).not.toBeInTheDocument();
  });

  it('shows the player once, as the round’s best, when it is the round’s best human', () => {
    const raw = firstWinDebrief();
    const mine = { nickname: 'kim', totalMs: raw.totalMs, steps: { ...raw.steps } };
    inLang('ko', race(parseDebrief({ ...raw, ghost: { ...raw.ghost, roundBest: mine } })));
    expect(screen.getByTestId('ghost-you')).toHaveTextContent('나 (라운드 1위)');
    expect(screen.queryByTestId('ghost-best')).not.toBeInTheDocument();
    expect(screen.queryByText(/라운드 1위 kim/)).not.toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      '구간',
      '나 (라운드 1위)',
      '이전 최고 기록',
      '이전 최고 대비',
    ]);
    expect(screen.getByTestId('ghost-step-letter')).toHaveTextContent(/^보안문자2\.7초——$/);
    expect(screen.getByRole('figure')).toHaveAccessibleName(
      '구간별 기록 비교: 나 (이번 라운드 사람 1위), 이전 최고 기록',
    );
    cleanup();
    // not a new best: against the personal best, in English
    const won = wonDebrief();
    inLang('en', race(parseDebrief({ ...won, ghost: { ...won.ghost, roundBest: { ...mine, totalMs: won.totalMs } } })));
    expect(screen.getByTestId('ghost-you')).toHaveTextContent('You (round’s best)');
    expect(screen.queryByTestId('ghost-best')).not.toBeInTheDocument();
    expect(screen.getByRole('figure')).toHaveAccessibleName(
      'Steps compared: you (the round’s best human), your personal best',
    );
  });

  it('keeps the round’s best apart when it is someone else', () => {
    inLang('en', race(parseDebrief(wonDebrief())));
    expect(screen.getByTestId('ghost-you')).toHaveTextContent(/^You/);
    expect(screen.getByTestId('ghost-you')).not.toHaveTextContent('round’s best');
    expect(screen.getByTestId('ghost-best')).toHaveTextContent('Round’s best park');
  });

  it('keeps racing the personal best when this round did not beat it', () => {
    inLang('ko', race(parseDebrief(wonDebrief())));
    expect(screen.queryByTestId('ghost-new-best')).not.toBeInTheDocument();
    expect(screen.getByTestId('ghost-pb')).toHaveTextContent('내 최고 기록');
    expect(screen.getByRole('columnheader', { name: 'PB 대비' })).toBeInTheDocument();
  });
});

describe('a player the round closed on', () => {
  it('tells the entry, then the close and how many places were left, in Korean', () => {
    inLang('ko', <Timeline debrief={parseDebrief(notAdmittedDebrief())} />);
    expect(steps()).toEqual([
      '●+0.000초라운드 오픈',
      '●+3.200초대기열 입장 — 대기 순번 42번 / 300명',
      '✕+60.000초라운드 종료 — 입장까지 2명 남았어요 (입장 허가는 봇 포함 대기 순번 40번까지)',
    ]);
  });

  it('names the entry as what cost the round, against the entries of the admitted humans', () => {
    const debrief = parseDebrief(notAdmittedDebrief());
    const notAdmitted = debrief.notAdmitted;
    if (!notAdmitted) throw new Error('the fixture is not admitted');
    inLang('ko', <NotAdmittedCost notAdmitted={notAdmitted} queueNumber={debrief.queue.number} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      '오픈 3.2초 뒤 42번으로 입장했어요. 입장 허가를 받은 사람 31명은 모두 오픈 0.9초 안에 들어왔어요.',
    );
    expect(screen.getByTestId('not-admitted-close')).toHaveTextContent(
      '입장까지 2명 남아 있었어요 (입장 허가는 봇 포함 대기 순번 40번까지)',
    );
  });

  it('says it in English too, and plainly when nobody was admitted', () => {
    const debrief = parseDebrief(notAdmittedDebrief());
    const notAdmitted = debrief.notAdmitted;
    if (!notAdmitted) throw new Error('the fixture is not admitted');
    const { unmount } = inLang('en', <NotAdmittedCost notAdmitted={notAdmitted} queueNumber={42} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      'You entered 3.2 s after the open as number 42. The 31 admitted humans all entered within 0.9 s.',
    );
    unmount();
    inLang('en', <NotAdmittedCost notAdmitted={{ ...notAdmitted, admittedHumans: 0, served: 0 }} queueNumber={42} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      'You entered 3.2 s after the open as number 42. Nobody was admitted this round.',
    );
    cleanup();
    inLang('ko', <NotAdmittedCost notAdmitted={{ ...notAdmitted, admittedHumans: 0, served: 0 }} queueNumber={42} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent('이번 라운드에는 아무도 입장 허가를 받지 못했어요.');
  });

  it('says no human was admitted, not nobody, when admission went on for bots only', () => {
    // the queue reached number 120: 119 bots got in ahead of the player (number 121)
    const onlyBots = { served: 120, placesAway: 1, enteredMs: 1_500, admittedWithinMs: null, admittedHumans: 0 };
    inLang('ko', <NotAdmittedCost notAdmitted={onlyBots} queueNumber={121} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      /^오픈 1\.5초 뒤 121번으로 입장했어요\. 이번 라운드에 입장 허가를 받은 사람은 없었어요\. 입장은 120번까지였고 모두 봇이었어요\.$/,
    );
    cleanup();
    inLang('en', <NotAdmittedCost notAdmitted={{ ...onlyBots, served: 1_200 }} queueNumber={1_201} />);
    expect(screen.getByTestId('costliest')).toHaveTextContent(
      'You entered 1.5 s after the open as number 1,201. No human was admitted this round: admission reached number 1,200, all bots.',
    );
    expect(screen.getByTestId('costliest')).not.toHaveTextContent('Nobody');
  });
});
