// The one place that talks HTTP. Every error becomes an ApiError whose `slug` is the last path segment of the RFC 9457
// problem `type` (https://ticketing-warrior.dev/problems/seat-taken → "seat-taken"), or "network" when no answer came.

export const NETWORK = 'network';
export const UNKNOWN = 'unknown';

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly slug: string;
  readonly problem: Problem;
  /** Seconds from a Retry-After header, when the server sent one. */
  readonly retryAfter: number | undefined;
  /** The answer's ETag header (a 412 names the version now in force with it), when the server sent one. */
  readonly etag: string | undefined;

  constructor(status: number, slug: string, problem: Problem = {}, retryAfter?: number, etag?: string) {
    super(problem.detail ?? problem.title ?? slug);
    this.name = 'ApiError';
    this.status = status;
    this.slug = slug;
    this.problem = problem;
    this.retryAfter = retryAfter;
    this.etag = etag;
  }

  /** A problem extension member, e.g. `opensAt` of round-not-open. */
  extra(name: string): unknown {
    return this.problem[name];
  }

  get isNetwork(): boolean {
    return this.slug === NETWORK;
  }
}

/** "https://ticketing-warrior.dev/problems/seat-taken" → "seat-taken"; tolerant of a trailing slash or a bare slug. */
export function problemSlug(type: string | undefined | null): string | undefined {
  if (!type || type === 'about:blank') return undefined;
  const trimmed = type.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const slug = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return slug || undefined;
}

/**
 * Whose bearer token a call carries: a player's admission token, or the ops token. It names a 401 that comes without
 * a problem body: the pass refused (`invalid-token`, which ends the player's round) or the ops token refused.
 */
export type TokenKind = 'admission' | 'ops';

/** Fallback slugs for answers that carry no problem body (a proxy's 502, an HTML error page…). */
function slugForStatus(status: number, tokenKind: TokenKind): string {
  if (status === 401) return tokenKind === 'admission' ? 'invalid-token' : 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status === 502 || status === 503 || status === 504) return 'service-unavailable';
  return UNKNOWN;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/** Turns a non-2xx response into an ApiError, reading a problem+json body when there is one. */
export async function errorFrom(response: Response, tokenKind: TokenKind = 'ops'): Promise<ApiError> {
  let problem: Problem = {};
  try {
    const text = await response.text();
    if (text) {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') problem = parsed as Problem;
    }
  } catch {
    // not JSON: keep the status only
  }
  const slug = problemSlug(problem.type) ?? slugForStatus(response.status, tokenKind);
  return new ApiError(
    response.status,
    slug,
    problem,
    parseRetryAfter(response.headers.get('Retry-After')),
    response.headers.get('ETag') ?? undefined,
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Bearer token: the admission token for players, the ops token for the admin APIs. */
  token?: string | null;
  /** Which of the two `token` is; `ops` unless told. */
  tokenKind?: TokenKind;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** How long the call may take, answer body included, before it is given up as a network failure. */
  timeoutMs?: number;
}

/**
 * The deadline of a call. A half-open connection (a phone between networks, a proxy that dropped the peer) never
 * answers and never fails: without a deadline the screen waiting on it would wait for good. A call past it is reported
 * like a dropped connection (slug "network"), so the callers that retry those (the entry, the booking with its
 * Idempotency-Key, the polls) retry it too.
 */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Calls the API and returns the parsed JSON (undefined for 204 / empty bodies); throws ApiError otherwise. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await requestWithEtag<T>(path, options)).body;
}

/** An answer's body and its ETag header (absent when the server sent none). */
export interface Tagged<T> {
  body: T;
  etag: string | undefined;
}

/** Like `request`, keeping the answer's ETag (readable here: the API is same-origin). */
export async function requestWithEtag<T>(path: string, options: RequestOptions = {}): Promise<Tagged<T>> {
  return exchange(path, options, 'application/json, application/problem+json', async (response) => {
    const etag = response.headers.get('ETag') ?? undefined;
    if (response.status === 204) return { body: undefined as T, etag };
    const text = await response.text();
    if (!text) return { body: undefined as T, etag };
    try {
      return { body: JSON.parse(text) as T, etag };
    } catch {
      throw new ApiError(response.status, UNKNOWN, { detail: 'The server answered with something that is not JSON.' });
    }
  });
}

/**
 * Calls the API for bytes that are not JSON (the security letter's audio): the answer's body as a Blob of the type it
 * came with; an error is a problem like any other call's (`accept` names what the caller can use, problems besides).
 */
export async function requestBlob(path: string, accept: string, options: RequestOptions = {}): Promise<Blob> {
  return exchange(path, options, `${accept}, application/problem+json`, (response) => response.blob());
}

/**
 * One call: the headers, the deadline, the errors as ApiErrors; `read` takes the body of a 2xx answer (within the
 * deadline too: a body that stops coming is as bad as no answer).
 */
async function exchange<T>(
  path: string,
  options: RequestOptions,
  accept: string,
  read: (response: Response) => Promise<T>,
): Promise<T> {
  const headers: Record<string, string> = { Accept: accept, ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  // the caller's abort and the deadline, as one signal (by hand: a timer the tests' fake clock drives)
  const { signal } = options;
  const aborter = new AbortController();
  const forward = () => aborter.abort(signal?.reason);
  if (signal?.aborted) forward();
  else signal?.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    aborter.abort(new DOMException('The request took too long.', 'TimeoutError'));
  }, options.timeoutMs ?? REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: aborter.signal,
      cache: 'no-store',
    });
    if (!response.ok) throw await errorFrom(response, options.tokenKind);
    return await read(response);
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    if (signal?.aborted && !timedOut) throw cause; // the caller's own abort: not a failure to show
    if (timedOut) throw new ApiError(0, NETWORK, { detail: 'The request took too long.' });
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK, { detail: cause instanceof Error ? cause.message : String(cause) });
  } finally {
    clearTimeout(deadline);
    signal?.removeEventListener('abort', forward);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Any thrown value as an ApiError (so screens can show one kind of message). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, UNKNOWN, { detail: error instanceof Error ? error.message : String(error) });
}
