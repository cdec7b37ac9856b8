import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { NICKNAME_KEY } from '../lib/nickname';
import { playerSecret } from '../lib/playerSecret';
import { mockApi, problem } from '../test/api';
import { emptyHistory, history } from '../test/debriefs';
import { History } from './History';

afterEach(() => vi.unstubAllGlobals());

const historyPath = /^\/api\/v1\/players\/history\?nickname=kim$/;

function renderHistory(lang: 'ko' | 'en' = 'ko') {
  render(
    <I18nProvider initial={lang}>
      <History />
    </I18nProvider>,
  );
}

describe('history page', () => {
  it('shows rounds, the share won, the bests per step and total, the trend and every attempt newest first', async () => {
    localStorage.setItem(NICKNAME_KEY, 'kim');
    const { calls } = mockApi([['GET', historyPath, () => ({ body: history() })]]);
    renderHistory();
    const summary = await screen.findByTestId('history-summary');
    expect(summary).toHaveTextContent('참가한 라운드3');
    expect(summary).toHaveTextContent('예매 성공2회 (66.7%)');
    expect(summary).toHaveTextContent('최고 기록6.200초');
    const bests = screen.getByTestId('history-bests');
    expect(bests).toHaveTextContent('입장0.400초');
    expect(bests).toHaveTextContent('보안문자1.900초');
    expect(bests).toHaveTextContent('합계6.200초');

    const rows = within(screen.getByTestId('history-attempts')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['좌석 없음', '성공', '성공']);
    expect(rows[1]).toHaveTextContent('6.200초');
    expect(rows[1]).toHaveTextContent('A-3');
    expect(rows[0]).toHaveTextContent('7 / 52');

    const chart = screen.getByRole('img', { name: '최근 3회 시도의 총 시간과 구간별 시간 꺾은선 그래프' });
    expect(chart.querySelectorAll('path.trend-line')).toHaveLength(6);
    expect(calls[0]?.headers['X-Player-Secret']).toBe(playerSecret());
  });

  it('says "Last attempt" for one, without a 1 … 1 axis, and names the month of a round in English', async () => {
    localStorage.setItem(NICKNAME_KEY, 'kim');
    const body = history();
    body.attempts.splice(1);
    body.rounds = 1;
    mockApi([['GET', historyPath, () => ({ body })]]);
    renderHistory('en');
    const trend = await screen.findByRole('heading', { name: 'Last attempt' });
    const chart = within(trend.closest('section')!).getByTestId('trend-chart');
    expect([...chart.querySelectorAll('.trend-axis')].map((label) => label.textContent)).toEqual(['1']);
    for (const tick of chart.querySelectorAll('.trend-grid text'))
      expect(tick.textContent).toMatch(/^\d+(\.\d)?\u00a0s$/);
    const round = within(screen.getByTestId('history-attempts')).getAllByRole('row')[1]!.querySelector('time')!;
    expect(round.textContent).toMatch(/\b\d{1,2} Dec\b/); // "3 Dec, …", never "03/12" (March or December?)
    // on a phone each attempt is a card whose lines carry their column's name, the head only read out
    expect(within(screen.getByTestId('history-attempts')).getAllByRole('rowgroup')[0]).toHaveClass('sr-only-phone');
    const cells = within(screen.getByTestId('history-attempts')).getAllByRole('cell');
    expect(cells.map((cell) => cell.dataset.label)).toEqual([
      'Outcome',
      'Total',
      'Entry',
      'Wait',
      'Letter',
      'Pick',
      'Confirm',
      'Seat',
      'Queue number',
    ]);
  });

  it('lists a round the player was never admitted to as not won, with its entry time', async () => {
    localStorage.setItem(NICKNAME_KEY, 'kim');
    const body = history();
    body.attempts.unshift({
      roundId: '20261203T171000Z',
      ticketId: 't4',
      outcome: 'NOT_ADMITTED',
      totalMs: null,
      seatId: null,
      queueNumber: 42,
      entered: 300,
      steps: { entryMs: 3200, waitMs: null, letterMs: null, pickMs: null, confirmMs: null },
    } as unknown as (typeof body.attempts)[number]);
    mockApi([['GET', historyPath, () => ({ body })]]);
    renderHistory('en');
    const rows = within(await screen.findByTestId('history-attempts'))
      .getAllByRole('row')
      .slice(1);
    const cells = within(rows[0] as HTMLElement).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('Not admitted');
    expect(rows[0]).toHaveTextContent('3.200');
    expect(rows[0]).toHaveTextContent('42 of 300');
  });

  it('switches a series off and on from its toggle', async () => {
    localStorage.setItem(NICKNAME_KEY, 'kim');
    mockApi([['GET', historyPath, () => ({ body: history() })]]);
    renderHistory();
    const chart = await screen.findByTestId('trend-chart');
    // the time axis in the language shown: 초, not s
    const ticks = [...chart.querySelectorAll('.trend-grid text')].map((tick) => tick.textContent);
    expect(ticks).toHaveLength(3);
    for (const tick of ticks) expect(tick).toMatch(/^\d+(\.\d)?초$/);
    const toggle = screen.getByRole('button', { name: '보안문자' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(chart.querySelector('[data-series="letter"]')).toBeNull();
    expect(chart.querySelectorAll('path.trend-line')).toHaveLength(5);
    fireEvent.click(toggle);
    expect(chart.querySelector('[data-series="letter"]')).not.toBeNull();
  });

  it('erases the history only after the confirmation, then shows the empty state', async () => {
    localStorage.setItem(NICKNAME_KEY, 'kim');
    let erased = false;
    const { calls } = mockApi([
      ['GET', historyPath, () => ({ body: erased ? emptyHistory() : history() })],
      [
        'DELETE',
        historyPath,
        () => {
          erased = true;
          return { status: 204 };
        },
      ],
    ]);
    renderHistory();
    const erase = await screen.findByRole('button', { name: '내 기록 지우기' });

    // asked, then cancelled with Escape: nothing deleted, focus back on the button
    fireEvent.click(erase);
    const dialog = screen.getByRole('alertdialog', { name: '기록을 모두 지울까요?' });
    expect(dialog).toHaveAccessibleDescription(/kim의 시도 3건과 디브리핑이 서버에서 지워집니다/);
    expect(within(dialog).getByRole('button', { name: '취소' })).toHaveFocus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(within(dialog).getByRole('button', { name: '모두 지우기' })).toHaveFocus();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() => expect(erase).toHaveFocus());
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);

    // asked again and confirmed
    fireEvent.click(erase);
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '모두 지우기' }));
    await screen.findByTestId('history-empty');
    expect(screen.getByRole('status')).toHaveTextContent('기록을 지웠습니다.');
    expect(screen.queryByTestId('history-attempts')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '내 기록 지우기' })).not.toBeInTheDocument();
    const deleted = calls.filter((c) => c.method === 'DELETE');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]?.headers['X-Player-Secret']).toBe(playerSecret());
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
  });

  it('keeps the history and says why when erasing fails', async () => {
    localStorage.setItem(NICKNAME_KEY, 'kim');
    mockApi([
      ['GET', historyPath, () => ({ body: history() })],
      ['DELETE', historyPath, () => problem('service-unavailable', 503)],
    ]);
    renderHistory();
    fireEvent.click(await screen.findByRole('button', { name: '내 기록 지우기' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '모두 지우기' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('서비스가 잠시 혼잡합니다');
    expect(screen.getByTestId('history-attempts')).toBeInTheDocument();
  });

  it('asks for a nickname when none is remembered, then reads that one', async () => {
    const { calls } = mockApi([['GET', historyPath, () => ({ body: emptyHistory() })]]);
    renderHistory('en');
    expect(screen.getByText('Play a round with a nickname first.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Nickname'), { target: { value: 'kim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByTestId('history-empty')).toHaveTextContent('No attempts yet.');
    expect(calls).toHaveLength(1);
  });
});
