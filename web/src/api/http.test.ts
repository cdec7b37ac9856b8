import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { translator } from '../i18n/i18n';
import { endsRound, isRetryable, problemMessage } from '../lib/problems';
import { mockApi, problem } from '../test/api';
import { holdSeat } from './booking';
import { ApiError, problemSlug, request } from './http';
import { getBots } from './ops';

afterEach(() => vi.unstubAllGlobals());

describe('problem types', () => {
  it('maps by the last path segment of type', () => {
    expect(problemSlug('https://ticketing-warrior.dev/problems/seat-taken')).toBe('seat-taken');
    expect(problemSlug('https://ticketing-warrior.dev/problems/round-closed/')).toBe('round-closed');
    expect(problemSlug('/problems/wrong-answer?x=1')).toBe('wrong-answer');
    expect(problemSlug('about:blank')).toBeUndefined();
    expect(problemSlug(undefined)).toBeUndefined();
  });
});

describe('request', () => {
  it('turns problem+json into an ApiError with its slug, extensions and Retry-After', async () => {
    mockApi([
      ['POST', /queue$/, () => problem('round-not-open', 409, { opensAt: '2026-11-24T10:16:00Z' })],
      ['GET', /busy$/, () => ({ ...problem('service-unavailable', 503), headers: { 'Retry-After': '3' } })],
    ]);
    const error = await request('/api/v1/queue', { method: 'POST', body: { nickname: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, slug: 'round-not-open' });
    expect((error as ApiError).extra('opensAt')).toBe('2026-11-24T10:16:00Z');
    const busy = (await request('/busy').catch((e: unknown) => e)) as ApiError;
    expect(busy.retryAfter).toBe(3);
    expect(isRetryable(busy)).toBe(true);
  });

  it('falls back to the status when there is no problem body (a proxy error page)', async () => {
    mockApi([['GET', /down$/, () => ({ status: 502, body: undefined })]]);
    const error = (await request('/down').catch((e: unknown) => e)) as ApiError;
    expect(error.slug).toBe('service-unavailable');
  });

  it('reports a network failure as slug "network"', async () => {
    mockApi([['GET', /x$/, () => new Error('offline')]]);
    const error = (await request('/x').catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 0, slug: 'network', isNetwork: true });
    expect(isRetryable(error)).toBe(true);
  });

  it('sends the bearer token and JSON, and reads 204 as nothing', async () => {
    const { calls } = mockApi([['POST', /captcha\/c1$/, () => ({ status: 204 })]]);
    await expect(
      request('/api/v1/captcha/c1', { method: 'POST', token: 'tok', body: { answer: 'AB' } }),
    ).resolves.toBeUndefined();
    expect(calls[0]!.headers).toMatchObject({ Authorization: 'Bearer tok', 'Content-Type': 'application/json' });
    expect(calls[0]!.body).toEqual({ answer: 'AB' });
  });
});

describe('request: a deadline on every call', () => {
  afterEach(() => vi.useRealTimers());

  /** A fetch that never answers (a half-open connection), but gives up when its signal is aborted, as fetch does. */
  const hangingFetch = () =>
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_input: RequestInfo | URL, init: RequestInit = {}) =>
          new Promise<Response>((_resolve, reject) => {
            const { signal } = init;
            if (signal) signal.addEventListener('abort', () => reject(signal.reason));
          }),
      ),
    );
  const outcome = (promise: Promise<unknown>) => {
    const state: { value: unknown; settled: boolean } = { value: undefined, settled: false };
    promise.then(
      (value) => Object.assign(state, { value, settled: true }),
      (error: unknown) => Object.assign(state, { value: error, settled: true }),
    );
    return state;
  };

  it('gives up on a call that gets no answer after 10 s, as a network failure (so the callers that retry do)', async () => {
    vi.useFakeTimers();
    hangingFetch();
    const call = outcome(request('/api/v1/queue/t1'));
    await vi.advanceTimersByTimeAsync(9_900);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(call.settled).toBe(true);
    expect(call.value).toBeInstanceOf(ApiError);
    expect(call.value).toMatchObject({ status: 0, slug: 'network', isNetwork: true });
    expect(isRetryable(call.value as ApiError)).toBe(true);
  });

  it("still ends with the caller's own abort, not a network failure", async () => {
    vi.useFakeTimers();
    hangingFetch();
    const aborter = new AbortController();
    const call = outcome(request('/api/v1/queue/t1', { signal: aborter.signal }));
    aborter.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(call.settled).toBe(true);
    expect(call.value).not.toBeInstanceOf(ApiError);
    expect(call.value).toMatchObject({ name: 'AbortError' });
  });
});

describe('a 401 without a problem body', () => {
  it("is a refused pass (invalid-token) on a player's call, the ops token only on an ops call", async () => {
    mockApi([
      ['POST', /\/holds$/, () => ({ status: 401, body: undefined })],
      ['GET', /^\/api\/v1\/bots$/, () => ({ status: 401, body: undefined })],
    ]);
    const player = (await holdSeat('jwt', '20261124T101500Z', 'A-1').catch((e: unknown) => e)) as ApiError;
    expect(player.slug).toBe('invalid-token');
    expect(endsRound(player)).toBe(true);
    expect(problemMessage(player, translator('ko'))).toBe('입장권이 유효하지 않습니다. 처음부터 다시 입장해 주세요.');
    const ops = (await getBots('ops-token').catch((e: unknown) => e)) as ApiError;
    expect(ops.slug).toBe('unauthorized');
  });
});

describe('messages for problems', () => {
  const ko = translator('ko');
  const en = translator('en');
  const err = (slug: string, status = 409) => new ApiError(status, slug);

  it('says what happened in Korean first', () => {
    expect(problemMessage(err('seat-taken'), ko)).toBe('이미 선택된 좌석입니다');
    expect(problemMessage(err('round-closed', 403), ko)).toContain('라운드가 종료되었습니다');
    expect(problemMessage(err('wrong-answer', 422), ko)).toContain('보안문자가 일치하지 않습니다');
    expect(problemMessage(err('network', 0), ko)).toContain('네트워크');
    expect(problemMessage(err('seat-taken'), en)).toBe('That seat is already taken');
  });

  it('has words of its own for a 404 without a problem body (not-found), in both languages', async () => {
    mockApi([['GET', /gone$/, () => ({ status: 404, body: undefined })]]);
    const error = (await request('/gone').catch((e: unknown) => e)) as ApiError;
    expect(error.slug).toBe('not-found');
    expect(problemMessage(error, ko)).not.toBe(ko('problem.unknown'));
    expect(problemMessage(error, en)).not.toBe(en('problem.unknown'));
  });

  it('has a generic message for a type it does not know', () => {
    expect(problemMessage(err('brand-new-problem', 400), ko)).toBe('알 수 없는 오류가 발생했습니다.');
  });

  it('knows which problems end the round for this token', () => {
    expect(endsRound(err('round-closed', 403))).toBe(true);
    expect(endsRound(err('wrong-round', 403))).toBe(true);
    expect(endsRound(err('place-released', 403))).toBe(true);
    expect(problemMessage(err('place-released', 403), ko)).toContain('다음 대기자');
    expect(endsRound(err('seat-taken'))).toBe(false);
  });
});
