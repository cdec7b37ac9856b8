// Live standing of a waiting-room ticket: server-sent events first (GET /api/v1/queue/{id}/events: `position`,
// then `admitted` with the token or `closed`), and polling GET /api/v1/queue/{id} every second when the stream
// cannot be opened or breaks before the end; a failed poll that says Retry-After waits that long before the next.
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
  /** Injected in tests; defaults to the browser's EventSource (absent in jsdom → polling). */
  eventSource?: typeof EventSource | undefined;
  fetchTicket?: (ticketId: string, signal: AbortSignal) => Promise<TicketView>;
}

/** The longest Retry-After honoured between two polls (a bigger one would leave the player without news too long). */
export const MAX_RETRY_AFTER_MS = 30_000;

/** Starts watching; returns a function that stops everything. */
export function watchTicket(ticketId: string, watcher: TicketWatcher, options: WatchOptions = {}): () => void {
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const EventSourceImpl = 'eventSource' in options ? options.eventSource : globalThis.EventSource;
  const fetchTicket = options.fetchTicket ?? getTicket;
  const aborter = new AbortController();
  let finished = false;
  let source: EventSource | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let polling = false;

  const stop = () => {
    finished = true;
    source?.close();
    source = undefined;
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

  const poll = async () => {
    if (finished) return;
    let next = pollIntervalMs;
    try {
      dispatch(await fetchTicket(ticketId, aborter.signal));
    } catch (error) {
      if (finished) return;
      const problem = asApiError(error);
      if (problem.slug === 'unknown-ticket') {
        stop();
        watcher.onError(problem, false);
        return;
      }
      // a 503 or 429 says when to come back: asking sooner only adds to the load that refused us
      if (problem.retryAfter !== undefined)
        next = Math.min(MAX_RETRY_AFTER_MS, Math.max(pollIntervalMs, problem.retryAfter * 1000));
      watcher.onError(problem, true);
    }
    if (!finished) pollTimer = setTimeout(poll, next);
  };

  const startPolling = () => {
    if (polling || finished) return;
    polling = true;
    source?.close();
    source = undefined;
    watcher.onTransport?.('polling');
    void poll();
  };

  if (!EventSourceImpl) {
    startPolling();
    return stop;
  }

  try {
    source = new EventSourceImpl(ticketEventsUrl(ticketId));
  } catch {
    startPolling();
    return stop;
  }
  watcher.onTransport?.('sse');
  const handle = (event: MessageEvent<string>) => {
    try {
      dispatch(JSON.parse(event.data) as TicketView);
    } catch {
      // a malformed event: the next one (or polling) will tell
    }
  };
  source.addEventListener('position', handle as EventListener);
  source.addEventListener('admitted', handle as EventListener);
  source.addEventListener('closed', handle as EventListener);
  // unnamed events too, in case a proxy or a future server drops the names
  source.addEventListener('message', handle as EventListener);
  // the stream failed or ended without a terminal event: fall back to polling rather than reconnect-looping
  source.onerror = () => {
    if (!finished) startPolling();
  };
  return stop;
}
