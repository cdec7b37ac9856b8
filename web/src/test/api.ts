import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> } | Error;
type Handler = (call: Call) => Reply | Promise<Reply>;

export const problem = (slug: string, status: number, extra: Record<string, unknown> = {}) => ({
  status,
  headers: { 'Content-Type': 'application/problem+json' },
  body: { type: `https://ticketing-warrior.dev/problems/${slug}`, title: slug, status, detail: slug, ...extra },
});

/** The same answer with a `Retry-After` header of `seconds`. */
export const withRetryAfter = (reply: ReturnType<typeof problem>, seconds: string) => ({
  ...reply,
  headers: { ...reply.headers, 'Retry-After': seconds },
});

/**
 * Replaces fetch with a router: the first route whose method and path pattern match answers. Every call is recorded.
 * A handler returning an Error makes fetch reject (a network failure).
 */
/** A method, a path pattern and what it answers. */
export type Route = [string, RegExp, Handler];

export function mockApi(routes: Route[]) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    const call: Call = {
      method,
      path: url.pathname + url.search,
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const route = routes.find(([m, pattern]) => m === method && pattern.test(url.pathname + url.search));
    if (!route) return new Response(JSON.stringify({ type: 'not-found', status: 404 }), { status: 404 });
    const reply = await route[2](call);
    if (reply instanceof Error) throw new TypeError(`Failed to fetch (${reply.message})`);
    const status = reply.status ?? 200;
    // bytes (an audio letter) as they are, with the type their headers give; anything else as JSON
    const body =
      reply.body === undefined || status === 204
        ? null
        : reply.body instanceof Uint8Array
          ? (reply.body as Uint8Array<ArrayBuffer>)
          : JSON.stringify(reply.body);
    return new Response(body, { status, headers: { 'Content-Type': 'application/json', ...reply.headers } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}
