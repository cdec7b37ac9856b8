import { useLayoutEffect, useRef } from 'react';

/**
 * Moves focus to the element when a screen appears, so keyboard and screen-reader users land on the new step; in the
 * commit that shows it (a layout effect), not a frame after it, so the focus never rests on the page between two
 * steps. `unlessFocused`: only when nothing has the focus (the page has it), for an element that holds the focus until
 * another takes it (the seat step's heading until the map loads).
 */
export function useFocusOnMount<T extends HTMLElement>({ unlessFocused = false } = {}) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const free = document.activeElement === null || document.activeElement === document.body;
    if (!unlessFocused || free) ref.current?.focus({ preventScroll: false });
  }, [unlessFocused]);
  return ref;
}
