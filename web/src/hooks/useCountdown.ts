import { useEffect, useState } from 'react';

/**
 * Whole seconds left of a wait of `seconds` (a Retry-After) counted from the render that brought `key` (the answer
 * that asked for it, e.g. an ApiError): a new key starts a new wait. 0 without one or once it is over. The time left
 * is read off the clock at each tick, so a late timer (a throttled tab) shows the true rest, never an early end.
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
    if (full <= 0) return;
    const end = Date.now() + full * 1000;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const rest = end - Date.now();
      setCounted((current) => (current.key === key ? { key, left: Math.max(0, Math.ceil(rest / 1000)) } : current));
      // on at the next whole second left
      if (rest > 0) timer = setTimeout(tick, rest % 1000 || 1000);
    };
    timer = setTimeout(tick, 1000);
    return () => clearTimeout(timer);
  }, [key, full]);
  return left;
}
