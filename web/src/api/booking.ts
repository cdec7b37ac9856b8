// Booking service (SPEC §5): security letter, seat map, holds, bookings, results and the leaderboard.
// Player calls carry the admission token as a Bearer token, and the device secret (X-Player-Secret) with it: booking
// binds the ticket to the player (nickname + secret) the first time it sees both, for the debrief and the history.
import { playerHeaders } from '../lib/playerSecret';
import { request, requestBlob, type RequestOptions } from './http';
import type { BookingAccepted, BookingView, Captcha, Hold, Leaderboard, RoundResults, SeatMapResponse } from './types';

/** A player's call: the admission token (a bare 401 is that pass refused) and the device secret. */
const asPlayer = (token: string, headers: Record<string, string> = {}): RequestOptions => ({
  token,
  tokenKind: 'admission',
  headers: { ...playerHeaders(), ...headers },
});

export const issueCaptcha = (token: string) =>
  request<Captcha>('/api/v1/captcha', { ...asPlayer(token), method: 'POST' });

/** Resolves on 204; a wrong answer rejects with ApiError slug "wrong-answer" (the letter is used up). */
export const answerCaptcha = (token: string, captchaId: string, answer: string) =>
  request<void>(`/api/v1/captcha/${encodeURIComponent(captchaId)}`, {
    ...asPlayer(token),
    method: 'POST',
    body: { answer },
  });

/**
 * The letter read out, for a player who cannot see it: `audio/wav` bytes, asked with the same pass as the letter and
 * its answer. Asking does not use the letter up; an unknown or expired letter is a 404 `unknown-captcha`.
 */
export const getCaptchaAudio = (token: string, captchaId: string, signal?: AbortSignal) =>
  requestBlob(`/api/v1/captcha/${encodeURIComponent(captchaId)}/audio`, 'audio/wav', { ...asPlayer(token), signal });

export const getSeats = (token: string, roundId: string, signal?: AbortSignal) =>
  request<SeatMapResponse>(`/api/v1/rounds/${encodeURIComponent(roundId)}/seats`, { ...asPlayer(token), signal });

export const holdSeat = (token: string, roundId: string, seatId: string) =>
  request<Hold>(`/api/v1/rounds/${encodeURIComponent(roundId)}/holds`, {
    ...asPlayer(token),
    method: 'POST',
    body: { seatId },
  });

export const releaseHold = (token: string, holdId: string) =>
  request<void>(`/api/v1/holds/${encodeURIComponent(holdId)}`, { ...asPlayer(token), method: 'DELETE' });

/** The same idempotencyKey on a retry gives the same answer (SPEC §5), so a lost response is safe to retry. */
export const book = (token: string, holdId: string, idempotencyKey: string) =>
  request<BookingAccepted>('/api/v1/bookings', {
    ...asPlayer(token, { 'Idempotency-Key': idempotencyKey }),
    method: 'POST',
    body: { holdId },
  });

export const getBooking = (bookingId: string, signal?: AbortSignal) =>
  request<BookingView>(`/api/v1/bookings/${encodeURIComponent(bookingId)}`, { signal });

export const getResults = (roundId: string, signal?: AbortSignal) =>
  request<RoundResults>(`/api/v1/rounds/${encodeURIComponent(roundId)}/results`, { signal });

export const getLeaderboard = (period: 'day' | 'week' = 'day', signal?: AbortSignal) =>
  request<Leaderboard>(`/api/v1/leaderboard?period=${period}`, { signal });
