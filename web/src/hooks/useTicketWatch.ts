import { useEffect, useRef } from 'react';
import { watchTicket, type TicketWatch, type TicketWatcher } from '../api/queueWatch';
import { useLatest } from './useLatest';
import { useRoundEnd } from './useRoundEnd';

/**
 * How long after the round's close, by the server's clock, the standing is asked for once: from the close on the
 * server answers ADMITTED or CLOSED; the margin covers what the two clocks still disagree by.
 */
export const CLOSE_CHECK_AFTER_MS = 1_000;

/**
 * Watches the standing of `ticketId` in `roundId` while both are given (one watch per ticket; the callbacks are
 * `watcher`'s as of the last render), and asks for it once just after the round's close: a stream that died without
 * an error would otherwise leave the player on a frozen position, never told `admitted` or `closed`.
 */
export function useTicketWatch(
  ticketId: string | undefined,
  roundId: string | undefined,
  watcher: (ticketId: string, roundId: string) => Required<TicketWatcher>,
): void {
  const watcherRef = useLatest(watcher);
  const watch = useRef<TicketWatch | undefined>(undefined);
  useEffect(() => {
    if (!ticketId || !roundId) return;
    const to = () => watcherRef.current(ticketId, roundId);
    const current = watchTicket(ticketId, {
      onPosition: (view) => to().onPosition(view),
      onAdmitted: (view) => to().onAdmitted(view),
      onClosed: (view) => to().onClosed(view),
      onError: (error, transient) => to().onError(error, transient),
      onTransport: (transport) => to().onTransport(transport),
    });
    watch.current = current;
    return () => {
      current();
      watch.current = undefined;
    };
  }, [ticketId, roundId, watcherRef]);
  useRoundEnd(
    roundId ?? '',
    () => {
      watch.current?.check();
      return true;
    },
    CLOSE_CHECK_AFTER_MS,
  );
}
