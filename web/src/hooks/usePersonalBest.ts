import { useEffect, useState } from 'react';
import { getHistory } from '../api/progress';
import type { GhostRun } from '../api/types';

/**
 * The player's personal best, read from the history as a drill starts (`run` counts the starts), for the live marker
 * beside the step indicator. Undefined until known; null when there is none, or it could not be read (the marker
 * is a bonus: no error is shown for it).
 */
export function usePersonalBest(nickname: string | undefined, run: number): GhostRun | null | undefined {
  const [best, setBest] = useState<{ key: string; nickname: string; pb: GhostRun | null } | undefined>();
  const key = `${nickname ?? ''}#${run}`;
  useEffect(() => {
    if (!nickname) return;
    const aborter = new AbortController();
    getHistory(nickname, aborter.signal)
      .then((history) => !aborter.signal.aborted && setBest({ key, nickname, pb: history.personalBest }))
      .catch(() => !aborter.signal.aborted && setBest({ key, nickname, pb: null }));
    return () => aborter.abort();
  }, [nickname, key]);
  if (!nickname || best?.nickname !== nickname) return undefined;
  // a re-read at the next drill keeps the last best meanwhile (a best only ever gets better)
  return best.pb ?? (best.key === key ? null : undefined);
}
