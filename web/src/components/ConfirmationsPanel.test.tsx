import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConfirmationBacklog } from '../api/types';
import { I18nProvider } from '../i18n/i18n';
import { clockTime } from '../lib/format';
import { mockApi, problem, withRetryAfter } from '../test/api';
import { ConfirmationsPanel } from './ConfirmationsPanel';

vi.mock('react-chartjs-2', () => import('../test/chartAsList'));

// time moves only when a test says so: a poll comes exactly when the test jumps to it
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const BACKLOG = /^\/api\/v1\/confirmations$/;
const REDRIVE = /^\/api\/v1\/confirmations\/dead-letters\/redrive$/;

const answer = (backlog: ConfirmationBacklog) => ({ body: backlog });
/** Moves the clock `ms` on, letting every answer due by then arrive. */
const later = (ms = 0) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

/** The backlog failing its first read with `first`, then answering 1 waiting, 2 in flight; returns the reads so far. */
function failingOnce(first: ReturnType<typeof problem>): () => number {
  let reads = 0;
  mockApi([['GET', BACKLOG, () => (++reads === 1 ? first : answer({ waiting: 1, inFlight: 2, deadLetters: 0 }))]]);
  return () => reads;
}

function renderPanel() {
  render(
    <I18nProvider initial="ko">
      <ConfirmationsPanel token="ops-secret" />
    </I18nProvider>,
  );
}

const chartPoints = (label: string) =>
  within(screen.getAllByTestId('chart').find((chart) => chart.dataset.label === label)!)
    .queryAllByRole('listitem')
    .map((point) => point.textContent);

