import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Header } from '../components/Header';
import { I18nProvider } from '../i18n/i18n';
import { roundIdAt } from '../lib/clock';
import { playerSecret } from '../lib/playerSecret';
import { mockApi, problem, withRetryAfter } from '../test/api';
import { flush } from '../test/timers';
import { SecurityLetter } from './SecurityLetter';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

// a round that opens in an hour: still open by the clock whenever the tests run (a closed one ends the screen)
const ROUND = roundIdAt(Math.floor(Date.now() / 60_000) * 60_000 + 3_600_000);
const session = { nickname: 'p1', ticketId: 't1', roundId: ROUND, token: 'jwt' };
/** A round that closes at 10:15:15 by the (fake) clock. */
const closing = { ...session, roundId: '20261124T101500Z' };
const letterRoute = (): Parameters<typeof mockApi>[0][number] => {
  let issued = 0;
  return [
    'POST',
    /^\/api\/v1\/captcha$/,
    () => ({ status: 201, body: { captchaId: `c${++issued}`, image: `data:image/png;base64,AAA${issued}` } }),
  ];
};

describe('security letter', () => {
  it('says a wrong answer in English once the player switches language', async () => {
    mockApi([letterRoute(), ['POST', /^\/api\/v1\/captcha\/c1$/, () => problem('wrong-answer', 422)]]);
    render(
      <I18nProvider initial="ko">
        <Header route="play" />
        <SecurityLetter session={session} onSolved={vi.fn()} onRoundOver={vi.fn()} onHome={vi.fn()} />
      </I18nProvider>,
    );
    await waitFor(() =>
      expect(screen.getByTestId('captcha-image')).toHaveAttribute('src', 'data:image/png;base64,AAA1'),
    );
    fireEvent.change(screen.getByLabelText('보안문자'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: '입력 완료' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('보안문자가 일치하지 않습니다'));
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(screen.getByRole('alert')).not.toHaveTextContent('보안문자가 일치하지 않습니다');
    expect(screen.getByRole('alert')).toHaveTextContent('That did not match');
  });

  it('gets a new letter after a wrong answer and goes on when solved', async () => {
    let issued = 0;
    const { calls } = mockApi([
      [
        'POST',
        /^\/api\/v1\/captcha$/,
        () => ({ status: 201, body: { captchaId: `c${++issued}`, image: `data:image/png;base64,AAA${issued}` } }),
      ],
      ['POST', /^\/api\/v1\/captcha\/c1$/, () => problem('wrong-answer', 422)],
      ['POST', /^\/api\/v1\/captcha\/c2$/, () => ({ status: 204 })],
    ]);
    const onSolved = vi.fn();
    render(
      <I18nProvider initial="ko">
        <SecurityLetter session={session} onSolved={onSolved} onRoundOver={vi.fn()} onHome={vi.fn()} />
      </I18nProvider>,
    );
    const input = screen.getByLabelText('보안문자');
    expect(input).toHaveFocus();
    await waitFor(() =>
      expect(screen.getByTestId('captcha-image')).toHaveAttribute('src', 'data:image/png;base64,AAA1'),
    );

    fireEvent.change(input, { target: { value: 'wrong' } });
    expect(input).toHaveValue('WRONG');
    fireEvent.click(screen.getByRole('button', { name: '입력 완료' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('보안문자가 일치하지 않습니다'));
    await waitFor(() =>
      expect(screen.getByTestId('captcha-image')).toHaveAttribute('src', 'data:image/png;base64,AAA2'),
    );
    expect(input).toHaveValue('');

    fireEvent.change(input, { target: { value: 'test42' } });
    fireEvent.click(screen.getByRole('button', { name: '입력 완료' }));
    await waitFor(() => expect(onSolved).toHaveBeenCalled());
    const answer = calls.find((c) => c.path === '/api/v1/captcha/c2')!;
    expect(answer.body).toEqual({ answer: 'TEST42' });
    expect(answer.headers.Authorization).toBe('Bearer jwt');
  });

  it('sends the same answer to the same letter again after a 503 on the answer: the letter was not used up', async () => {
    let issued = 0;
    let answers = 0;
    const { calls } = mockApi([
      [
        'POST',
        /^\/api\/v1\/captcha$/,
        () => ({ status: 201, body: { captchaId: `c${++issued}`, image: `data:image/png;base64,AAA${issued}` } }),
      ],
      [
        'POST',
        /^\/api\/v1\/captcha\/c1$/,
        () => (++answers === 1 ? problem('service-unavailable', 503) : { status: 204 }),
      ],
    ]);
    const onSolved = vi.fn();
    render(
      <I18nProvider initial="ko">
        <SecurityLetter session={session} onSolved={onSolved} onRoundOver={vi.fn()} onHome={vi.fn()} />
      </I18nProvider>,
    );
    await screen.findByTestId('captcha-image');
    const input = screen.getByLabelText('보안문자');
    fireEvent.change(input, { target: { value: 'test42' } });
    fireEvent.click(screen.getByRole('button', { name: '입력 완료' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('서비스가 잠시 혼잡합니다');
    expect(input).toHaveValue('TEST42');

    fireEvent.click(within(alert).getByRole('button', { name: '다시 시도' }));
    await waitFor(() => expect(onSolved).toHaveBeenCalledTimes(1));
    expect(issued).toBe(1); // no new letter
    const sent = calls.filter((c) => c.path === '/api/v1/captcha/c1');
    expect(sent.map((c) => c.body)).toEqual([{ answer: 'TEST42' }, { answer: 'TEST42' }]);
  });

  it('ends the attempt when the round has closed: on to the result, with the problem', async () => {
    mockApi([['POST', /^\/api\/v1\/captcha$/, () => problem('round-closed', 403)]]);
    const onRoundOver = vi.fn();
    render(
      <I18nProvider initial="ko">
        <SecurityLetter session={session} onSolved={vi.fn()} onRoundOver={onRoundOver} onHome={vi.fn()} />
      </I18nProvider>,
    );
    await waitFor(() => expect(onRoundOver).toHaveBeenCalledTimes(1));
    expect(onRoundOver.mock.calls[0]?.[0]).toMatchObject({ slug: 'round-closed' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('ends the attempt at the close by the clock: the letter does not stay answerable', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 13));
    mockApi([letterRoute()]);
    const onRoundOver = vi.fn();
    render(
      <I18nProvider initial="ko">
        <SecurityLetter session={closing} onSolved={vi.fn()} onRoundOver={onRoundOver} onHome={vi.fn()} />
      </I18nProvider>,
    );
    await flush();
    expect(screen.getByTestId('captcha-image')).toBeInTheDocument();
    await flush(1_000);
    expect(onRoundOver).not.toHaveBeenCalled();

    await flush(1_100); // 10:15:15.1
    expect(onRoundOver).toHaveBeenCalledTimes(1);
    expect(onRoundOver.mock.calls[0]?.[0]).toMatchObject({ status: 403, slug: 'round-closed' });
    await flush(3_000);
    expect(onRoundOver).toHaveBeenCalledTimes(1);
  });

  it("leaves the close to an answer on its way: that answer's 403 ends the attempt", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 14, 500));
    let answered: (reply: ReturnType<typeof problem>) => void = () => undefined;
    mockApi([
      letterRoute(),
      ['POST', /^\/api\/v1\/captcha\/c1$/, () => new Promise((resolve) => (answered = resolve))],
    ]);
    const onRoundOver = vi.fn();
    const onSolved = vi.fn();
    render(
      <I18nProvider initial="ko">
        <SecurityLetter session={closing} onSolved={onSolved} onRoundOver={onRoundOver} onHome={vi.fn()} />
      </I18nProvider>,
    );
    await flush();
    fireEvent.change(screen.getByLabelText('보안문자'), { target: { value: 'test42' } });
    fireEvent.click(screen.getByRole('button', { name: '입력 완료' }));
    await flush(2_000); // past the close, the answer still on its way
    expect(onRoundOver).not.toHaveBeenCalled();

    answered(problem('round-closed', 403, { closedBy: 'server' }));
    await flush();
    expect(onRoundOver).toHaveBeenCalledTimes(1);
    expect(onRoundOver.mock.calls[0]?.[0]).toMatchObject({ slug: 'round-closed', problem: { closedBy: 'server' } });
    await flush(2_000);
    expect(onRoundOver).toHaveBeenCalledTimes(1);
    expect(onSolved).not.toHaveBeenCalled();
  });

  it("clears the spent letter and its answer when a new one is refused, and waits out the refusal's Retry-After", async () => {
    vi.useFakeTimers();
    let issued = 0;
    const { calls } = mockApi([
      [
        'POST',
        /^\/api\/v1\/captcha$/,
        () => {
          issued += 1;
          if (issued === 2) {
            const busy = problem('rate-limited', 429);
            return { ...busy, headers: { ...busy.headers, 'Retry-After': '2' } };
          }
          return { status: 201, body: { captchaId: `c${issued}`, image: `data:image/png;base64,AAA${issued}` } };
        },
      ],
      ['POST', /^\/api\/v1\/captcha\/c1$/, () => problem('wrong-answer', 422)],
    ]);
    render(
      <I18nProvider initial="ko">
        <SecurityLetter session={session} onSolved={vi.fn()} onRoundOver={vi.fn()} onHome={vi.fn()} />
      </I18nProvider>,
    );
    await flush();
    const input = screen.getByLabelText('보안문자');
    fireEvent.change(input, { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: '입력 완료' }));
    await flush();

    // the new letter was refused: the used-up one is not left on screen to be answered again
    expect(issued).toBe(2);
    expect(screen.queryByTestId('captcha-image')).not.toBeInTheDocument();
    expect(input).toHaveValue('');
    expect(screen.getByRole('button', { name: '입력 완료' })).toHaveAttribute('aria-disabled', 'true');
    const notice = screen.getAllByRole('alert').find((el) => el.classList.contains('notice'))!;
    expect(notice).toHaveTextContent('요청이 너무 많습니다');
    const retry = within(notice).getByRole('button', { name: '2초 후 다시 시도' });
    expect(retry).toBeDisabled();
    expect(screen.getByRole('button', { name: '새 보안문자 받기' })).toBeDisabled();
    fireEvent.click(retry);
    await flush();
    expect(issued).toBe(2);

    await flush(1_000);
    expect(within(notice).getByRole('button', { name: '1초 후 다시 시도' })).toBeDisabled();
    await flush(1_000); // Retry-After has passed
    fireEvent.click(within(notice).getByRole('button', { name: '다시 시도' }));
    await flush();
    expect(issued).toBe(3);
    expect(screen.getByTestId('captcha-image')).toHaveAttribute('src', 'data:image/png;base64,AAA3');
    expect(calls.filter((c) => c.path === '/api/v1/captcha/c1')).toHaveLength(1);
  });

  describe('after a 503 (a dependency of booking briefly down)', () => {
    const unavailable = (seconds?: string) =>
      seconds === undefined
        ? problem('service-unavailable', 503)
        : withRetryAfter(problem('service-unavailable', 503), seconds);
    const renderLetter = (player = session, onSolved = vi.fn(), onRoundOver = vi.fn()) => {
      render(
        <I18nProvider initial="ko">
          <SecurityLetter session={player} onSolved={onSolved} onRoundOver={onRoundOver} onHome={vi.fn()} />
        </I18nProvider>,
      );
      return { onSolved, onRoundOver };
    };

    it('asks for the letter again by itself once the Retry-After has passed, saying so meanwhile', async () => {
      vi.useFakeTimers();
      let issued = 0;
      mockApi([
        [
          'POST',
          /^\/api\/v1\/captcha$/,
          () =>
            ++issued === 1
              ? unavailable('2')
              : { status: 201, body: { captchaId: `c${issued}`, image: `data:image/png;base64,AAA${issued}` } },
        ],
      ]);
      renderLetter();
      await flush();
      expect(issued).toBe(1);
      expect(screen.getByTestId('auto-retry')).toHaveTextContent('2초 후 자동으로 다시 시도합니다 (3번 중 1번째)');
      await flush(1_000);
      expect(screen.getByTestId('auto-retry')).toHaveTextContent('1초 후 자동으로');
      await flush(900);
      expect(issued).toBe(1);
      await flush(100);
      expect(issued).toBe(2);
      expect(screen.getByTestId('captcha-image')).toHaveAttribute('src', 'data:image/png;base64,AAA2');
      expect(screen.queryByTestId('auto-retry')).not.toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });

    /** The letter shown, "test42" sent for it: that first answer meets a 503 (no Retry-After), the next a 204. */
    const answerMeetsA503Once = async () => {
      vi.useFakeTimers();
      let answers = 0;
      const { calls } = mockApi([
        letterRoute(),
        ['POST', /^\/api\/v1\/captcha\/c1$/, () => (++answers === 1 ? unavailable() : { status: 204 })],
      ]);
      const { onSolved } = renderLetter();
      await flush();
      fireEvent.change(screen.getByLabelText('보안문자'), { target: { value: 'test42' } });
      fireEvent.click(screen.getByRole('button', { name: '입력 완료' }));
      await flush();
      return { calls, onSolved, answers: () => answers };
    };

    it('sends the same answer to the same letter again by itself (a right answer sent again is 204)', async () => {
      const { calls, onSolved, answers } = await answerMeetsA503Once();
      expect(answers()).toBe(1);
      expect(screen.getByTestId('auto-retry')).toHaveTextContent('1초 후 자동으로 다시 시도합니다');
      await flush(1_000); // no Retry-After: not back to back, a second later
      expect(onSolved).toHaveBeenCalledTimes(1);
      const sent = calls.filter((c) => c.path === '/api/v1/captcha/c1').map((c) => c.body);
      expect(sent).toEqual([{ answer: 'TEST42' }, { answer: 'TEST42' }]);
      expect(calls.filter((c) => c.path === '/api/v1/captcha')).toHaveLength(1);
    });

    it('sends by itself the answer that met the 503, not what the field holds by then', async () => {
      const { calls } = await answerMeetsA503Once();
      fireEvent.change(screen.getByLabelText('보안문자'), { target: { value: '' } });
      await flush(1_000);
      const sent = calls.filter((c) => c.path === '/api/v1/captcha/c1').map((c) => c.body);
      expect(sent).toEqual([{ answer: 'TEST42' }, { answer: 'TEST42' }]);
    });

    it('stops after three tries by itself and leaves the Retry to the player', async () => {
      vi.useFakeTimers();
      let issued = 0;
      mockApi([['POST', /^\/api\/v1\/captcha$/, () => (++issued, unavailable('1'))]]);
      renderLetter();
      await flush();
      for (let i = 0; i < 3; i++) await flush(1_000);
      expect(issued).toBe(4);
      await flush(10_000);
      expect(issued).toBe(4);
      expect(screen.queryByTestId('auto-retry')).not.toBeInTheDocument();
      const notice = screen.getByRole('alert');
      fireEvent.click(within(notice).getByRole('button', { name: '다시 시도' }));
      await flush();
      expect(issued).toBe(5);
    });

    it("does not wait for a retry past the round's close: the close ends the attempt", async () => {
      vi.useFakeTimers();
      vi.setSystemTime(Date.UTC(2026, 10, 24, 10, 15, 12));
      let issued = 0;
      mockApi([['POST', /^\/api\/v1\/captcha$/, () => (++issued, unavailable('5'))]]);
      const { onRoundOver } = renderLetter(closing);
      await flush();
      expect(issued).toBe(1);
      expect(screen.queryByTestId('auto-retry')).not.toBeInTheDocument();
      await flush(3_100); // 10:15:15.1
      expect(onRoundOver).toHaveBeenCalledTimes(1);
      await flush(5_000);
      expect(issued).toBe(1);
    });
  });
});

/** A stand-in for the browser's audio element: it records what it was given and plays at once. */
class FakeAudio extends EventTarget {
  static made: FakeAudio[] = [];
  src = '';
  played = 0;
  paused = true;
  loaded = 0;
  currentTime = 0;
  constructor() {
    super();
    FakeAudio.made.push(this);
  }
  load() {
    this.loaded += 1;
  }
  play() {
    this.played += 1;
    this.paused = false;
    return Promise.resolve();
  }
  pause() {
    this.paused = true;
  }
}

/** `new Audio` and the object URLs (jsdom has neither): the URLs made and given back. */
function stubAudio() {
  FakeAudio.made = [];
  let made = 0;
  const create = vi.fn((_blob: Blob) => `blob:letter-audio-${++made}`);
  const revoke = vi.fn((_url: string) => undefined);
  vi.stubGlobal('Audio', FakeAudio);
  vi.stubGlobal(
    'URL',
    class extends URL {
      static createObjectURL = create;
      static revokeObjectURL = revoke;
    },
  );
  return { create, revoke };
}

describe('security letter, for screen-reader players', () => {
  const renderLetter = () =>
    render(
      <I18nProvider initial="ko">
        <SecurityLetter session={session} onSolved={vi.fn()} onRoundOver={vi.fn()} onHome={vi.fn()} />
      </I18nProvider>,
    );
  const audioRoute = (
    reply: () => ReturnType<typeof problem> | { status: number; body: Uint8Array; headers: Record<string, string> },
  ) => ['GET', /^\/api\/v1\/captcha\/c1\/audio$/, reply] as Parameters<typeof mockApi>[0][number];
  const wav = () => ({ status: 200, body: new Uint8Array([82, 73, 70, 70]), headers: { 'Content-Type': 'audio/wav' } });

  it('reads the lead, that case does not matter and how the audio is typed with the field the focus lands on', async () => {
    mockApi([letterRoute()]);
    renderLetter();
    const input = screen.getByLabelText('보안문자');
    expect(input).toHaveFocus();
    expect(input).toHaveAccessibleDescription(
      '부정 예매 방지를 위해 아래 문자를 입력해 주세요. 대소문자 구분 없음 듣기: 영어 단어마다 첫 글자를 입력하세요 (Charlie는 C, seven은 7).',
    );
    // the button says how its words are typed, too
    expect(screen.getByRole('button', { name: '보안문자 음성으로 듣기' })).toHaveAccessibleDescription(
      '듣기: 영어 단어마다 첫 글자를 입력하세요 (Charlie는 C, seven은 7).',
    );
    await screen.findByTestId('captcha-image');
  });

  it("plays the letter shown from 🔊 듣기: its audio asked with the letter's own headers, the focus kept on the button", async () => {
    const { calls } = mockApi([letterRoute(), audioRoute(wav)]);
    const { create, revoke } = stubAudio();
    renderLetter();
    const listen = screen.getByRole('button', { name: '보안문자 음성으로 듣기' });
    expect(listen).toHaveTextContent('듣기');
    expect(listen).toBeDisabled(); // no letter shown yet
    await screen.findByTestId('captcha-image');
    expect(listen).toBeEnabled();
    const input = screen.getByLabelText('보안문자');
    fireEvent.change(input, { target: { value: 'te' } });

    act(() => listen.focus());
    fireEvent.click(listen);
    await waitFor(() => expect(FakeAudio.made).toHaveLength(1));
    const asked = calls.find((c) => c.path === '/api/v1/captcha/c1/audio')!;
    const letter = calls.find((c) => c.path === '/api/v1/captcha')!;
    expect(asked.method).toBe('GET');
    expect(asked.headers.Authorization).toBe('Bearer jwt');
    expect(asked.headers['X-Player-Secret']).toBe(playerSecret());
    expect(asked.headers['X-Player-Secret']).toBe(letter.headers['X-Player-Secret']);
    const bytes = create.mock.calls[0]![0];
    expect(bytes.type).toBe('audio/wav');
    expect(bytes.size).toBe(4);
    const player = FakeAudio.made[0]!;
    await waitFor(() => expect(player.src).toBe('blob:letter-audio-1'));
    expect(player.loaded).toBe(1); // in the press itself, where a phone's browser still allows sound
    expect(player.played).toBe(1);
    // pressed again while it plays: from the start, nothing fetched again
    player.currentTime = 2.5;
    fireEvent.click(listen);
    expect(player.currentTime).toBe(0);
    expect(player.played).toBe(2);
    expect(FakeAudio.made).toHaveLength(1);
    expect(calls.filter((c) => c.path.endsWith('/audio'))).toHaveLength(1);
    expect(listen).toHaveFocus();
    expect(listen).toHaveAttribute('aria-busy', 'true');
    // the letter and what was typed for it stay
    expect(input).toHaveValue('TE');
    expect(screen.getByTestId('captcha-image')).toHaveAttribute('src', 'data:image/png;base64,AAA1');
    expect(calls.filter((c) => c.path === '/api/v1/captcha')).toHaveLength(1);

    act(() => void player.dispatchEvent(new Event('ended')));
    expect(revoke).toHaveBeenCalledWith('blob:letter-audio-1');
    expect(listen).not.toHaveAttribute('aria-busy');
    expect(listen).toHaveFocus();

    // heard again, then a new letter asked for while it plays: the old letter's audio stops and its URL is given back
    fireEvent.click(listen);
    await waitFor(() => expect(FakeAudio.made).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: '새 보안문자 받기' }));
    expect(FakeAudio.made[1]!.paused).toBe(true);
    expect(revoke).toHaveBeenCalledWith('blob:letter-audio-2');
    await waitFor(() =>
      expect(screen.getByTestId('captcha-image')).toHaveAttribute('src', 'data:image/png;base64,AAA2'),
    );
  });

  it("shows a refused audio like the letter's other errors, and keeps the letter and the answer typed", async () => {
    vi.useFakeTimers();
    let issued = 0;
    const { calls } = mockApi([
      [
        'POST',
        /^\/api\/v1\/captcha$/,
        () => ({ status: 201, body: { captchaId: `c${++issued}`, image: `data:image/png;base64,AAA${issued}` } }),
      ],
      audioRoute(() => withRetryAfter(problem('rate-limited', 429), '2')),
    ]);
    stubAudio();
    renderLetter();
    await flush();
    const input = screen.getByLabelText('보안문자');
    fireEvent.change(input, { target: { value: 'test42' } });
    const listen = screen.getByRole('button', { name: '보안문자 음성으로 듣기' });
    act(() => listen.focus());
    fireEvent.click(listen);
    await flush();

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('요청이 너무 많습니다');
    expect(within(alert).getByRole('button', { name: '2초 후 다시 시도' })).toBeDisabled();
    expect(input).toHaveValue('TEST42');
    expect(screen.getByTestId('captcha-image')).toHaveAttribute('src', 'data:image/png;base64,AAA1');
    expect(issued).toBe(1);
    // the player made in the press was given nothing to play
    expect(FakeAudio.made.map((player) => [player.src, player.played])).toEqual([['', 0]]);
    // the Retry-After is waited out with the focus where it was: the button says it is unavailable, not disabled
    expect(listen).toHaveFocus();
    expect(listen).toHaveAttribute('aria-disabled', 'true');
    // the answer has its own budget: a refused hearing does not hold it back
    expect(screen.getByRole('button', { name: '입력 완료' })).toBeEnabled();
    fireEvent.click(listen);
    await flush();
    expect(calls.filter((c) => c.path.endsWith('/audio'))).toHaveLength(1);

    await flush(2_000);
    fireEvent.click(within(alert).getByRole('button', { name: '다시 시도' })); // the audio again, not a new letter
    await flush();
    expect(calls.filter((c) => c.path.endsWith('/audio'))).toHaveLength(2);
    expect(issued).toBe(1);
    expect(input).toHaveValue('TEST42');
  });

  it('says a letter gone (404) cannot be played, without replacing it or the answer', async () => {
    mockApi([letterRoute(), audioRoute(() => problem('unknown-captcha', 404))]);
    stubAudio();
    renderLetter();
    await screen.findByTestId('captcha-image');
    fireEvent.change(screen.getByLabelText('보안문자'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: '보안문자 음성으로 듣기' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('이 보안문자는 만료되어 들을 수 없어요');
    expect(within(alert).queryByRole('button', { name: '다시 시도' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('보안문자')).toHaveValue('ABC');
    expect(screen.getByTestId('captcha-image')).toHaveAttribute('src', 'data:image/png;base64,AAA1');
  });
});
