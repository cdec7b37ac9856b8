// Server-synced time. The device clock can be minutes off; the countdown to the open must not be. Each sample reads
// Date.now() before (t0) and after (t1) GET /api/v1/clock; the server's reading is assumed to be taken half-way, so
// offset = serverTime − (t0 + t1) / 2, and the sample with the smallest round trip wins (its error is ≤ RTT/2).

export interface ClockSample {
  /** Date.now() when the request was sent. */
  sentAt: number;
  /** Date.now() when the answer arrived. */
  receivedAt: number;
  /** The server's time in the answer, epoch ms. */
  serverTime: number;
}

export interface ClockSync {
  /** Add to Date.now() to get the server's time. */
  offsetMs: number;
  /** Round trip of the chosen sample. */
  rttMs: number;
  /** Bound on the error: half the round trip. */
  uncertaintyMs: number;
}

export function offsetOf(sample: ClockSample): ClockSync {
  const rttMs = Math.max(0, sample.receivedAt - sample.sentAt);
  const offsetMs = sample.serverTime + rttMs / 2 - sample.receivedAt;
  return { offsetMs: Math.round(offsetMs), rttMs, uncertaintyMs: Math.ceil(rttMs / 2) };
}

/** The best estimate from several samples: the one with the shortest round trip. */
export function bestOffset(samples: readonly ClockSample[]): ClockSync | undefined {
  let best: ClockSync | undefined;
  for (const sample of samples) {
    const sync = offsetOf(sample);
    if (!best || sync.rttMs < best.rttMs) best = sync;
  }
  return best;
}

export const serverNow = (offsetMs: number, deviceNow: number = Date.now()) => deviceNow + offsetMs;

// --- rounds (SPEC §3) ------------------------------------------------------------------------------------------------

export interface RoundTiming {
  periodMs: number;
  openForMs: number;
}

export interface RoundInfo {
  id: string;
  opensAt: number;
  closesAt: number;
  phase: 'OPEN' | 'CLOSED';
  nextOpensAt: number;
  nextId: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** roundId = the start in UTC as yyyyMMdd'T'HHmmss'Z' (SPEC §3). */
export function roundIdAt(startMs: number): string {
  const d = new Date(startMs);
  return (
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

/** How long a round stays open from its start: openForMs, never past the next round's start. */
export function openWindowMs(timing: RoundTiming): number {
  return Math.min(timing.openForMs, timing.periodMs);
}

/** Rounds start at whole multiples of the period since the epoch; OPEN for openForMs from the start. */
export function roundAt(nowMs: number, timing: RoundTiming): RoundInfo {
  const opensAt = Math.floor(nowMs / timing.periodMs) * timing.periodMs;
  const closesAt = opensAt + openWindowMs(timing);
  const nextOpensAt = opensAt + timing.periodMs;
  return {
    id: roundIdAt(opensAt),
    opensAt,
    closesAt,
    phase: nowMs >= opensAt && nowMs < closesAt ? 'OPEN' : 'CLOSED',
    nextOpensAt,
    nextId: roundIdAt(nextOpensAt),
  };
}

/** The round that last finished (closed) at nowMs: the current one once it closed, else the one before. */
export function lastFinishedRoundId(nowMs: number, timing: RoundTiming): string {
  const current = roundAt(nowMs, timing);
  return current.phase === 'CLOSED' ? current.id : roundIdAt(current.opensAt - timing.periodMs);
}

/** Whole seconds left until targetMs, never negative (ceil: "1" until the very last moment). */
export function secondsUntil(targetMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((targetMs - nowMs) / 1000));
}

/** "MM:SS" of a number of seconds (hours folded into minutes; a countdown never shows more than an hour). */
export function mmss(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

/** Epoch ms of a roundId ("20261124T101500Z"), or undefined if it is not one. */
export function parseRoundId(id: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(id);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** When `roundId` closes (epoch ms): its open + the open window; Infinity for what is not a round id. */
export function closesAtOf(roundId: string, timing: RoundTiming): number {
  const start = parseRoundId(roundId);
  return start === undefined ? Infinity : start + openWindowMs(timing);
}

/** When a player whose last go was in `roundId` can enter a fresh round: the next round's open. */
export function nextRoundAfter(roundId: string, timing: RoundTiming, nowMs: number): number {
  const start = parseRoundId(roundId);
  if (start === undefined) return roundAt(nowMs, timing).nextOpensAt;
  return start + timing.periodMs;
}

/**
 * When a waiting room's first entry goes out (undefined: at once): at `notBefore` (the next round's open after a round
 * played) while it is ahead; at the next open while the round is closed by the synced server clock, since an entry
 * sent before the open is only refused (round-not-open). An unsynced clock is not trusted with that: the entry goes at
 * once, and the server's refusal says when it opens.
 */
export function firstEntryAt(
  nowMs: number,
  timing: RoundTiming,
  synced: boolean,
  notBefore?: number | undefined,
): number | undefined {
  if (notBefore !== undefined && notBefore > nowMs) return notBefore;
  if (!synced) return undefined;
  const round = roundAt(nowMs, timing);
  return round.phase === 'CLOSED' ? round.nextOpensAt : undefined;
}
