import { useCallback, useEffect, useRef, useState } from 'react';
import { useLatest } from './useLatest';

/** The channel the tabs of this browser tell each other which drill they drive on. */
export const TABS_CHANNEL = 'tw.drill';

/**
 * Said on the channel: tab `tab` drives the drill `key` from now on (`at`, epoch ms), so any other tab driving it since
 * earlier stops.
 */
export interface TabClaim {
  type: 'claim';
  key: string;
  tab: string;
  /** Absent from a tab of the app before claims had times: its claim counts as the later one. */
  at?: number;
}

const post = (claim: TabClaim, channel: BroadcastChannel | undefined) => {
  try {
    channel?.postMessage(claim);
  } catch {
    // a closed channel: nobody to tell
  }
};

/** The later of two claims wins; the same millisecond is settled by the tab ids, so exactly one of two tabs goes on. */
const laterThan = (claim: TabClaim, own: Required<TabClaim>) => {
  const at = claim.at ?? Infinity;
  return at > own.at || (at === own.at && claim.tab > own.tab);
};

const isClaim = (data: unknown): data is TabClaim =>
  typeof data === 'object' &&
  data !== null &&
  (data as TabClaim).type === 'claim' &&
  typeof (data as TabClaim).key === 'string' &&
  typeof (data as TabClaim).tab === 'string' &&
  ((data as TabClaim).at === undefined || typeof (data as TabClaim).at === 'number');

export interface OnlyTab {
  /** Another tab of this browser has taken this drill over since this one started (or took it back). */
  elsewhere: boolean;
  /** Drives the drill here again: the other tab is told, and stops. */
  takeBack(): void;
}

/**
 * One tab drives a drill (`key`: the nickname, whose ticket this browser keeps) at a time. Two tabs on one ticket would
 * both stream the queue, ask for letters (each one replacing the other's) and hold seats (each one releasing the
 * other's), so the newest tab to start the drill, or to take it back, drives it and the others stop. Two claims that
 * cross on the channel are settled by their times, so one tab goes on. Over a BroadcastChannel: where there is none,
 * every tab goes on as before.
 */
export function useOnlyTab(key: string | undefined): OnlyTab {
  const [tab] = useState(() => Math.random().toString(36).slice(2) + Date.now().toString(36));
  /** The drill another tab took from this one (the key of it). */
  const [lostKey, setLostKey] = useState<string | undefined>();
  const channel = useRef<BroadcastChannel | undefined>(undefined);
  /** This tab's last claim: a claim for the same drill stops it only when it is later. */
  const ownClaim = useRef<Required<TabClaim> | undefined>(undefined);
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
      const claim = event.data;
      if (!isClaim(claim) || claim.tab === tab || claim.key !== keyRef.current) return;
      // before this tab's own claim of the key (or once it lost the drill) it has nothing to lose: a claim about to be
      // sent is the later one
      const own = ownClaim.current;
      if (own?.key !== claim.key) return;
      if (laterThan(claim, own)) {
        ownClaim.current = undefined;
        setLostKey(claim.key);
      } else {
        // an earlier claim, heard after this tab's own (crossed on the channel, or a clock set back in the other
        // tab): that tab may never have heard this one's, so it is said again and that tab stops
        post(own, opened);
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
      const claim: Required<TabClaim> = { type: 'claim', key: claimed, tab, at: Date.now() };
      ownClaim.current = claim;
      post(claim, channel.current);
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
