import { useEffect, useRef, type RefObject } from 'react';

/** True while the component is mounted: work that finishes after an await checks it before touching state. */
export function useMounted(): RefObject<boolean> {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
