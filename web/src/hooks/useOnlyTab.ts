import { useCallback, useEffect, useRef, useState } from 'react';
import { useLatest } from './useLatest';

/** The channel the tabs of this browser tell each other which drill they drive on. */
export const TABS_CHANNEL = 'tw.drill';

/** Said on the channel: tab `tab` drives the drill `key` from now on, so any other tab driving it stops. */
export interface TabClaim {
  type: 'claim';
  key: string;
  tab: string;
}

const isClaim = (data: unknown): data is TabClaim =>
  typeof data === 'object' &&
  data !== null &&
  (data as TabClaim).type === 'claim' &&
  typeof (data as TabClaim).key === 'string' &&
  typeof (data as TabClaim).tab === 'string';

export interface OnlyTab {
  /** Another tab of this browser has taken this drill over since this one started (or took it back). */
  elsewhere: boolean;
  /** Drives the drill here again: the other tab is told, and stops. */
  takeBack(): void;
}

/**
 * One tab drives a drill (`key`: the nickname, whose ticket this browser keeps) at a time. Two tabs on one ticket would
 * both stream the queue, ask for letters (each one replacing the other's) and hold seats (each one releasing the
 * other's), so the newest tab to start the drill, or to take it back, drives it and the others stop. Over a
 * BroadcastChannel: where there is none, every tab goes on as before.
 */
export function useOnlyTab(key: string | undefined): OnlyTab {
  const [tab] = useState(() => Math.random().toString(36).slice(2) + Date.now().toString(36));
  /** The drill another tab took from this one (the key of it). */
  const [lostKey, setLostKey] = useState<string | undefined>();
  const channel = useRef<BroadcastChannel | undefined>(undefined);
  const keyRef = useLatest(key);

  useEffect(() => {
    const Channel = globalThis.BroadcastChannel as typeof BroadcastChannel | undefined;
    if (typeof Channel !== 'function') return;
    let opened: BroadcastChannel;
    try {
      opened = new Channel(TABS_CHANNEL);
    } catch {
      return; // e.g. a sandboxed frame: no second-tab check, as without BroadcastChannel
    }
    opened.onmessage = (event: MessageEvent<unknown>) => {
      if (isClaim(event.data) && event.data.tab !== tab && event.data.key === keyRef.current) {
        setLostKey(event.data.key);
      }
    };
    channel.current = opened;
    return () => {
      opened.close();
      channel.current = undefined;
    };
  }, [tab, keyRef]);

  const claim = useCallback(
    (claimed: string) => {
      try {
        channel.current?.postMessage({ type: 'claim', key: claimed, tab } satisfies TabClaim);
      } catch {
        // a closed channel: nobody to tell
      }
    },
    [tab],
  );

  // starting a drill (another nickname, or the same one again after leaving it) claims it: whatever another tab took
  // from this one before is over (reset as the key changes, while rendering, as React advises for derived state)
  const [drivenKey, setDrivenKey] = useState(key);
  if (drivenKey !== key) {
    setDrivenKey(key);
    setLostKey(undefined);
  }
  useEffect(() => {
    if (key !== undefined) claim(key);
  }, [key, claim]);

  const takeBack = useCallback(() => {
    setLostKey(undefined);
    if (keyRef.current !== undefined) claim(keyRef.current);
  }, [claim, keyRef]);

  return { elsewhere: key !== undefined && lostKey === key, takeBack };
}
