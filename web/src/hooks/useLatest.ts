import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the value of the last render, for timers, streams and fetches that must see the current
 * callback or clock without restarting the effect that started them. Updated as the render commits, before any
 * effect of that render runs.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
