import type { ApiError } from '../api/http';

/** What the player holds once admitted: the admission token acts on booking for this round only. */
export interface Session {
  nickname: string;
  ticketId: string;
  roundId: string;
  token: string;
}

/** One go at a round, as the result and its debrief name it (no token needed: the round may be over). */
export type Attempt = Pick<Session, 'nickname' | 'ticketId' | 'roundId'>;

/** What the waiting room last showed, for a player the round ended on before admission. */
export interface WaitingKnown {
  position: number;
  ahead: number;
  waiting: number;
}

/**
 * Why an attempt ended without a booking in hand. `already-booked`: the ticket booked before (a reload after booking
 * resumes it); its booking is the one its debrief names.
 */
export type NoBooking =
  | { kind: 'problem'; problem: ApiError }
  | { kind: 'sold-out' }
  | { kind: 'not-admitted'; known: WaitingKnown }
  | { kind: 'already-booked' };

/** The server refused the nickname at the entry: the player picks another on the home screen. */
export interface NicknameRefusal {
  nickname: string;
  slug: 'nickname-taken' | 'invalid-nickname';
}

/** The entry's refusals that are about the nickname itself (the field on the home screen can fix them). */
export function nicknameRefusal(nickname: string, slug: string): NicknameRefusal | undefined {
  return slug === 'nickname-taken' || slug === 'invalid-nickname' ? { nickname, slug } : undefined;
}
