/**
 * GET /api/v1/clock as admission answers it now, for a 1-minute period: the current minute's round (open for
 * `openForMs` from its start, `phase` as given) and the next one.
 */
export function clockNow({ id = 'r', openForMs = 15_000 }: { id?: string; openForMs?: number } = {}) {
  const now = Date.now();
  const opensAt = Math.floor(now / 60_000) * 60_000;
  return {
    serverTime: new Date(now).toISOString(),
    round: {
      id,
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(opensAt + openForMs).toISOString(),
      phase: 'OPEN',
    },
    nextRound: { id: 'n', opensAt: new Date(opensAt + 60_000).toISOString() },
  };
}
