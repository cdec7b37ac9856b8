// The round the ops page's live panel shows, and where it stands by the server's clock (SPEC §3). Admission's stats
// describe the round of the current period: after its close, until the next open, that is the closed round, its
// counters final but for those still booking.
import type { AdminStats } from '../api/types';
import { toEpochMs } from '../api/wire';
import { openWindowMs, parseRoundId, type RoundTiming } from './clock';

export interface StatsRound {
  roundId: string;
  opensAt: number;
  closesAt: number;
}

/** Open until its close; else closed until the next open. */
export type RoundState = { open: true; closesAt: number } | { open: false; nextOpensAt: number };

/**
 * The round the stats describe: its open and close as the stats give them (once someone entered it), else from its id
 * and the clock's timing; undefined without a round id.
 */
export function statsRound(stats: AdminStats, timing: RoundTiming): StatsRound | undefined {
  const roundId = stats.current?.roundId ?? stats.currentRoundId;
  if (!roundId) return undefined;
  const opensAt = toEpochMs(stats.current?.opensAt) ?? parseRoundId(roundId);
  if (opensAt === undefined) return undefined;
  return { roundId, opensAt, closesAt: toEpochMs(stats.current?.closesAt) ?? opensAt + openWindowMs(timing) };
}

/**
 * Where `round` stands at `now` (the server's time): open from its open until its close; before its open (a clock a
 * little behind the stats) closed until then; after its close closed until the round after it opens.
 */
export function roundStateAt(round: StatsRound, now: number, timing: RoundTiming): RoundState {
  if (now < round.opensAt) return { open: false, nextOpensAt: round.opensAt };
  if (now < round.closesAt) return { open: true, closesAt: round.closesAt };
  return { open: false, nextOpensAt: round.opensAt + timing.periodMs };
}
