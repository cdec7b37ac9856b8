// Live standing of a waiting-room ticket: server-sent events first (GET /api/v1/queue/{id}/events: `position` when it
// changes, `heartbeat` with the same standing after a quiet spell, then `admitted` with the token or `closed`), and
// polling GET /api/v1/queue/{id} every second when the stream cannot be opened, breaks before the end, or stays silent
// past STREAM_SILENCE_MS; a failed poll that says Retry-After waits that long before the next.
import { getTicket, ticketEventsUrl } from './admission';
import { asApiError, type ApiError } from './http';
import type { TicketView } from './types';

export interface TicketWatcher {
  /** Every new standing while waiting. */
  onPosition(view: TicketView): void;
  /** Admitted: the view carries the token. Terminal. */
  onAdmitted(view: TicketView): void;
  /** The round ended before admission. Terminal. */
  onClosed(view: TicketView): void;
  /** A terminal failure (unknown ticket) or a passing one (`transient`: polling goes on, after its Retry-After). */
  onError(error: ApiError, transient: boolean): void;
  /** Which transport is feeding the updates, for the UI and the tests. */
  onTransport?(transport: 'sse' | 'polling'): void;
}

export interface WatchOptions {
  pollIntervalMs?: number;
  /** How long the stream may stay without any event, heartbeats included, before it is given up (STREAM_SILENCE_MS). */
  silenceMs?: number;
  /** Injected in tests; defaults to the browser's EventSource (absent in jsdom → polling). */
  eventSource?: typeof EventSource | undefined;
  fetchTicket?: (ticketId: string, signal: AbortSignal) => Promise<TicketView>;
}

/** Stops the watch when called. */
export interface TicketWatch {
  (): void;
  /**
   * Asks for the standing once now, whatever the transport (just after the round's close, so a stream that died
   * quietly cannot keep the player from the `admitted` or `closed` it missed): a stream that missed a change, or a
   * failed GET, gives the stream up for polling; one that missed nothing is kept.
   */
  check(): void;
}

/** The longest Retry-After honoured between two polls (a bigger one would leave the player without news too long). */
export const MAX_RETRY_AFTER_MS = 30_000;

/**
 * The silence after which a stream is taken as dead. The server sends a `heartbeat` event (the standing, as a
 * `position` event would) to a stream that has had no event for 7.5 s, at its next beat (every 7.5 s), so a live
 * stream never goes more than 15 s without one; a
 * stream silent this long is a half-open connection that will never say anything again (or one that opened and never
 * brought the standing, which the server sends at once). It is closed and the watch falls back to polling, as for a
 * stream that broke: one GET at once, then every second. A dead stream thus costs at most this long.
 */
export const STREAM_SILENCE_MS = 20_000;

/** Whether `b` says anything `a` did not: another status, or another place in the queue. */
const changed = (a: TicketView | undefined, b: TicketView) =>
  !a || a.status !== b.status || a.position !== b.position || a.ahead !== b.ahead;

