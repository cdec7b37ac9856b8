// Wire types of the public and ops APIs (SPEC §4–§6), written from the SPEC and checked against the services'
// response records. Parsing is tolerant: anything not guaranteed by the SPEC is optional, and the normalisers in
// this folder turn what arrives into these shapes, so a renamed field is fixed here and nowhere else.

/** An instant as the services send it: ISO-8601 text (Jackson's default) or epoch seconds/millis. */
export type WireInstant = string | number;

export type Phase = 'OPEN' | 'CLOSED';

export interface ClockResponse {
  serverTime: WireInstant;
  round: { id: string; opensAt: WireInstant; closesAt: WireInstant; phase: Phase };
  nextRound: { id: string; opensAt: WireInstant };
  /** Not in the SPEC's clock: the home screen takes the difficulty from bot-runner's GET /api/v1/bots/public. */
  difficulty?: Difficulty;
  bots?: { difficulty?: Difficulty };
}

export interface Entered {
  ticketId: string;
  roundId: string;
  position: number;
  waiting: number;
}

export type TicketStatus = 'WAITING' | 'ADMITTED' | 'CLOSED';

export interface TicketView {
  ticketId: string;
  roundId: string;
  status: TicketStatus;
  position: number;
  ahead: number;
  waiting: number;
  ratePerSecond?: number;
  /** null: no estimate (paused, rate 0, or more than a day away) */
  etaSeconds: number | null;
  token?: string | null;
}

export interface Captcha {
  captchaId: string;
  /** PNG data URL. */
  image: string;
}

export type Grade = 'VIP' | 'R' | 'S';
export type SeatStatus = 'AVAILABLE' | 'HELD' | 'SOLD';

export interface Seat {
  id: string;
  row: string;
  number: number;
  grade: Grade;
  status: SeatStatus;
}

export interface SeatMapResponse {
  roundId: string;
  rows: number;
  columns: number;
  seats: Seat[];
}

export interface Hold {
  holdId: string;
  seatId: string;
  expiresAt?: WireInstant;
}

export type BookingStatus = 'PENDING' | 'CONFIRMED' | 'REJECTED';

export interface BookingAccepted {
  bookingId: string;
  status: BookingStatus;
  seatId: string;
}

export interface Splits {
  entryMs: number;
  waitMs: number;
  seatMs: number;
  confirmMs: number;
}

export interface Standing {
  position: number;
  total: number;
  topPercent: number;
  /** The server's tier label (Korean); the UI computes its own from position and total (the exact share). */
  tier?: string;
}

export interface Rank {
  round?: Standing | null;
  week?: Standing | null;
  botsBeatenPercent?: number | null;
}

export interface BookingView {
  bookingId: string;
  status: BookingStatus;
  roundId: string;
  seatId: string;
  nickname?: string;
  bot?: boolean;
  durationMs?: number;
  splits?: Splits | null;
  rank?: Rank | null;
}

export interface GroupSummary {
  count: number;
  bestMs?: number | null;
  medianMs?: number | null;
}

export interface HistogramBucket {
  fromMs: number;
  toMs: number;
  humans: number;
  bots: number;
}

export interface Leader {
  bookingId?: string;
  roundId?: string;
  nickname: string;
  seatId?: string;
  durationMs: number;
}

export interface RoundResults {
  roundId: string;
  seats: { total: number; sold: number };
  soldOutMs?: number | null;
  soldOutAt?: WireInstant | null;
  humans: GroupSummary;
  bots: GroupSummary;
  histogram: { bucketMs?: number; buckets: HistogramBucket[] };
  topHumans: Leader[];
}

export interface Leaderboard {
  period?: string;
  from?: string;
  entries: Leader[];
}

// --- ops -----------------------------------------------------------------------------------------------------------

export interface AdmissionSettings {
  ratePerSecond: number;
  openBatch: number;
  maxActive: number;
  paused: boolean;
}

export type Difficulty = 'EASY' | 'NORMAL' | 'HARD' | 'INSANE';
export const DIFFICULTIES: readonly Difficulty[] = ['EASY', 'NORMAL', 'HARD', 'INSANE'];

export interface BotSettings {
  enabled: boolean;
  perRound: number;
  difficulty: Difficulty;
  /** Not edited here; bot-runner keeps it (a PUT sends only the fields changed). */
  cancelProbability?: number;
}

/** Settings as the server holds them, and the version (its ETag) they were read at, when it sends one. */
export interface Versioned<T> {
  settings: T;
  version: string | undefined;
}

export interface BotsSplit {
  bots?: number;
  humans?: number;
}

/** One round in GET /api/v1/admin/stats. */
export interface RoundStats {
  roundId: string;
  opensAt?: WireInstant;
  closesAt?: WireInstant;
  entered?: number;
  admitted?: number;
  waiting?: number;
  active?: number;
  finished?: number;
  abandoned?: number;
  enteredBy?: BotsSplit;
  admittedBy?: BotsSplit;
  achievedRatePerSecond?: number;
  settings?: AdmissionSettings;
  /** Not in admission's answer today; used for bookings/s if it ever appears, else results are polled. */
  booked?: number;
}

export interface AdminStats {
  serverTime?: WireInstant;
  currentRoundId?: string;
  /** Null before anybody entered the current round. */
  current?: RoundStats | null;
  recent?: RoundStats[];
}

