import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { mockApi, problem, withRetryAfter, type Call } from '../test/api';
import { Ops, OPS_TOKEN_KEY } from './Ops';

vi.mock('react-chartjs-2', () => import('../test/chartAsList'));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const settings = { ratePerSecond: 2.5, openBatch: 10, maxActive: 0, paused: false };
/** The ETag admission sends with them. */
const SETTINGS_ETAG = '"v1"';
const stats = {
  serverTime: '2026-11-24T10:15:05Z',
  currentRoundId: '20261124T101500Z',
  current: {
    roundId: '20261124T101500Z',
    opensAt: '2026-11-24T10:15:00Z',
    closesAt: '2026-11-24T10:15:15Z',
    entered: 1234,
    admitted: 800,
    waiting: 434,
    active: 120,
    enteredBy: { humans: 1200, bots: 34 },
    achievedRatePerSecond: 2.46,
    settings,
  },
};

/** booking's GET /api/v1/confirmations, which the console polls next to admission's stats. */
const confirmations: Parameters<typeof mockApi>[0][number] = [
  'GET',
  /^\/api\/v1\/confirmations$/,
  () => ({ body: { waiting: 3, inFlight: 2, deadLetters: 0 } }),
];

/** The ops console's reads as a signed-in operator gets them, with `put` answering a save of the admission settings. */
function opsApiSaving(put: Parameters<typeof mockApi>[0][number][2]) {
  return mockApi([
    ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: settings, headers: { ETag: SETTINGS_ETAG } })],
    ['PUT', /^\/api\/v1\/admin\/admission$/, put],
    ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
    ['GET', /^\/api\/v1\/admin\/stats$/, () => ({ body: stats })],
    confirmations,
  ]);
}

function renderOps(lang: 'ko' | 'en' = 'ko') {
  render(
    <I18nProvider initial={lang}>
      <Ops />
    </I18nProvider>,
  );
}

/** The server's clock (the device's here: no clock provider) at `iso`, going on from there. */
function clockAt(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(iso));
}

const livePanel = async (name = '실시간 현황') => (await screen.findByRole('heading', { name })).closest('section')!;

/** The confirmed curve, named after its round as the round's chip names it (by its open), never by its raw id. */
const sellOutChart = () =>
  screen.getAllByTestId('chart').find((chart) => chart.dataset.label === screen.getByTestId('ops-round').textContent);

function signIn(token = 'ops-secret') {
  fireEvent.change(screen.getByLabelText('운영 토큰'), { target: { value: ` ${token} ` } });
  fireEvent.click(screen.getByRole('button', { name: '접속' }));
}

