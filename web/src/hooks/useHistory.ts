import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../api/http';
import { eraseHistory, getHistory } from '../api/progress';
import type { PlayerHistory } from '../api/types';

export type HistoryState =
  | { name: 'idle' }
  | { name: 'loading' }
  | { name: 'ready'; history: PlayerHistory }
  | { name: 'failed'; error: ApiError };

export interface PlayerHistoryHook {
  state: HistoryState;
  reload(): void;
  /** DELETE, then the (now empty) history again; rejects with the ApiError when the server refuses. */
  erase(): Promise<void>;
}

/** This device's history under `nickname` (nothing to read without one); a re-read keeps showing the last answer. */
export function useHistory(nickname: string | undefined): PlayerHistoryHook {
  const [reads, setReads] = useState(0);
  const [answer, setAnswer] = useState<{ key: string; state: HistoryState } | undefined>();
  const key = `${nickname ?? ''}#${reads}`;

  useEffect(() => {
    if (!nickname) return;
    const aborter = new AbortController();
    const settle = (state: HistoryState) => !aborter.signal.aborted && setAnswer({ key, state });
    getHistory(nickname, aborter.signal)
      .then((history) => settle({ name: 'ready', history }))
      .catch((caught: unknown) => settle({ name: 'failed', error: asApiError(caught) }));
    return () => aborter.abort();
  }, [nickname, key]);

  const kept = answer?.state.name === 'ready' && answer.state.history.nickname === nickname ? answer.state : undefined;
  const state: HistoryState = !nickname
    ? { name: 'idle' }
    : answer?.key === key
      ? answer.state
      : (kept ?? { name: 'loading' });

  const reload = useCallback(() => setReads((n) => n + 1), []);
  const erase = useCallback(async () => {
    if (!nickname) return;
    await eraseHistory(nickname);
    setReads((n) => n + 1);
  }, [nickname]);

  return { state, reload, erase };
}
