// The API, called the way the browser calls it: through the app's proxy (vite preview), as plain HTTP.
import { randomBytes } from 'node:crypto';
import { baseUrl, CAPTCHA_ANSWER, opsToken } from './env';
import { log, sleep } from './stack';
import { until } from './until';

// loose on purpose: these are the server's JSON answers, checked by the tests that read them
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Call {
  method?: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

export async function api(path: string, { method = 'GET', body, token, headers = {} }: Call = {}) {
  const response = await fetch(baseUrl() + path, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: Json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

export async function expectStatus(call: ReturnType<typeof api>, status: number, what: string): Promise<Json> {
  const result = await call;
  if (result.status !== status)
    throw new Error(`${what}: expected ${status}, got ${result.status} ${JSON.stringify(result.json)}`);
  return result.json;
}

/** The first event of a server-sent event stream read through the proxy, or an error if none comes in time. */
export async function firstSseEvent(path: string, timeoutMs = 10_000): Promise<string> {
  const aborter = new AbortController();
  const timer = setTimeout(() => aborter.abort(), timeoutMs);
  try {
    const response = await fetch(baseUrl() + path, {
      headers: { Accept: 'text/event-stream' },
      signal: aborter.signal,
    });
    if (!String(response.headers.get('content-type')).startsWith('text/event-stream')) {
      throw new Error(`${path}: content-type ${response.headers.get('content-type')}`);
    }
    const reader = response.body!.getReader();
    let text = '';
    while (!/\n\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString('utf8');
    }
    return text;
  } catch (error) {
    if (aborter.signal.aborted)
      throw new Error(`${path}: no event within ${timeoutMs} ms through the proxy (buffered?)`, { cause: error });
    throw error;
  } finally {
    clearTimeout(timer);
    aborter.abort();
  }
}

export const nickname = (prefix: string) => `${prefix}_${randomBytes(3).toString('hex')}`;

/** The round on the server's clock now: its id, whether it is open, and how long until it closes and the next opens. */
export async function roundClock() {
  const clock = await expectStatus(api('/api/v1/clock'), 200, 'clock');
  const now = Date.parse(clock.serverTime);
  return {
    id: clock.round.id as string,
    open: clock.round.phase === 'OPEN',
    closesInMs: Date.parse(clock.round.closesAt) - now,
    next: { id: clock.nextRound.id as string, opensInMs: Date.parse(clock.nextRound.opensAt) - now },
  };
}

/**
 * Waits, if needed, for a round with at least `minLeftMs` of OPEN time left, so a whole scenario fits in it; a stack
 * whose rounds are open for less fails the scenario here, saying so.
 */
export async function freshRound(minLeftMs = 14_000): Promise<string> {
  const round = await roundClock();
  if (round.open && round.closesInMs >= minLeftMs) return round.id;
  await nextOpen(round);
  const fresh = await roundClock();
  if (!fresh.open || fresh.closesInMs < minLeftMs) {
    throw new Error(
      `a round open for ${minLeftMs / 1000} s is needed; this stack's are open for less (E2E_ROUND_PERIOD)`,
    );
  }
  return fresh.id;
}

/** Waits for the next round to open, however long the current one has left: a scenario that needs a round unused. */
export async function nextOpen(round?: Awaited<ReturnType<typeof roundClock>>): Promise<string> {
  const { next } = round ?? (await roundClock());
  const wait = next.opensInMs + 300;
  log(`waiting ${Math.round(wait / 100) / 10} s for the next round to open`);
  await sleep(wait);
  return next.id;
}

export interface ApiPlayer {
  token: string;
  roundId: string;
  ticketId: string;
}

/** A player driven by API calls only: entered, admitted and past the security letter. */
export async function apiPlayer(name: string): Promise<ApiPlayer> {
  const entered = await api('/api/v1/queue', { method: 'POST', body: { nickname: name } });
  if (entered.status !== 201 && entered.status !== 200) {
    throw new Error(`enter ${name}: ${entered.status} ${JSON.stringify(entered.json)}`);
  }
  const { ticketId } = entered.json;
  const view = await until(
    `${name} admitted`,
    async () => {
      const { json } = await api(`/api/v1/queue/${ticketId}`);
      if (json?.status === 'CLOSED') throw new Error(`${name}: the round closed before admission`);
      return json?.status === 'ADMITTED' && json.token ? json : undefined;
    },
    // a scenario may keep the door shut while it looks at the queue
    { timeoutMs: 30_000, everyMs: 100 },
  );
  const token: string = view.token;
  const letter = await expectStatus(api('/api/v1/captcha', { method: 'POST', token }), 201, 'captcha');
  await expectStatus(
    api(`/api/v1/captcha/${letter.captchaId}`, { method: 'POST', token, body: { answer: CAPTCHA_ANSWER } }),
    204,
    'captcha answer',
  );
  return { token, roundId: view.roundId, ticketId };
}

/** An API player that goes all the way: admitted, letter solved, a free seat held and booked. */
export async function bookingPlayer(name: string): Promise<void> {
  const player = await apiPlayer(name);
  for (let attempt = 0; attempt < 5; attempt++) {
    const map = await expectStatus(
      api(`/api/v1/rounds/${player.roundId}/seats`, { token: player.token }),
      200,
      'seats',
    );
    const free = map.seats.filter((seat: Json) => seat.status === 'AVAILABLE');
    if (free.length === 0) return;
    const seat = free[Math.floor(Math.random() * free.length)];
    const hold = await api(`/api/v1/rounds/${player.roundId}/holds`, {
      method: 'POST',
      token: player.token,
      body: { seatId: seat.id },
    });
    if (hold.status === 409) continue;
    if (hold.status !== 201) throw new Error(`hold: ${hold.status} ${JSON.stringify(hold.json)}`);
    await expectStatus(
      api('/api/v1/bookings', {
        method: 'POST',
        token: player.token,
        body: { holdId: hold.json.holdId },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }),
      202,
      'booking',
    );
    return;
  }
}

export const getAdmission = () =>
  expectStatus(api('/api/v1/admin/admission', { token: opsToken() }), 200, 'GET admin/admission');
export const putAdmission = (settings: unknown) =>
  expectStatus(
    api('/api/v1/admin/admission', { method: 'PUT', token: opsToken(), body: settings }),
    200,
    'PUT admin/admission',
  );
