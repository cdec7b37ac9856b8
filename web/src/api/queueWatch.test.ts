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

describe('watchTicket over a stream that goes quiet', () => {
  const fetcher = () => vi.fn<(id: string, signal: AbortSignal) => Promise<TicketView>>();

  it('asks once after 20 s without an event, and polls from then on when the stream had missed a change', async () => {
    const w = watcher();
    const fetchTicket = fetcher().mockResolvedValue(view({ position: 1, ahead: 0 }));
    watchTicket('t1', w, { eventSource: fakeEventSource, fetchTicket });
    const es = FakeEventSource.last!;
    es.emit('position', view({ position: 3 }));
    await vi.advanceTimersByTimeAsync(10_000);
    es.emit('position', view({ position: 2, ahead: 1 })); // an event: the quiet is counted from here
    await vi.advanceTimersByTimeAsync(19_900);
    expect(fetchTicket).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(fetchTicket).toHaveBeenCalledTimes(1);
    // the stream said 2, the queue says 1: a half-open stream, given up for polling
    expect(w.onPosition).toHaveBeenLastCalledWith(expect.objectContaining({ position: 1 }));
    expect(es.closed).toBe(true);
    expect(w.onTransport).toHaveBeenLastCalledWith('polling');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchTicket).toHaveBeenCalledTimes(2);
  });

  it('keeps a quiet stream that missed nothing (a paused queue), asking again after twice the quiet each time, up to 2 min', async () => {
    const w = watcher();
    const fetchTicket = fetcher().mockResolvedValue(view({ position: 3 }));
    watchTicket('t1', w, { eventSource: fakeEventSource, fetchTicket });
    const es = FakeEventSource.last!;
    es.emit('position', view({ position: 3 }));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(fetchTicket).toHaveBeenCalledTimes(1);
    expect(es.closed).toBe(false);
    expect(w.onTransport).not.toHaveBeenCalledWith('polling');
    await vi.advanceTimersByTimeAsync(39_900);
    expect(fetchTicket).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(fetchTicket).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(80_000);
    expect(fetchTicket).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(120_000); // 160 s capped at 2 min
    expect(fetchTicket).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetchTicket).toHaveBeenCalledTimes(5);
    es.emit('position', view({ position: 3 })); // an event: the next check 20 s after it again
    await vi.advanceTimersByTimeAsync(20_000);
    expect(fetchTicket).toHaveBeenCalledTimes(6);
    es.emit('admitted', view({ status: 'ADMITTED', position: 0, ahead: 0, token: 'jwt' }));
    expect(w.onAdmitted).toHaveBeenCalledWith(expect.objectContaining({ token: 'jwt' }));
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

  it('polls when the check after a quiet spell fails', async () => {
    const w = watcher();
    const fetchTicket = fetcher()
      .mockRejectedValueOnce(new ApiError(0, 'network'))
      .mockResolvedValue(view({ position: 2, ahead: 1 }));
    watchTicket('t1', w, { eventSource: fakeEventSource, fetchTicket });
    FakeEventSource.last!.emit('position', view({ position: 3 }));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(w.onError).toHaveBeenCalledWith(expect.objectContaining({ slug: 'network' }), true);
    expect(w.onTransport).toHaveBeenLastCalledWith('polling');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(w.onPosition).toHaveBeenLastCalledWith(expect.objectContaining({ position: 2 }));
  });

  it('asks once when told to (just after the close), and ends with the answer', async () => {
    const w = watcher();
    const fetchTicket = fetcher().mockResolvedValue(view({ status: 'CLOSED', position: 0, ahead: 0 }));
    const watch = watchTicket('t1', w, { eventSource: fakeEventSource, fetchTicket });
    FakeEventSource.last!.emit('position', view({ position: 3 }));
    watch.check();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchTicket).toHaveBeenCalledTimes(1);
    expect(w.onClosed).toHaveBeenCalled();
    expect(FakeEventSource.last!.closed).toBe(true);
  });
});