describe('ops console', () => {
  it('asks for the ops token, keeps it for the tab, and loads the admission settings with it', async () => {
    const { calls } = mockApi([
      ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: settings })],
      ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: true, perRound: 50, difficulty: 'NORMAL' } })],
      ['GET', /^\/api\/v1\/admin\/stats$/, () => ({ body: stats })],
      confirmations,
    ]);
    renderOps();
    expect(calls).toHaveLength(0); // nothing is asked for without a token
    signIn();

    await waitFor(() => expect(screen.getByTestId('rate')).toHaveValue(2.5));
    expect(sessionStorage.getItem(OPS_TOKEN_KEY)).toBe('ops-secret');
    expect(screen.getByLabelText('오픈 즉시 입장 (openBatch)')).toHaveValue(10);
    expect(screen.getByLabelText('입장 일시정지 (paused)')).not.toBeChecked();
    const admission = calls.find((c) => c.path === '/api/v1/admin/admission')!;
    expect(admission.headers.Authorization).toBe('Bearer ops-secret');
    await waitFor(() => expect(screen.getByLabelText('라운드당 봇 수 (perRound)')).toHaveValue(50));
  });

  it('saves a changed admission rate as a full replacement of the settings', async () => {
    sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
    const { calls } = mockApi([
      ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: settings })],
      ['PUT', /^\/api\/v1\/admin\/admission$/, (call) => ({ body: call.body })],
      ['GET', /^\/api\/v1\/bots$/, () => new Error('bot-runner down')],
      ['GET', /^\/api\/v1\/admin\/stats$/, () => ({ body: stats })],
      confirmations,
    ]);
    renderOps();
    const rate = await screen.findByTestId('rate');
    await waitFor(() => expect(rate).toHaveValue(2.5));

    fireEvent.change(rate, { target: { value: '3.5' } });
    fireEvent.click(screen.getByTestId('save-admission'));
    await waitFor(() => expect(screen.getByText('✓ 저장했습니다')).toBeInTheDocument());
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toEqual({ ratePerSecond: 3.5, openBatch: 10, maxActive: 0, paused: false });
    expect(put.headers.Authorization).toBe('Bearer ops-secret');
    // the bots panel says bot-runner is unreachable, and the rest of the console goes on
    expect(screen.getByText('봇 러너에 연결할 수 없습니다.')).toBeInTheDocument();
  });

  it('saves a rate finer than a tenth (0.25 a second), which admission accepts', async () => {
    sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
    const { calls } = opsApiSaving((call) => ({ body: call.body }));
    renderOps();
    const rate = await screen.findByTestId('rate');
    await waitFor(() => expect(rate).toHaveValue(2.5));
    fireEvent.change(rate, { target: { value: '0.25' } });
    expect(rate).toBeValid(); // the browser's own check would otherwise stop the submit
    fireEvent.click(screen.getByTestId('save-admission'));
    await waitFor(() => expect(screen.getByText('✓ 저장했습니다')).toBeInTheDocument());
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ ...settings, ratePerSecond: 0.25 });
  });

  it('refuses a rate out of range: says the range, keeps what was typed, and saves nothing until it is corrected', async () => {
    const { calls } = opsApiSaving((call) => ({ body: call.body }));
    sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
    renderOps();
    const rate = await screen.findByTestId('rate');
    await waitFor(() => expect(rate).toHaveValue(2.5));
    const panel = rate.closest('form')!;

    for (const typed of ['-5', '100001']) {
      fireEvent.change(rate, { target: { value: typed } });
      expect(rate).toHaveValue(Number(typed)); // not clamped to 0 or 100000
      expect(rate).toHaveAttribute('aria-invalid', 'true');
      expect(rate).toHaveAccessibleDescription('0–100,000 사이의 값을 입력하세요.');
      fireEvent.submit(panel);
      await waitFor(() =>
        expect(within(panel).getByRole('status')).toHaveTextContent(
          '저장하지 않았습니다: 범위를 벗어난 값을 고쳐 주세요.',
        ),
      );
      expect(within(panel).queryByText(/저장했습니다/)).not.toBeInTheDocument();
      expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    }

    fireEvent.change(rate, { target: { value: '100000' } });
    expect(rate).not.toHaveAttribute('aria-invalid');
    fireEvent.submit(panel);
    await waitFor(() => expect(within(panel).getByRole('status')).toHaveTextContent('저장했습니다'));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ ...settings, ratePerSecond: 100000 });
  });

  it('refuses a part of a whole number (openBatch 2.5) instead of rounding it', async () => {
    const { calls } = opsApiSaving((call) => ({ body: call.body }));
    sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
    renderOps();
    const batch = await screen.findByLabelText(/openBatch/);
    await waitFor(() => expect(batch).toHaveValue(10));
    fireEvent.change(batch, { target: { value: '2.5' } });
    expect(batch).toHaveAccessibleDescription('0–1,000,000 사이의 정수를 입력하세요.');
    fireEvent.submit(batch.closest('form')!);
    await waitFor(() => expect(screen.getByText(/저장하지 않았습니다/)).toBeInTheDocument());
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it("keeps the operator's edits after a failed save: retry saves them again, and only discarding reads afresh", async () => {
    sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
    let puts = 0;
    const { calls } = opsApiSaving((call) =>
      ++puts === 1 ? problem('service-unavailable', 503) : { body: call.body },
    );
    const reads = () => calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/admin/admission').length;
    renderOps();
    const rate = await screen.findByTestId('rate');
    await waitFor(() => expect(rate).toHaveValue(2.5));
    const panel = rate.closest('form')!;
    expect(within(panel).queryByText('저장하지 않은 변경이 있습니다')).not.toBeInTheDocument();

    fireEvent.change(rate, { target: { value: '3.5' } });
    fireEvent.click(within(panel).getByLabelText('입장 일시정지 (paused)'));
    expect(within(panel).getByText('저장하지 않은 변경이 있습니다')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('save-admission'));
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent('서비스가 잠시 혼잡합니다');
    expect(rate).toHaveValue(3.5);
    expect(within(panel).getByText('저장하지 않은 변경이 있습니다')).toBeInTheDocument();

    fireEvent.click(within(alert).getByRole('button', { name: '다시 저장' }));
    await waitFor(() => expect(within(panel).getByText('✓ 저장했습니다')).toBeInTheDocument());
    const sent = calls.filter((c) => c.method === 'PUT').map((c) => c.body);
    const edited = { ...settings, ratePerSecond: 3.5, paused: true };
    expect(sent).toEqual([edited, edited]);
    expect(reads()).toBe(1); // the edits were not read over
    expect(rate).toHaveValue(3.5);
    expect(within(panel).queryByText('저장하지 않은 변경이 있습니다')).not.toBeInTheDocument();
  });

  it('can discard the edits a failed save kept, reading the settings afresh', async () => {
    sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
    const { calls } = opsApiSaving(() => problem('service-unavailable', 503));
    renderOps();
    const rate = await screen.findByTestId('rate');
    await waitFor(() => expect(rate).toHaveValue(2.5));
    const panel = rate.closest('form')!;
    fireEvent.change(rate, { target: { value: '7' } });
    fireEvent.click(screen.getByTestId('save-admission'));
    const alert = await within(panel).findByRole('alert');

    fireEvent.click(within(alert).getByRole('button', { name: '변경 취소하고 다시 불러오기' }));
    await waitFor(() => expect(rate).toHaveValue(2.5));
    expect(within(panel).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(panel).queryByText('저장하지 않은 변경이 있습니다')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('forgets a token the server refuses and asks again, saying why', async () => {
    sessionStorage.setItem(OPS_TOKEN_KEY, 'stale');
    mockApi([
      ['GET', /^\/api\/v1\/admin\//, () => problem('unauthorized', 401)],
      ['GET', /^\/api\/v1\/bots$/, () => problem('unauthorized', 401)],
      ['GET', /^\/api\/v1\/confirmations$/, () => problem('unauthorized', 401)],
    ]);
    renderOps();
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('운영 토큰이 올바르지 않습니다.'));
    expect(screen.getByLabelText('운영 토큰')).toHaveAttribute('aria-invalid', 'true');
    expect(sessionStorage.getItem(OPS_TOKEN_KEY)).toBeNull();
  });

  it("shows the round's live counters and charts the queue from the admin stats", async () => {
    sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
    mockApi([
      ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: settings })],
      ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
      ['GET', /^\/api\/v1\/admin\/stats$/, () => ({ body: stats })],
      confirmations,
      ['GET', /\/results$/, () => ({ body: { seats: { total: 100, sold: 7 } } })],
    ]);
    renderOps();
    await waitFor(() => expect(screen.getByTestId('stat-waiting')).toHaveTextContent('434'));
    await waitFor(() => expect(screen.getByTestId('confirm-waiting')).toHaveTextContent('3'));
    // the round by its open in the viewer's zone, as on the home screen, not by its raw id
    expect(screen.getByTestId('ops-round')).toHaveTextContent(/^\d{2}:\d{2}:00 오픈 라운드$/);
    expect(screen.getByTestId('ops-round').querySelector('time')).toHaveAttribute(
      'dateTime',
      '2026-11-24T10:15:00.000Z',
    );
    expect(screen.queryByText(/20261124T101500Z/)).not.toBeInTheDocument();
    const counters = screen.getByTestId('ops-stats');
    expect(within(counters).getByText('1,234')).toBeInTheDocument();
    expect(within(counters).getByText('1200 / 34')).toBeInTheDocument();
    expect(within(counters).getByText('2.5/s')).toBeInTheDocument();

    const queue = screen.getAllByTestId('chart').find((chart) => chart.dataset.label === '대기열 길이')!;
    expect(within(queue).getAllByRole('listitem')[0]).toHaveTextContent('434');
    // seats sold come from the round's results: the sell-out curve has its first point
    await waitFor(() => expect(within(sellOutChart()!).getAllByRole('listitem').at(-1)).toHaveTextContent('7'));
    // no cap set (maxActive 0): the active players alone
    expect(screen.getByTestId('stat-active')).toHaveTextContent(/^120$/);
    expect(screen.queryByTestId('cap-hint')).not.toBeInTheDocument();
  });

  it('charts confirmed bookings under names that say so, and says when the results stop answering (stale, not 0)', async () => {
    sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
    let statsPolls = 0;
    let resultsPolls = 0;
    mockApi([
      ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: settings })],
      ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
      // one second of server time per poll
      [
        'GET',
        /^\/api\/v1\/admin\/stats$/,
        () => ({
          body: { ...stats, serverTime: new Date(Date.UTC(2026, 10, 24, 10, 15, 5 + ++statsPolls)).toISOString() },
        }),
      ],
      confirmations,
      [
        'GET',
        /\/results$/,
        () => {
          resultsPolls += 1;
          if (resultsPolls === 2) return problem('service-unavailable', 503); // MySQL down for a poll
          return { body: { seats: { total: 100, sold: resultsPolls === 1 ? 7 : 9 } } };
        },
      ],
    ]);
    renderOps();
    const chart = (label: string) => screen.getAllByTestId('chart').find((c) => c.dataset.label === label);
    await waitFor(() => expect(chart('대기열 길이')).toBeDefined());
    expect(chart('초당 예매 확정')).toBeDefined();
    expect(screen.getByText('확정 곡선 (라운드 오픈 후 초)')).toBeInTheDocument();

    const stale = await screen.findByText(/예매 확정 차트가 멈춰 있습니다/, {}, { timeout: 10_000 });
    expect(stale.closest('[role="status"]')).not.toBeNull();
    // the failed poll left no point: no zero on the confirmed charts
    expect(within(chart('초당 예매 확정')!).queryAllByRole('listitem')).toHaveLength(0);
    expect(
      within(sellOutChart()!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['7']);

    // booking answers again: 2 more confirmed over the 2 s since the last answer, and the notice is gone
    await waitFor(() => expect(screen.queryByText(/예매 확정 차트가 멈춰 있습니다/)).not.toBeInTheDocument(), {
      timeout: 10_000,
    });
    expect(
      within(chart('초당 예매 확정')!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['1']);
    expect(
      within(sellOutChart()!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['7', '9']);
  });

  it('signs out: the token is forgotten and the form comes back', async () => {
    sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
    mockApi([
      ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: settings })],
      ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
      ['GET', /^\/api\/v1\/admin\/stats$/, () => ({ body: stats })],
      confirmations,
    ]);
    renderOps();
    fireEvent.click(screen.getByRole('button', { name: '토큰 지우기' }));
    expect(screen.getByLabelText('운영 토큰')).toBeInTheDocument();
    expect(sessionStorage.getItem(OPS_TOKEN_KEY)).toBeNull();
  });

  it("shows booking's refusal of the token in the confirmations panel and stays signed in", async () => {
    sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
    const { calls } = mockApi([
      ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: settings })],
      ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
      ['GET', /^\/api\/v1\/admin\/stats$/, () => ({ body: stats })],
      ['GET', /^\/api\/v1\/confirmations$/, () => problem('unauthorized', 401)],
    ]);
    renderOps();
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('운영 토큰이 올바르지 않습니다.'));
    expect(calls.find((c) => c.path === '/api/v1/confirmations')!.headers.Authorization).toBe('Bearer ops-secret');
    // only admission's answer signs the console out: the token stays, the form does not come back
    expect(screen.queryByLabelText('운영 토큰')).not.toBeInTheDocument();
    expect(sessionStorage.getItem(OPS_TOKEN_KEY)).toBe('ops-secret');
    await waitFor(() => expect(screen.getByTestId('rate')).toHaveValue(2.5));
    expect(screen.getByRole('heading', { name: '예매 확정 대기열' })).toBeInTheDocument();
  });

  describe('signing in with one call', () => {
    /** Admission takes only `good`; the other panels' reads answer whatever token they get. */
    function tokenApi(good: string, admission?: (call: Call) => ReturnType<typeof problem> | undefined) {
      return mockApi([
        [
          'GET',
          /^\/api\/v1\/admin\/admission$/,
          (call) =>
            admission?.(call) ??
            (call.headers.Authorization === `Bearer ${good}`
              ? { body: settings, headers: { ETag: SETTINGS_ETAG } }
              : problem('unauthorized', 401)),
        ],
        ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
        ['GET', /^\/api\/v1\/admin\/stats$/, () => ({ body: stats })],
        confirmations,
      ]);
    }

    it('checks a new token with admission alone: a refused one costs one failed sign-in, and the panels wait', async () => {
      const { calls } = tokenApi('ops-secret');
      renderOps();
      for (let attempt = 1; attempt <= 3; attempt++) {
        signIn(`wrong-${attempt}`);
        await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('운영 토큰이 올바르지 않습니다.'));
        expect(calls).toHaveLength(attempt); // one call per wrong token, none to bots, stats or confirmations
        expect(calls.every((c) => c.path === '/api/v1/admin/admission')).toBe(true);
        expect(screen.getByLabelText('운영 토큰')).toHaveValue('');
        expect(screen.getByLabelText('운영 토큰')).toHaveAttribute('aria-invalid', 'true');
      }
      expect(sessionStorage.getItem(OPS_TOKEN_KEY)).toBeNull();

      signIn('ops-secret');
      await waitFor(() => expect(screen.getByTestId('rate')).toHaveValue(2.5));
      await waitFor(() => expect(screen.getByTestId('stat-waiting')).toHaveTextContent('434'));
      expect(sessionStorage.getItem(OPS_TOKEN_KEY)).toBe('ops-secret');
      const taken = calls.filter((c) => c.headers.Authorization === 'Bearer ops-secret');
      // the check's read is the form's first: admission was asked once
      expect(taken.filter((c) => c.path === '/api/v1/admin/admission')).toHaveLength(1);
      expect(taken.map((c) => c.path)).toEqual(expect.arrayContaining(['/api/v1/bots', '/api/v1/confirmations']));
    });

    it('keeps the token field beside the lockout and its seconds, and sends the token again once it has passed', async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      try {
        let locked = true;
        const { calls } = tokenApi('ops-secret', () =>
          locked ? withRetryAfter(problem('rate-limited', 429), '3') : undefined,
        );
        renderOps();
        signIn('ops-secret');
        await waitFor(() => expect(screen.getByText(/운영 API가 3초 동안 잠겼습니다/)).toBeInTheDocument());
        const field = screen.getByLabelText<HTMLInputElement>('운영 토큰');
        expect(field.value.trim()).toBe('ops-secret'); // kept, to be sent again
        expect(field).not.toHaveAttribute('aria-invalid', 'true'); // a lockout is no refused token
        expect(screen.getByRole('button', { name: '접속' })).toBeDisabled();
        expect(calls).toHaveLength(1);

        locked = false;
        await act(async () => void (await vi.advanceTimersByTimeAsync(1_000)));
        // the fake clock also moves with real time (shouldAdvanceTime): a loaded machine may be a second further on
        expect(screen.getByText(/운영 API가 [12]초 동안 잠겼습니다/)).toBeInTheDocument();
        await act(async () => void (await vi.advanceTimersByTimeAsync(2_000)));
        fireEvent.click(screen.getByRole('button', { name: '접속' }));
        await waitFor(() => expect(screen.getByTestId('rate')).toHaveValue(2.5));
        expect(sessionStorage.getItem(OPS_TOKEN_KEY)).toBe('ops-secret');
      } finally {
        vi.useRealTimers();
      }
    });

    it('checks a token kept for the tab the same way: a lockout keeps it, in the field, with no panel reading', async () => {
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      const { calls } = tokenApi('ops-secret', () => withRetryAfter(problem('rate-limited', 429), '30'));
      renderOps();
      await waitFor(() => expect(screen.getByText(/운영 API가 30초 동안 잠겼습니다/)).toBeInTheDocument());
      expect(screen.getByLabelText('운영 토큰')).toHaveValue('ops-secret');
      expect(calls.map((c) => c.path)).toEqual(['/api/v1/admin/admission']);
      expect(sessionStorage.getItem(OPS_TOKEN_KEY)).toBe('ops-secret');
    });
  });

  describe('settings changed elsewhere', () => {
    it('saves admission with If-Match, and on 412 shows the settings in force and says to make the change again', async () => {
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      const theirs = { ...settings, paused: true };
      const { calls } = opsApiSaving(() => ({
        ...problem('settings-changed', 412, { current: theirs }),
        headers: { 'Content-Type': 'application/problem+json', ETag: '"v2"' },
      }));
      renderOps();
      const rate = await screen.findByTestId('rate');
      await waitFor(() => expect(rate).toHaveValue(2.5));
      const panel = rate.closest('form')!;
      const paused = within(panel).getByLabelText('입장 일시정지 (paused)');
      expect(within(panel).queryByTestId('paused')).not.toBeInTheDocument();

      fireEvent.change(within(panel).getByLabelText(/openBatch/), { target: { value: '20' } });
      fireEvent.click(screen.getByTestId('save-admission'));
      await waitFor(() =>
        expect(panel).toHaveTextContent(
          '불러온 뒤 다른 사람이 입장 설정을 바꿨습니다. 폼에 그 설정을 표시했으니 변경을 다시 해 주세요.',
        ),
      );
      const put = calls.find((c) => c.method === 'PUT')!;
      expect(put.headers['If-Match']).toBe('"v1"');
      // the form shows theirs: their pause, and the openBatch in force (the edit is to be made again)
      expect(paused).toBeChecked();
      expect(within(panel).getByLabelText(/openBatch/)).toHaveValue(10);
      expect(within(panel).getByTestId('paused')).toHaveTextContent('입장 일시정지됨');
      expect(within(panel).queryByText('✓ 저장했습니다')).not.toBeInTheDocument();
      expect(within(panel).queryByRole('alert')).not.toBeInTheDocument();
    });

    it('refreshes a clean form when the window regains the focus, and keeps unsaved edits over a newer read', async () => {
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      let server = settings;
      const { calls } = mockApi([
        ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: server })],
        ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
        ['GET', /^\/api\/v1\/admin\/stats$/, () => ({ body: { ...stats, current: null } })],
        confirmations,
      ]);
      const reads = () => calls.filter((c) => c.path === '/api/v1/admin/admission').length;
      renderOps();
      const rate = await screen.findByTestId('rate');
      await waitFor(() => expect(rate).toHaveValue(2.5));
      const panel = rate.closest('form')!;

      server = { ...settings, ratePerSecond: 7 };
      fireEvent.focus(window);
      await waitFor(() => expect(rate).toHaveValue(7));

      fireEvent.change(within(panel).getByLabelText(/openBatch/), { target: { value: '20' } });
      server = { ...settings, ratePerSecond: 7, paused: true };
      const before = reads();
      fireEvent.focus(window);
      await waitFor(() => expect(panel).toHaveTextContent('불러온 뒤 다른 곳에서 설정이 바뀌었습니다.'));
      expect(reads()).toBe(before + 1);
      expect(panel).toHaveTextContent('지금 적용 중: ratePerSecond 7 · openBatch 10 · maxActive 0 · paused true.');
      expect(within(panel).getByLabelText(/openBatch/)).toHaveValue(20); // the edit stays
      expect(within(panel).getByLabelText('입장 일시정지 (paused)')).not.toBeChecked();

      fireEvent.click(within(panel).getByRole('button', { name: '내 변경 버리고 적용 중인 설정 보기' }));
      await waitFor(() => expect(within(panel).getByLabelText('입장 일시정지 (paused)')).toBeChecked());
      expect(within(panel).getByLabelText(/openBatch/)).toHaveValue(10);
      expect(panel).not.toHaveTextContent('다른 곳에서 설정이 바뀌었습니다');
    });

    it('sends the bots only the fields changed (a partial update keeps the rest as bot-runner has it)', async () => {
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      const bots = { enabled: true, perRound: 50, difficulty: 'NORMAL', cancelProbability: 0.05 };
      const { calls } = mockApi([
        ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: settings })],
        ['GET', /^\/api\/v1\/bots$/, () => ({ body: bots })],
        ['PUT', /^\/api\/v1\/bots$/, (call) => ({ body: { ...bots, ...(call.body as object) } })],
        ['GET', /^\/api\/v1\/admin\/stats$/, () => ({ body: stats })],
        confirmations,
      ]);
      renderOps();
      const perRound = await screen.findByLabelText('라운드당 봇 수 (perRound)');
      await waitFor(() => expect(perRound).toHaveValue(50));
      fireEvent.change(perRound, { target: { value: '80' } });
      fireEvent.submit(perRound.closest('form')!);
      await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
      expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ perRound: 80 });
      await waitFor(() => expect(within(perRound.closest('form')!).getByText('✓ 저장했습니다')).toBeInTheDocument());

      fireEvent.change(screen.getByLabelText('난이도 (difficulty)'), { target: { value: 'HARD' } });
      fireEvent.submit(perRound.closest('form')!);
      await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
      expect(calls.filter((c) => c.method === 'PUT')[1]!.body).toEqual({ difficulty: 'HARD' });
    });
  });

  describe('paused admission', () => {
    it("says so in the live panel from an open round's own settings, which the stats carry", async () => {
      clockAt('2026-11-24T10:15:05Z');
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      mockApi([
        ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: settings })],
        ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
        [
          'GET',
          /^\/api\/v1\/admin\/stats$/,
          () => ({ body: { ...stats, current: { ...stats.current, settings: { ...settings, paused: true } } } }),
        ],
        confirmations,
      ]);
      renderOps();
      const live = (await screen.findByRole('heading', { name: '실시간 현황' })).closest('section')!;
      await waitFor(() => expect(within(live).getByTestId('paused')).toHaveTextContent('입장 일시정지됨'));
      expect(live).toHaveTextContent('입장이 일시정지되어 있습니다');
    });

    it("says so from admission's settings before anybody entered the round (the stats carry none)", async () => {
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      mockApi([
        ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: { ...settings, paused: true } })],
        ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
        ['GET', /^\/api\/v1\/admin\/stats$/, () => ({ body: { ...stats, current: null } })],
        confirmations,
      ]);
      render(
        <I18nProvider initial="en">
          <Ops />
        </I18nProvider>,
      );
      const live = (await screen.findByRole('heading', { name: 'Live' })).closest('section')!;
      await waitFor(() => expect(within(live).getByTestId('paused')).toHaveTextContent('PAUSED'));
      expect(live).toHaveTextContent('Admission is paused');
    });

    it('shows no paused state while admission runs', async () => {
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      opsApiSaving((call) => ({ body: call.body }));
      renderOps();
      await waitFor(() => expect(screen.getByTestId('stat-waiting')).toHaveTextContent('434'));
      await waitFor(() => expect(screen.getByTestId('rate')).toHaveValue(2.5));
      expect(screen.queryByTestId('paused')).not.toBeInTheDocument();
    });
  });

  describe('the round in the live panel', () => {
    /**
     * The console with admission's settings as `server` holds them (a save changes them) and the stats of the round
     * opened at 10:15:00 (closing at 10:15:15), read at the clock's time, with `roundSettings` as the round kept them.
     */
    function roundApi(server: { settings: typeof settings }, roundSettings: () => typeof settings) {
      return mockApi([
        ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: server.settings })],
        [
          'PUT',
          /^\/api\/v1\/admin\/admission$/,
          (call) => {
            server.settings = call.body as typeof settings;
            return { body: server.settings };
          },
        ],
        ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
        [
          'GET',
          /^\/api\/v1\/admin\/stats$/,
          () => ({
            body: {
              ...stats,
              serverTime: new Date().toISOString(),
              current: { ...stats.current, waiting: 23, active: 65, settings: roundSettings() },
            },
          }),
        ],
        confirmations,
      ]);
    }

    it('between rounds tells the settings in force, which the next round opens with, not those the closed round kept', async () => {
      clockAt('2026-11-24T10:15:30Z');
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      const server = { settings: { ...settings, ratePerSecond: 8 } };
      roundApi(server, () => ({ ...settings, ratePerSecond: 8 })); // as the round closed
      renderOps();
      const live = await livePanel();
      await waitFor(() => expect(within(live).getByTestId('stat-waiting')).toHaveTextContent('23'));
      // closed, with the time to the next open, and the tiles said to be the closed round's
      expect(within(live).getByTestId('ops-round-state')).toHaveTextContent(/^마감됨 · 다음 오픈까지 (30|29|28)초$/);
      expect(live).toHaveTextContent('마감된 라운드의 집계입니다');
      expect(live).not.toHaveTextContent('진행 중인 라운드의 집계입니다');
      expect(within(live).getByText('다음 라운드 8/s')).toBeInTheDocument();
      expect(within(live).queryByTestId('paused')).not.toBeInTheDocument();

      // ops pause admission and set 50 a second: the live panel agrees with the admission panel at once
      const rate = screen.getByTestId('rate');
      await waitFor(() => expect(rate).toHaveValue(8));
      fireEvent.change(rate, { target: { value: '50' } });
      fireEvent.click(screen.getByLabelText('입장 일시정지 (paused)'));
      fireEvent.click(screen.getByTestId('save-admission'));
      await waitFor(() => expect(within(live).getByTestId('paused')).toHaveTextContent('입장 일시정지됨'));
      expect(live).toHaveTextContent('입장이 일시정지되어 있습니다');
      expect(within(live).getByText('다음 라운드 50/s')).toBeInTheDocument();
      expect(within(rate.closest('form')!).getByTestId('paused')).toBeInTheDocument();

      // the closed round's leftover waiting are no queue: nothing drawn after its close
      const queue = screen.getAllByTestId('chart').find((chart) => chart.dataset.label === '대기열 길이')!;
      expect(within(queue).queryAllByRole('listitem')).toHaveLength(0);
    });

    it("during an open round tells the round's own settings, a saved change among them at once", async () => {
      clockAt('2026-11-24T10:15:05Z');
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      const server = { settings: { ...settings, ratePerSecond: 8 } };
      roundApi(server, () => server.settings); // an open round follows the settings in force
      renderOps('en');
      const live = await livePanel('Live');
      await waitFor(() => expect(within(live).getByText('Set to 8/s')).toBeInTheDocument());
      expect(within(live).getByTestId('ops-round-state')).toHaveTextContent(/^Open · Closes in (10|9|8)s$/);
      // the same one line under the tiles as when closed: nothing below jumps at the close
      expect(within(live).getByTestId('counts-note')).toHaveTextContent("The open round's counts, read every second.");
      expect(live).not.toHaveTextContent("The closed round's counts");
      const queue = screen.getAllByTestId('chart').find((chart) => chart.dataset.label === 'Queue length')!;
      expect(within(queue).getAllByRole('listitem')[0]).toHaveTextContent('23');

      await waitFor(() => expect(screen.getByTestId('rate')).toHaveValue(8));
      fireEvent.click(screen.getByLabelText('Pause admission (paused)'));
      fireEvent.click(screen.getByTestId('save-admission'));
      await waitFor(() => expect(within(live).getByTestId('paused')).toHaveTextContent('PAUSED'));
      expect(live).toHaveTextContent('Admission is paused');
    });

    it.each([
      [
        'ko',
        '65 / 상한 20',
        '활성 상한(maxActive 20)은 새 입장 허가만 멈춥니다. 이미 입장 허가를 받은 사람은 예매를 끝내거나',
      ],
      ['en', '65 / 20 cap', 'The active cap (maxActive 20) only stops new admissions: players already admitted stay'],
    ] as const)(
      'shows a maxActive cap beside the active players it caps, and what it does not do (%s)',
      async (lang, tile, hint) => {
        clockAt('2026-11-24T10:15:05Z');
        sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
        const server = { settings: { ...settings, ratePerSecond: 8, maxActive: 20 } };
        roundApi(server, () => server.settings);
        renderOps(lang);
        await waitFor(() => expect(screen.getByTestId('stat-active')).toHaveTextContent(tile));
        expect(screen.getByTestId('cap-hint')).toHaveTextContent(hint);
      },
    );
  });

  describe('layout', () => {
    /** A window `width` px wide as far as media queries go, told to its listeners when it changes. */
    function windowOf(width: number) {
      const listeners = new Set<() => void>();
      let current = width;
      vi.stubGlobal('matchMedia', (query: string) => ({
        get matches() {
          const max = /max-width: (\d+)px/.exec(query);
          return max !== null && current <= Number(max[1]);
        },
        media: query,
        addEventListener: (_: string, listener: () => void) => listeners.add(listener),
        removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
      }));
      return (next: number) =>
        act(() => {
          current = next;
          for (const listener of [...listeners]) listener();
        });
    }

    const panels = () => screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);

    it('puts the live panel first on a narrow screen, in the page order, each panel keeping its state', async () => {
      const resize = windowOf(1280);
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      opsApiSaving((call) => ({ body: call.body }));
      renderOps();
      await waitFor(() => expect(screen.getByTestId('stat-waiting')).toHaveTextContent('434'));
      expect(panels()).toEqual(['입장 제어', '봇', '실시간 현황', '예매 확정 대기열']);
      const rate = screen.getByTestId('rate');
      await waitFor(() => expect(rate).toHaveValue(2.5));
      fireEvent.change(rate, { target: { value: '7' } });

      // a phone (390 px): the live panel first, read and tabbed through in the order it is seen
      resize(390);
      expect(panels()).toEqual(['실시간 현황', '입장 제어', '봇', '예매 확정 대기열']);
      // moved, not mounted afresh: the unsaved edit and the stats read stay
      expect(screen.getByTestId('rate')).toHaveValue(7);
      expect(screen.getByTestId('stat-waiting')).toHaveTextContent('434');

      resize(1280);
      expect(panels()).toEqual(['입장 제어', '봇', '실시간 현황', '예매 확정 대기열']);
    });
  });

  describe('failures said for what they are', () => {
    it('a 429 lockout shows the seconds left in every panel reading, never "cannot reach", and no zeros', async () => {
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      const locked = () => withRetryAfter(problem('rate-limited', 429), '44');
      let admissionReads = 0;
      // the token was taken (its check read admission's settings), and the lockout began right after
      mockApi([
        ['GET', /^\/api\/v1\/admin\/admission$/, () => (++admissionReads === 1 ? { body: settings } : locked())],
        ['GET', /^\/api\/v1\/admin\//, locked],
        ['GET', /^\/api\/v1\/bots$/, locked],
        ['GET', /^\/api\/v1\/confirmations$/, locked],
      ]);
      render(
        <I18nProvider initial="en">
          <Ops />
        </I18nProvider>,
      );
      const lockout = 'Too many failed sign-ins from this address: the ops API is locked for 44 s.';
      await waitFor(() => expect(screen.getAllByText(lockout)).toHaveLength(3)); // bots, live, confirmations
      expect(screen.queryByText('Cannot reach the bot-runner.')).not.toBeInTheDocument();
      expect(screen.queryByText('Could not load the stats.')).not.toBeInTheDocument();
      const tiles = within(screen.getByTestId('ops-stats'));
      expect(tiles.queryByText('0')).not.toBeInTheDocument();
      expect(tiles.getAllByText('–')).toHaveLength(6);
      expect(sessionStorage.getItem(OPS_TOKEN_KEY)).toBe('ops-secret'); // a lockout is no refused token
    });

    it('counts the lockout down', async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      try {
        sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
        const locked = () => withRetryAfter(problem('rate-limited', 429), '44');
        mockApi([
          ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: settings })],
          ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
          ['GET', /^\/api\/v1\/admin\/stats$/, locked],
          confirmations,
        ]);
        renderOps();
        await waitFor(() => expect(screen.getByText(/운영 API가 44초 동안 잠겼습니다/)).toBeInTheDocument());
        await act(async () => void (await vi.advanceTimersByTimeAsync(3000)));
        // the fake clock also moves with real time (shouldAdvanceTime): a loaded machine may be a second further on
        expect(screen.getByText(/운영 API가 4[01]초 동안 잠겼습니다/)).toBeInTheDocument();
      } finally {
        vi.useRealTimers();
      }
    });

    it('shows a dash, not 0, on the tiles while the stats cannot be loaded', async () => {
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      mockApi([
        ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: settings })],
        ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
        ['GET', /^\/api\/v1\/admin\/stats$/, () => problem('service-unavailable', 503)],
        confirmations,
      ]);
      renderOps();
      const tiles = within(await screen.findByTestId('ops-stats'));
      expect(tiles.getAllByText('–')).toHaveLength(6); // not loaded yet: no zeros either
      await waitFor(() => expect(screen.getByText('통계를 불러오지 못했습니다.')).toBeInTheDocument());
      expect(tiles.queryByText('0')).not.toBeInTheDocument();
      expect(tiles.queryByText('0 / 0')).not.toBeInTheDocument();
      expect(tiles.getAllByText('–')).toHaveLength(6);
    });

    it("says booking answers but MySQL does not when the round's results are a 503, and not answering when nothing answers", async () => {
      sessionStorage.setItem(OPS_TOKEN_KEY, 'ops-secret');
      let results: () => ReturnType<typeof problem> | Error = () => problem('service-unavailable', 503);
      mockApi([
        ['GET', /^\/api\/v1\/admin\/admission$/, () => ({ body: settings })],
        ['GET', /^\/api\/v1\/bots$/, () => ({ body: { enabled: false, perRound: 0, difficulty: 'EASY' } })],
        ['GET', /^\/api\/v1\/admin\/stats$/, () => ({ body: stats })],
        confirmations,
        ['GET', /\/results$/, () => results()],
      ]);
      renderOps();
      await waitFor(() =>
        expect(screen.getByText(/booking은 응답하지만 MySQL에 연결할 수 없습니다/)).toBeInTheDocument(),
      );
      expect(screen.queryByText(/booking 응답 없음/)).not.toBeInTheDocument();

      results = () => new Error('booking down');
      await waitFor(() => expect(screen.getByText(/booking 응답 없음/)).toBeInTheDocument(), { timeout: 10_000 });
      expect(screen.queryByText(/MySQL에 연결할 수 없습니다/)).not.toBeInTheDocument();
    });
  });
});