/** GET /api/v1/confirmations (booking): confirmations not yet written to MySQL, as SQS counts them (approximately). */
export interface ConfirmationBacklog {
  /** On the confirmation queue, not yet taken by a listener. */
  waiting: number;
  /** Taken by a listener and not yet written: during a MySQL outage they wait here, nothing is lost. */
  inFlight: number;
  /** On the dead-letter queue (poison messages only): ops can redrive them. */
  deadLetters: number;
  /** When the answering booking instance's calls to MySQL began to fail (ISO instant); null while they pass. */
  mysqlFailingSince?: string | null;
}

/** POST /api/v1/confirmations/dead-letters/redrive: how many went back on the queue, how many are still dead letters. */
export interface Redriven {
  moved: number;
  remaining: number;
}

// --- debrief and progress (SPEC §12, /work/debrief-contract.md) ----------------------------------------------------
// Read through the parsers in progress.ts: a required field missing is an error, an unknown step or result is dropped.

/** The five steps of an attempt as the debrief measures them (not the booking view's four splits). */
export type StepName = 'entry' | 'wait' | 'letter' | 'pick' | 'confirm';
export const STEP_NAMES: readonly StepName[] = ['entry', 'wait', 'letter', 'pick', 'confirm'];

/** ms per step, null when the step was not reached. */
export type StepTimes = Record<`${StepName}Ms`, number | null>;

/** NOT_ADMITTED: the round closed while the player waited (its debrief comes from admission's record). */
export type DebriefOutcome = 'CONFIRMED' | 'PENDING' | 'REJECTED' | 'NO_SEAT' | 'NOT_ADMITTED';
export type SeatAttemptResult = 'HELD' | 'TAKEN' | 'UNKNOWN_SEAT' | 'CAPTCHA_REQUIRED';

/** One step of the server's timeline; atMs counts from the round's open. */
export type TimelineEvent =
  | { step: 'OPEN' | 'ENTERED' | 'ADMITTED' | 'CONFIRMED' | 'REJECTED'; atMs: number }
  | { step: 'LETTER'; atMs: number; attempts: number | null }
  | {
      step: 'SEAT';
      atMs: number;
      seatId: string;
      result: SeatAttemptResult;
      /** For TAKEN: who held the seat (nickname null for a bot), null when not known. */
      takenBy: { nickname: string | null; bot: boolean } | null;
      /** For TAKEN: this attempt's time − when the taker got the seat (≥ 0), null when not known. */
      marginMs: number | null;
    }
  | { step: 'BOOKED'; atMs: number; bookingId: string | null; seatId: string | null }
  /**
   * The round closed before the player booked, `stillOn` the step it was on (wait, letter, pick or confirm). A waiting player's has `placesAway`
   * (numbers short of admission, which had reached `served`); one still on its letter `attempts` (its wrong answers).
   */
  | {
      step: 'CLOSED';
      atMs: number;
      stillOn: StepName | null;
      placesAway: number | null;
      served: number | null;
      attempts: number | null;
    };

/** Why a waiting player was not admitted: its entry against the entries of the humans who were. */
export interface NotAdmitted {
  /** The last admitted queue number at the close, and how many numbers short of the player's that was. */
  served: number;
  placesAway: number;
  /** The player entered this long after the open… */
  enteredMs: number;
  /** …and every admitted human within this long (null when not known). */
  admittedWithinMs: number | null;
  admittedHumans: number;
}

export interface Costliest {
  step: StepName;
  ms: number;
  /**
   * What `referenceMs` is: the round's humans' 10th percentile of that step (ROUND), the player's best round's time of
   * it (PERSONAL_BEST), or — nothing to compare it with — the player's own total time over all steps this round (SELF).
   */
  basis: 'ROUND' | 'PERSONAL_BEST' | 'SELF';
  referenceMs: number;
  /**
   * ROUND: the humans the 10th percentile is over. SELF: the humans of the round who reached the step (too few to
   * compare with). 0 against the personal best.
   */
  humans: number;
}

export interface GhostRun {
  roundId: string | null;
  nickname: string | null;
  totalMs: number | null;
  steps: StepTimes;
}

export interface Debrief {
  roundId: string;
  ticketId: string;
  nickname: string;
  outcome: DebriefOutcome;
  queue: { number: number | null; entered: number | null };
  timeline: TimelineEvent[];
  steps: StepTimes;
  totalMs: number | null;
  costliest: Costliest | null;
  ghost: {
    /** The player's best won attempt up to this round: this round itself when it is a new best. */
    personalBest: GhostRun | null;
    /** The best strictly before this round (null before a first win, and from a server that does not send it). */
    previousBest: GhostRun | null;
    roundBest: GhostRun | null;
    /**
     * False when the server could not read all the player's earlier rounds (a store down): the two bests count
     * only those it could, so a missing previous best is no first win. True from a server that does not send it.
     */
    previousBestKnown: boolean;
  };
  /** Only for outcome NOT_ADMITTED. */
  notAdmitted: NotAdmitted | null;
}

export interface HistoryAttempt {
  roundId: string;
  ticketId: string;
  outcome: DebriefOutcome;
  totalMs: number | null;
  seatId: string | null;
  queueNumber: number | null;
  entered: number | null;
  steps: StepTimes;
}

export interface PlayerHistory {
  nickname: string;
  rounds: number;
  won: number;
  wonPercent: number;
  personalBest: GhostRun | null;
  /** Independent minima: totalMs over won attempts, each step over the attempts that reached it. */
  bests: StepTimes & { totalMs: number | null };
  /** Newest first, at most 100. */
  attempts: HistoryAttempt[];
}
