import type { WireInstant } from './types';

/**
 * Epoch milliseconds of an instant as the services send it: ISO-8601 text ("2026-11-24T10:15:00Z", Jackson's default
 * for java.time.Instant), epoch millis, or epoch seconds with a fraction (Jackson with timestamps on).
 */
export function toEpochMs(value: WireInstant | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value < 1e11 ? Math.round(value * 1000) : value;
  const numeric = Number(value);
  if (Number.isFinite(numeric)) return toEpochMs(numeric);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** A number from a field that may be missing or null. */
export function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