describe('confirmations panel', () => {
  it('shows the three figures from the API with the ops token, and polls them again every 2 s', async () => {
    let reads = 0;
    const { calls } = mockApi([
      [
        'GET',
        BACKLOG,
        () =>
          ++reads === 1
            ? answer({ waiting: 12, inFlight: 3, deadLetters: 0 })
            : answer({ waiting: 40, inFlight: 1500, deadLetters: 0 }),
      ],
    ]);
    renderPanel();
    expect(screen.getByText('불러오는 중…')).toBeInTheDocument();
    await later();
    expect(screen.getByTestId('confirm-waiting')).toHaveTextContent('12');
    expect(screen.getByTestId('confirm-in-flight')).toHaveTextContent('3');
    expect(screen.getByTestId('confirm-dead-letters')).toHaveTextContent('0');
    expect(screen.queryByText('불러오는 중…')).not.toBeInTheDocument();
    expect(screen.getByText('기다리는 확정은 사라지지 않습니다. MySQL이 응답하면 기록됩니다.')).toBeInTheDocument();
    expect(calls[0]!.headers.Authorization).toBe('Bearer ops-secret');

    await later(2000);
    await later();
    expect(screen.getByTestId('confirm-in-flight')).toHaveTextContent('1,500');
    expect(screen.getByTestId('confirm-waiting')).toHaveTextContent('40');
    expect(reads).toBe(2);
    // the chart draws waiting + in flight, one point per answer
    expect(chartPoints('기록 대기 (큐 대기 + 처리 중)')).toEqual(['15', '1540']);
    expect(chartPoints('데드레터')).toEqual(['0', '0']);
  });

  it('says since when MySQL has not answered booking, and nothing once it answers again', async () => {
    let reads = 0;
    const since = '2026-12-05T02:16:05.113Z';
    mockApi([
      [
        'GET',
        BACKLOG,
        () =>
          ++reads === 1
            ? answer({ waiting: 120, inFlight: 40, deadLetters: 0, mysqlFailingSince: since })
            : answer({ waiting: 0, inFlight: 0, deadLetters: 0, mysqlFailingSince: null }),
      ],
    ]);
    renderPanel();
    await later();
    const warning = screen.getByRole('status');
    expect(warning).toHaveTextContent(`MySQL이 ${clockTime(Date.parse(since), 'ko')}부터 응답하지 않습니다.`);
    expect(warning).toHaveTextContent('큐를 비우거나 옮기지 마세요.');

    await later(2000);
    await later();
    expect(screen.getByTestId('confirm-waiting')).toHaveTextContent('0');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('offers no redrive without dead letters', async () => {
    mockApi([['GET', BACKLOG, () => answer({ waiting: 5, inFlight: 0, deadLetters: 0 })]]);
    renderPanel();
    await later();
    expect(screen.getByTestId('confirm-waiting')).toHaveTextContent('5');
    expect(screen.queryByRole('button', { name: '다시 보내기' })).not.toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('warns of dead letters and redrives them once asked and confirmed, showing what moved', async () => {
    let redriven = false;
    let finishRedrive: () => void = () => undefined;
    const { calls } = mockApi([
      ['GET', BACKLOG, () => answer({ waiting: 0, inFlight: 0, deadLetters: redriven ? 0 : 7 })],
      [
        'POST',
        REDRIVE,
        () =>
          new Promise((resolve) => {
            finishRedrive = () => {
              redriven = true;
              resolve({ body: { moved: 7, remaining: 0 } });
            };
          }),
      ],
    ]);
    renderPanel();
    await later();
    expect(screen.getByTestId('confirm-dead-letters')).toHaveTextContent('7');
    expect(screen.getByRole('status')).toHaveTextContent('데드레터 큐에 확정 7건이 있습니다.');

    // asked first: cancelling sends nothing
    fireEvent.click(screen.getByRole('button', { name: '다시 보내기' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '취소' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '다시 보내기' }));
    const dialog = screen.getByRole('alertdialog', { name: '데드레터를 다시 보낼까요?' });
    expect(dialog).toHaveTextContent('데드레터 7건을');
    fireEvent.click(within(dialog).getByRole('button', { name: '다시 보내기' }));
    // while it runs, neither the panel's button nor the dialog's can be pressed again
    await later();
    expect(screen.getByTestId('redrive')).toBeDisabled();
    expect(screen.getByTestId('redrive')).toHaveTextContent('보내는 중…');
    expect(within(dialog).getByRole('button', { name: '보내는 중…' })).toBeDisabled();

    await act(async () => finishRedrive());
    await later();
    expect(screen.getByText('7건을 다시 보냈습니다. 0건 남았습니다.')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.path).toBe('/api/v1/confirmations/dead-letters/redrive');
    expect(posts[0]!.headers.Authorization).toBe('Bearer ops-secret');
    expect(posts[0]!.body).toBeUndefined();

    // the next poll finds none: the button goes, the result stays
    await later(2000);
    await later();
    expect(screen.getByTestId('confirm-dead-letters')).toHaveTextContent('0');
    expect(screen.queryByRole('button', { name: '다시 보내기' })).not.toBeInTheDocument();
    expect(screen.getByText('7건을 다시 보냈습니다. 0건 남았습니다.')).toBeInTheDocument();
  });

  it('shows a failed redrive and lets ops try again', async () => {
    mockApi([
      ['GET', BACKLOG, () => answer({ waiting: 0, inFlight: 0, deadLetters: 2 })],
      ['POST', REDRIVE, () => problem('service-unavailable', 503)],
    ]);
    renderPanel();
    await later();
    fireEvent.click(screen.getByRole('button', { name: '다시 보내기' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '다시 보내기' }));
    await later();
    expect(screen.getByRole('alert')).toHaveTextContent('서비스가 잠시 혼잡합니다. 잠시 후 다시 시도해 주세요.');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '다시 보내기' })).toBeEnabled();
  });

  it('says the queue does not answer on a 503, waits its Retry-After and polls on', async () => {
    let reads = 0;
    mockApi([
      [
        'GET',
        BACKLOG,
        () =>
          ++reads === 1
            ? {
                ...problem('service-unavailable', 503),
                headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '6' },
              }
            : answer({ waiting: 4, inFlight: 0, deadLetters: 0 }),
      ],
    ]);
    renderPanel();
    await later();
    expect(screen.getByRole('alert')).toHaveTextContent('확정 큐(SQS)가 응답하지 않습니다. 계속 다시 확인합니다.');
    expect(screen.queryByText('불러오는 중…')).not.toBeInTheDocument();
    await later(2000);
    expect(reads).toBe(1); // not before the 6 s the queue asked for
    await later(4000);
    await later();
    expect(screen.getByTestId('confirm-waiting')).toHaveTextContent('4');
    expect(reads).toBe(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('stops polling on a refused token, as each refusal counts in the shared failed-sign-in budget, until ops retry', async () => {
    const reads = failingOnce(problem('unauthorized', 401));
    renderPanel();
    await later();
    expect(screen.getByRole('alert')).toHaveTextContent('운영 토큰이 올바르지 않습니다.');
    await later(30_000);
    expect(reads()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: '다시 시도' }));
    await later();
    expect(reads()).toBe(2);
    expect(screen.getByTestId('confirm-in-flight')).toHaveTextContent('2');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await later(2000);
    expect(reads()).toBe(3); // polling again
  });

  it('keeps polling after another failure, and shows it', async () => {
    failingOnce(problem('invalid-request', 400));
    renderPanel();
    await later();
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '다시 시도' })).not.toBeInTheDocument();
    await later(2000);
    await later();
    expect(screen.getByTestId('confirm-in-flight')).toHaveTextContent('2');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says booking is not answering when no problem comes back (a network failure, the proxy’s own 502)', async () => {
    let reads = 0;
    mockApi([
      [
        'GET',
        BACKLOG,
        () => (++reads === 1 ? new Error('connection refused') : { status: 502, body: undefined, headers: {} }),
      ],
    ]);
    renderPanel();
    await later();
    expect(screen.getByRole('alert')).toHaveTextContent('booking이 응답하지 않습니다. 계속 다시 확인합니다.');
    await later(2000);
    expect(reads).toBe(2);
    expect(screen.getByRole('alert')).toHaveTextContent('booking이 응답하지 않습니다.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('SQS');
  });

  it('says booking answers but MySQL does not when its 503 names MySQL', async () => {
    mockApi([['GET', BACKLOG, () => problem('service-unavailable', 503, { detail: 'MySQL is not answering.' })]]);
    renderPanel();
    await later();
    expect(screen.getByRole('alert')).toHaveTextContent('booking은 응답하지만 MySQL에 연결할 수 없습니다.');
  });

  it('says a 429 is the failed-sign-in lockout, with its seconds', async () => {
    mockApi([['GET', BACKLOG, () => withRetryAfter(problem('rate-limited', 429), '30')]]);
    renderPanel();
    await later();
    expect(screen.getByRole('alert')).toHaveTextContent(
      '이 주소에서 실패한 로그인이 너무 많아 운영 API가 30초 동안 잠겼습니다.',
    );
    expect(screen.getByRole('alert')).not.toHaveTextContent('확정 대기열을 불러오지 못했습니다');
  });

  it('waits a lockout out before it asks again', async () => {
    const reads = failingOnce(withRetryAfter(problem('rate-limited', 429), '30'));
    renderPanel();
    await later();
    await later(29_000);
    expect(reads()).toBe(1);
    await later(1000);
    await later();
    expect(reads()).toBe(2);
    expect(screen.getByTestId('confirm-in-flight')).toHaveTextContent('2');
  });
});
