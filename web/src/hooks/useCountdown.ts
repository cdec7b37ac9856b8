import { useEffect, useState } from 'react';

/**
 * Whole seconds left of a wait of `seconds` (a Retry-After) counted from the render that brought `key` (the answer
 * that asked for it, e.g. an ApiError): a new key starts a new wait. 0 without one or once it is over. Counted by
 * timers, so a page the browser slows down only ever waits longer, never less.
 */
export function useCountdown(seconds: number | undefined, key: unknown): number {
  const full = Math.max(0, Math.ceil(seconds ?? 0));
  const [counted, setCounted] = useState({ key, left: full });
  let left = counted.left;
  if (counted.key !== key) {
    left = full;
    setCounted({ key, left });
  }
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(
      () => setCounted((current) => (current.key === key ? { key, left: current.left - 1 } : current)),
      1000,
    );
    return () => clearTimeout(timer);
  }, [key, left]);
  return left;
}
