import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n, type Message } from '../i18n/i18n';

/**
 * What screen readers are told in passing, politely, in one live region for the whole app: a screen's own region goes
 * with it, so what its last moment said (the admission, as the waiting room gives way to the letter) was never heard.
 */
export interface Announcer {
  /** Says `message` once screen readers are free; the same text twice in a row is said twice. */
  announce(message: Message): void;
  /**
   * While quiet (the security letter's audio playing), announcements are dropped, not kept for later: a time left
   * said after the audio would be out of date, and one said over it would drown the letters. What must still be said
   * (the time left) waits for `quiet` to end and is said then, as it is by then.
   */
  setQuiet(quiet: boolean): void;
  quiet: boolean;
}

/** Without the provider (a screen rendered on its own) nothing is said. */
const AnnouncerContext = createContext<Announcer>({
  announce: () => undefined,
  setQuiet: () => undefined,
  quiet: false,
});

/**
 * How long a said text stays in the region: long enough for a screen reader busy with something else to get to it,
 * short enough that reading through the page later does not find a pile of old news.
 */
export const ANNOUNCEMENT_KEPT_MS = 7_000;

interface Said {
  id: number;
  message: Message;
}

/**
 * The app's live region and the `announce` that fills it. Each announcement is a new node (a new key), so a text said
 * again adds a node again and is read again, where setting the same text would change nothing. Kept as key and
 * parameters and translated here, like any text kept for later (`Message`).
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [said, setSaid] = useState<Said[]>([]);
  const next = useRef(0);
  const quiet = useRef(false);
  const [quietNow, setQuietNow] = useState(false);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  const announce = useCallback((message: Message) => {
    if (quiet.current) return;
    const id = ++next.current;
    setSaid((previous) => [...previous, { id, message }]);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setSaid((previous) => previous.filter((s) => s.id !== id));
    }, ANNOUNCEMENT_KEPT_MS);
    timers.current.add(timer);
  }, []);
  const setQuiet = useCallback((on: boolean) => {
    quiet.current = on;
    setQuietNow(on);
  }, []);
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  const value = useMemo<Announcer>(() => ({ announce, setQuiet, quiet: quietNow }), [announce, setQuiet, quietNow]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      {/* aria-relevant stays "additions text": each new node is read on its own, a removed one is not */}
      <div className="sr-only" aria-live="polite" data-testid="announcer">
        {said.map((s) => (
          <p key={s.id}>{t(s.message.key, s.message.params)}</p>
        ))}
      </div>
    </AnnouncerContext.Provider>
  );
}

export const useAnnouncer = () => useContext(AnnouncerContext);
