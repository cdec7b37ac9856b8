// Admission service (SPEC §4): the clock, the waiting room and its live stream.
import { request } from './http';
import type { ClockResponse, Entered, TicketView } from './types';

export const getClock = (signal?: AbortSignal) => request<ClockResponse>('/api/v1/clock', { signal });

/**
 * 201 with a new ticket; 200 with the same one when `ticketId` is the ticket this client was given for `nickname` in
 * this round (a reload), and also when `entryKey` is the key this client entered `nickname` with in this round (an
 * entry tried again after its answer was lost, with no ticket id yet); 409 `nickname-taken` when someone else holds
 * the nickname in this round.
 */
export const enterQueue = (nickname: string, entryKey: string, ticketId?: string) =>
  request<Entered>('/api/v1/queue', {
    method: 'POST',
    body: ticketId === undefined ? { nickname, entryKey } : { nickname, entryKey, ticketId },
  });

export const getTicket = (ticketId: string, signal?: AbortSignal) =>
  request<TicketView>(`/api/v1/queue/${encodeURIComponent(ticketId)}`, { signal });

export const ticketEventsUrl = (ticketId: string) => `/api/v1/queue/${encodeURIComponent(ticketId)}/events`;
