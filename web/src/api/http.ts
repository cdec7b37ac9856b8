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

  constructor(status: number, slug: string, problem: Problem = {}, retryAfter?: number) {
    super(problem.detail ?? problem.title ?? slug);
    this.name = 'ApiError';
    this.status = status;
    this.slug = slug;
    this.problem = problem;
    this.retryAfter = retryAfter;
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

/** Fallback slugs for answers that carry no problem body (a proxy's 502, an HTML error page…). */
function slugForStatus(status: number): string {
  if (status === 401) return 'unauthorized';
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
export async function errorFrom(response: Response): Promise<ApiError> {
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
  const slug = problemSlug(problem.type) ?? slugForStatus(response.status);
  return new ApiError(response.status, slug, problem, parseRetryAfter(response.headers.get('Retry-After')));
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Bearer token: the admission token for players, the ops token for the admin APIs. */
  token?: string | null;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls the API and returns the parsed JSON (undefined for 204 / empty bodies); throws ApiError otherwise. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      cache: 'no-store',
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK, { detail: cause instanceof Error ? cause.message : String(cause) });
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, UNKNOWN, { detail: 'The server answered with something that is not JSON.' });
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
