import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { translator } from '../i18n/i18n';
import { endsRound, isRetryable, problemMessage } from '../lib/problems';
import { mockApi, problem } from '../test/api';
import { ApiError, problemSlug, request } from './http';

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

  it('has a generic message for a type it does not know', () => {
    expect(problemMessage(err('brand-new-problem', 400), ko)).toBe('알 수 없는 오류가 발생했습니다.');
  });

  it('knows which problems end the round for this token', () => {
    expect(endsRound(err('round-closed', 403))).toBe(true);
    expect(endsRound(err('wrong-round', 403))).toBe(true);
    expect(endsRound(err('seat-taken'))).toBe(false);
  });
});