/** Starts watching; returns a function that stops everything, with `check()` to ask for the standing at once. */
export function watchTicket(ticketId: string, watcher: TicketWatcher, options: WatchOptions = {}): TicketWatch {
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const silenceMs = options.silenceMs ?? STREAM_SILENCE_MS;
  const EventSourceImpl = 'eventSource' in options ? options.eventSource : globalThis.EventSource;
  const fetchTicket = options.fetchTicket ?? getTicket;
  const aborter = new AbortController();
  let finished = false;
  let source: EventSource | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;
  let polling = false;
  /** The last standing the stream brought. */
  let streamed: TicketView | undefined;

  const closeStream = () => {
    source?.close();
    source = undefined;
    if (silenceTimer !== undefined) clearTimeout(silenceTimer);
    silenceTimer = undefined;
  };

  const stop = () => {
    finished = true;
    closeStream();
    if (pollTimer !== undefined) clearTimeout(pollTimer);
    aborter.abort();
  };

  const dispatch = (view: TicketView) => {
    if (finished) return;
    switch (view.status) {
      case 'ADMITTED':
        if (!view.token) return; // an admitted view always carries the token; wait for one that does
        stop();
        watcher.onAdmitted(view);
        return;
      case 'CLOSED':
        stop();
        watcher.onClosed(view);
        return;
      default:
        watcher.onPosition(view);
    }
  };

  /** Reports a failed GET; the wait before the next one, or undefined when the watch is over (unknown ticket). */
  const failed = (error: unknown): number | undefined => {
    const problem = asApiError(error);
    if (problem.slug === 'unknown-ticket') {
      stop();
      watcher.onError(problem, false);
      return undefined;
    }
    watcher.onError(problem, true);
    // a 503 or 429 says when to come back: asking sooner only adds to the load that refused us
    return problem.retryAfter === undefined
      ? pollIntervalMs
      : Math.min(MAX_RETRY_AFTER_MS, Math.max(pollIntervalMs, problem.retryAfter * 1000));
  };

  const poll = async () => {
    if (finished) return;
    let next: number | undefined = pollIntervalMs;
    try {
      dispatch(await fetchTicket(ticketId, aborter.signal));
    } catch (error) {
      if (finished) return;
      next = failed(error);
    }
    if (!finished && next !== undefined) pollTimer = setTimeout(poll, next);
  };

  const startPolling = (firstInMs = 0) => {
    if (polling || finished) return;
    polling = true;
    closeStream();
    watcher.onTransport?.('polling');
    if (firstInMs > 0) pollTimer = setTimeout(poll, firstInMs);
    else void poll();
  };

  /**
   * The standing asked for once by GET while the stream is kept (`check()`, just after the close): if it shows a
   * change the stream did not bring, the stream missed it and is given up for polling; a failed GET does the same.
   */
  const check = async () => {
    if (finished || polling) return; // polling asks every second anyway
    let view: TicketView;
    try {
      view = await fetchTicket(ticketId, aborter.signal);
    } catch (error) {
      if (finished || polling) return;
      const next = failed(error);
      if (next !== undefined) startPolling(next);
      return;
    }
    if (finished || polling) return;
    const missed = changed(streamed, view);
    dispatch(view);
    if (missed) startPolling(pollIntervalMs);
  };

  /** Restarts the count of the stream's silence: `silenceMs` without any event and it is given up for polling. */
  const armSilence = () => {
    if (silenceTimer !== undefined) clearTimeout(silenceTimer);
    silenceTimer = finished || polling ? undefined : setTimeout(() => startPolling(), silenceMs);
  };

  const watch: TicketWatch = Object.assign(stop, { check: () => void check() });

  if (!EventSourceImpl) {
    startPolling();
    return watch;
  }

  try {
    source = new EventSourceImpl(ticketEventsUrl(ticketId));
  } catch {
    startPolling();
    return watch;
  }
  watcher.onTransport?.('sse');
  const handle = (event: MessageEvent<string>) => {
    if (finished || polling) return;
    armSilence();
    try {
      const view = JSON.parse(event.data) as TicketView;
      streamed = view;
      dispatch(view);
    } catch {
      // a malformed event: the next one (or polling) will tell
    }
  };
  source.addEventListener('position', handle as EventListener);
  // the standing again after a quiet spell: shown like a position, and the sign of life that keeps the stream
  source.addEventListener('heartbeat', handle as EventListener);
  source.addEventListener('admitted', handle as EventListener);
  source.addEventListener('closed', handle as EventListener);
  // unnamed events too, in case a proxy or a future server drops the names
  source.addEventListener('message', handle as EventListener);
  // the stream failed or ended without a terminal event: fall back to polling rather than reconnect-looping
  source.onerror = () => {
    if (!finished) startPolling();
  };
  armSilence();
  return watch;
}
