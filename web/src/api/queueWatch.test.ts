import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource, fakeEventSource } from '../test/eventSource';
import { ApiError } from './http';
import { watchTicket, type TicketWatcher } from './queueWatch';
import type { TicketView } from './types';

const view = (patch: Partial<TicketView>): TicketView => ({
  ticketId: 't1',
  roundId: '20261124T101500Z',
  status: 'WAITING',
  position: 3,
  ahead: 2,
  waiting: 3,
  etaSeconds: 1,
  ...patch,
});

const watcher = () =>
  ({
    onPosition: vi.fn(),
    onAdmitted: vi.fn(),
    onClosed: vi.fn(),
    onError: vi.fn(),
    onTransport: vi.fn(),
  }) satisfies TicketWatcher;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('watchTicket over server-sent events', () => {
  it('follows position events to admitted, then closes the stream', () => {
    const w = watcher();
    watchTicket('t1', w, { eventSource: fakeEventSource });
    const es = FakeEventSource.last!;
    expect(es.url).toBe('/api/v1/queue/t1/events');
    expect(w.onTransport).toHaveBeenCalledWith('sse');
    es.emit('position', view({ position: 2, ahead: 1 }));
    es.emit('position', view({ position: 1, ahead: 0 }));
    expect(w.onPosition).toHaveBeenCalledTimes(2);
    es.emit('admitted', view({ status: 'ADMITTED', position: 0, ahead: 0, token: 'jwt' }));
    expect(w.onAdmitted).toHaveBeenCalledWith(expect.objectContaining({ token: 'jwt' }));
    expect(es.closed).toBe(true);
    es.onerror?.(); // the server ending the stream afterwards changes nothing
    expect(w.onTransport).toHaveBeenCalledTimes(1);
  });

  it('reports a closed round', () => {
    const w = watcher();
    watchTicket('t1', w, { eventSource: fakeEventSource });
    FakeEventSource.last!.emit('closed', view({ status: 'CLOSED' }));
    expect(w.onClosed).toHaveBeenCalled();
  });

  it('falls back to polling every second when the stream fails', async () => {
    const w = watcher();
    const fetchTicket = vi
      .fn<(id: string, signal: AbortSignal) => Promise<TicketView>>()
      .mockResolvedValueOnce(view({ position: 2, ahead: 1 }))
      .mockResolvedValueOnce(view({ status: 'ADMITTED', token: 'jwt', position: 0, ahead: 0 }));
    watchTicket('t1', w, { eventSource: fakeEventSource, fetchTicket });
    const es = FakeEventSource.last!;
    es.onerror?.();
    expect(es.closed).toBe(true);
    expect(w.onTransport).toHaveBeenLastCalledWith('polling');
    await vi.advanceTimersByTimeAsync(0);
    expect(w.onPosition).toHaveBeenCalledWith(expect.objectContaining({ position: 2 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.onAdmitted).toHaveBeenCalledWith(expect.objectContaining({ token: 'jwt' }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetchTicket).toHaveBeenCalledTimes(2);
  });
});

describe('watchTicket by polling', () => {
  it('polls when EventSource does not exist, riding out transient errors', async () => {
    const w = watcher();
    const fetchTicket = vi
      .fn<(id: string, signal: AbortSignal) => Promise<TicketView>>()
      .mockRejectedValueOnce(new ApiError(0, 'network'))
      .mockResolvedValueOnce(view({ status: 'CLOSED' }));
    watchTicket('t1', w, { eventSource: undefined, fetchTicket });
    await vi.advanceTimersByTimeAsync(0);
    expect(w.onError).toHaveBeenCalledWith(expect.objectContaining({ slug: 'network' }), true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.onClosed).toHaveBeenCalled();
  });

  it("waits a failed poll's Retry-After before the next", async () => {
    const w = watcher();
    const fetchTicket = vi
      .fn<(id: string, signal: AbortSignal) => Promise<TicketView>>()
      .mockRejectedValueOnce(new ApiError(503, 'service-unavailable', {}, 3))
      .mockResolvedValueOnce(view({ position: 2, ahead: 1 }));
    watchTicket('t1', w, { eventSource: undefined, fetchTicket });
    await vi.advanceTimersByTimeAsync(0);
    expect(w.onError).toHaveBeenCalledWith(expect.objectContaining({ status: 503 }), true);
    await vi.advanceTimersByTimeAsync(2_900);
    expect(fetchTicket).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(fetchTicket).toHaveBeenCalledTimes(2);
    expect(w.onPosition).toHaveBeenCalledWith(expect.objectContaining({ position: 2 }));
    // back to every second once it answers
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchTicket).toHaveBeenCalledTimes(3);
  });

  it('stops on an unknown ticket, and stops when told to', async () => {
    const w = watcher();
    const fetchTicket = vi.fn().mockRejectedValue(new ApiError(404, 'unknown-ticket'));
    watchTicket('t1', w, { eventSource: undefined, fetchTicket });
    await vi.advanceTimersByTimeAsync(3000);
    expect(fetchTicket).toHaveBeenCalledTimes(1);
    expect(w.onError).toHaveBeenCalledWith(expect.objectContaining({ slug: 'unknown-ticket' }), false);

    const polls = vi.fn().mockResolvedValue(view({}));
    const stop = watchTicket('t2', watcher(), { eventSource: undefined, fetchTicket: polls });
    await vi.advanceTimersByTimeAsync(2000);
    stop();
    const count = polls.mock.calls.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(polls.mock.calls.length).toBe(count);
  });
});

describe('watchTicket over a stream that goes silent', () => {
  const fetcher = () => vi.fn<(id: string, signal: AbortSignal) => Promise<TicketView>>();
  /** A watch whose GETs `fetchTicket` answers, over a stream that has said the ticket is 3rd. */
  const streamingAt3 = (fetchTicket = fetcher().mockResolvedValue(view({ position: 3 }))) => {
    const w = watcher();
    const watch = watchTicket('t1', w, { eventSource: fakeEventSource, fetchTicket });
    const es = FakeEventSource.last!;
    es.emit('position', view({ position: 3 }));
    return { w, fetchTicket, watch, es };
  };

  it('takes a heartbeat as the standing and a sign of life: a paused queue keeps its stream with no GET', async () => {
    const { w, fetchTicket, es } = streamingAt3();
    // two minutes at a standstill: the server beats every 7.5 s, nothing is asked for and the stream stays
    for (let beat = 0; beat < 16; beat++) {
      await vi.advanceTimersByTimeAsync(7_500);
      es.emit('heartbeat', view({ position: 3, waiting: 40 + beat }));
    }
    expect(fetchTicket).not.toHaveBeenCalled();
    expect(es.closed).toBe(false);
    expect(w.onTransport).not.toHaveBeenCalledWith('polling');
    // each beat is shown like a position event (the crowd behind changes while the place does not)
    expect(w.onPosition).toHaveBeenCalledTimes(17);
    expect(w.onPosition).toHaveBeenLastCalledWith(expect.objectContaining({ position: 3, waiting: 55 }));
    es.emit('admitted', view({ status: 'ADMITTED', position: 0, ahead: 0, token: 'jwt' }));
    expect(w.onAdmitted).toHaveBeenCalledWith(expect.objectContaining({ token: 'jwt' }));
  });

  it('gives a stream silent for 20 s (no heartbeat either) up: closed, one GET at once, then polling', async () => {
    const { w, fetchTicket, es } = streamingAt3(fetcher().mockResolvedValue(view({ position: 2, ahead: 1 })));
    await vi.advanceTimersByTimeAsync(10_000);
    es.emit('heartbeat', view({ position: 3 })); // a beat: the silence is counted from here
    await vi.advanceTimersByTimeAsync(19_900);
    expect(fetchTicket).not.toHaveBeenCalled();
    expect(es.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    // a half-open stream, even though the standing has not changed: a live one would have beaten twice by now
    expect(es.closed).toBe(true);
    expect(w.onTransport).toHaveBeenLastCalledWith('polling');
    expect(fetchTicket).toHaveBeenCalledTimes(1);
    expect(w.onPosition).toHaveBeenLastCalledWith(expect.objectContaining({ position: 2 }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchTicket).toHaveBeenCalledTimes(2);
    es.emit('position', view({ position: 1, ahead: 0 })); // the dead stream is no longer listened to
    expect(w.onPosition).toHaveBeenLastCalledWith(expect.objectContaining({ position: 2 }));
  });

  it('gives a silent stream up even when the GET would show nothing new (no doubling of the wait)', async () => {
    const { w, fetchTicket, es } = streamingAt3();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(es.closed).toBe(true);
    expect(w.onTransport).toHaveBeenLastCalledWith('polling');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(fetchTicket).toHaveBeenCalledTimes(4);
  });

  it('keeps the stream when the check at the close shows nothing it missed', async () => {
    const { w, fetchTicket, watch, es } = streamingAt3();
    watch.check();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchTicket).toHaveBeenCalledTimes(1);
    expect(es.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetchTicket).toHaveBeenCalledTimes(1);
    expect(w.onTransport).not.toHaveBeenCalledWith('polling');
  });

  it('polls when the stream opened but never said anything (the server sends the standing at once)', async () => {
    const w = watcher();
    const fetchTicket = fetcher().mockResolvedValue(view({ position: 3 }));
    watchTicket('t1', w, { eventSource: fakeEventSource, fetchTicket });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(w.onPosition).toHaveBeenCalledWith(expect.objectContaining({ position: 3 }));
    expect(FakeEventSource.last!.closed).toBe(true);
    expect(w.onTransport).toHaveBeenLastCalledWith('polling');
  });

  it('polls when the check at the close fails', async () => {
    const { w, watch } = streamingAt3(
      fetcher()
        .mockRejectedValueOnce(new ApiError(0, 'network'))
        .mockResolvedValue(view({ position: 2, ahead: 1 })),
    );
    watch.check();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.onError).toHaveBeenCalledWith(expect.objectContaining({ slug: 'network' }), true);
    expect(w.onTransport).toHaveBeenLastCalledWith('polling');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(w.onPosition).toHaveBeenLastCalledWith(expect.objectContaining({ position: 2 }));
  });

  it('asks once when told to (just after the close), and ends with the answer', async () => {
    const { w, fetchTicket, watch } = streamingAt3(
      fetcher().mockResolvedValue(view({ status: 'CLOSED', position: 0, ahead: 0 })),
    );
    watch.check();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchTicket).toHaveBeenCalledTimes(1);
    expect(w.onClosed).toHaveBeenCalled();
    expect(FakeEventSource.last!.closed).toBe(true);
  });
});
