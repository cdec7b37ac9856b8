import { useEffect, useState } from 'react';
import { getBooking } from '../api/booking';
import { asApiError, type ApiError } from '../api/http';
import type { BookingView } from '../api/types';
import { useServerClock } from './serverClock';
import { useLatest } from './useLatest';

/** How often a PENDING booking is read while its confirmation is seconds away (its first 60 reads). */
export const BOOKING_POLL_MS = 500;
/** How often a PENDING booking is read after that: the queue is backed up. */
export const BOOKING_SLOW_POLL_MS = 3000;
/** How many reads of a PENDING booking come every BOOKING_POLL_MS before they slow to BOOKING_SLOW_POLL_MS. */
export const BOOKING_FAST_POLLS = 60;
/** How often a confirmed booking's rank is read until it is there and has settled. */
export const RANK_POLL_MS = 2000;

export interface BookingPoll {
  /** The last read of the booking; undefined until the first answers. */
  booking: BookingView | undefined;
  /**
   * When `booking` was read, by the server's clock (0 before the first read): its rank is provisional if read before
   * the standings settled.
   */
  readAt: number;
  /** Why the last read failed; cleared by the next read that answers. */
  error: ApiError | undefined;
  /** When the booking was first read PENDING, by the server's clock; undefined until it is. */
  pendingSince: number | undefined;
  /** Polls again from the start (the first reads fast again), as the player asks after a failure. */
  retry(): void;
}

/** Confirmed while booking's database did not answer (told from its cache): the rank comes once it answers again. */
function rankToCome(view: BookingView): boolean {
  return view.status === 'CONFIRMED' && !view.bot && view.rank == null;
}

/**
 * The booking `bookingId` (nothing to read without one), polled until CONFIRMED or REJECTED, and a confirmed one until
 * its rank is there and has settled: until `rankSettlesAt` (server time, epoch ms) the bookings confirmed after it
 * move it. A failed read is kept in `error` and the polling goes on.
 */
export function useBookingPoll(bookingId: string | undefined, rankSettlesAt: number): BookingPoll {
  const [booking, setBooking] = useState<BookingView | undefined>();
  // when the booking shown was read: its rank is provisional if read before the standings settled
  const [readAt, setReadAt] = useState(0);
  const [error, setError] = useState<ApiError | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [pendingSince, setPendingSince] = useState<number | undefined>();
  // the latest clock and settling time (a clock sync may move the close), without restarting the poll
  const clockRef = useLatest(useServerClock());
  const rankSettlesAtRef = useLatest(rankSettlesAt);

  useEffect(() => {
    if (bookingId === undefined) return;
    const aborter = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    const poll = async () => {
      // fast while the confirmation is seconds away, gentler if the queue is backed up
      let next = polls < BOOKING_FAST_POLLS ? BOOKING_POLL_MS : BOOKING_SLOW_POLL_MS;
      try {
        const view = await getBooking(bookingId, aborter.signal);
        if (aborter.signal.aborted) return;
        // the read's time, taken now: an updater runs when React renders, which may be later
        const readAt = clockRef.current.now();
        setBooking(view);
        setReadAt(readAt);
        setError(undefined);
        if (view.status === 'PENDING') setPendingSince((since) => since ?? readAt);
        if (view.status !== 'PENDING') {
          const settling = view.status === 'CONFIRMED' && clockRef.current.now() < rankSettlesAtRef.current;
          if (!rankToCome(view) && !settling) return;
          next = RANK_POLL_MS;
        }
      } catch (caught) {
        if (aborter.signal.aborted) return;
        setError(asApiError(caught));
      }
      polls += 1;
      timer = setTimeout(() => void poll(), next);
    };
    void poll();
    return () => {
      aborter.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [bookingId, attempt, clockRef, rankSettlesAtRef]);

  return { booking, readAt, error, pendingSince, retry: () => setAttempt((n) => n + 1) };
}
