// Admission service (SPEC §4): the clock, the waiting room and its live stream.
import { request } from './http';
import type { ClockResponse, Entered, TicketView } from './types';

export const getClock = (signal?: AbortSignal) => request<ClockResponse>('/api/v1/clock', { signal });

export const enterQueue = (nickname: string) =>
  request<Entered>('/api/v1/queue', { method: 'POST', body: { nickname } });

export const getTicket = (ticketId: string, signal?: AbortSignal) =>
  request<TicketView>(`/api/v1/queue/${encodeURIComponent(ticketId)}`, { signal });

export const ticketEventsUrl = (ticketId: string) => `/api/v1/queue/${encodeURIComponent(ticketId)}/events`;
