import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/http';
import { getAdmissionSettings } from '../api/ops';
import type { AdmissionSettings, Versioned } from '../api/types';

export const OPS_TOKEN_KEY = 'tw.opsToken';

function storedToken(): string {
  try {
    return sessionStorage.getItem(OPS_TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function keepToken(token: string | undefined): void {
  try {
    if (token) sessionStorage.setItem(OPS_TOKEN_KEY, token);
    else sessionStorage.removeItem(OPS_TOKEN_KEY);
  } catch {
    // storage refused: the token lasts as long as the page
  }
}

export interface OpsSignIn {
  /** The token the console runs on, once admission took it (or could not be asked: see `signIn`). */
  token: string | undefined;
  /** Admission's settings as the check read them: the admission form's first read, not asked for twice. */
  checked: Versioned<AdmissionSettings> | undefined;
  /** The token being checked, or the one a lockout kept from being checked; '' when there is none. */
  candidate: string;
  /** A token is being checked. */
  checking: boolean;
  /** Why the last token was not taken: refused (401), or the failed-sign-in lockout (429, with its Retry-After). */
  error: ApiError | undefined;
  /** Counts the tokens refused or forgotten: each starts the form afresh (an empty field). */
  resets: number;
  /** Checks `token` with one call (admission's settings); the console starts once it is taken. */
  signIn(token: string): void;
  /** Forgets the token (`error`: why, when the server refused it). */
  signOut(error?: ApiError): void;
}

/**
 * The ops token, checked with ONE call before the console's panels read anything. Every refused token counts as a
 * failed sign-in against the budget per address that admission, booking and bot-runner share (429 with Retry-After
 * once it is spent): a wrong token sent to the four panels at once spent four, and three wrong tokens locked the
 * operator out. A token kept for the tab (a reload) is checked the same way. A 429 is a lockout, not a refusal: the
 * token is neither forgotten nor taken, and can be sent again once it has passed. A check that gets no answer from
 * admission (down, a proxy's error) does not say the token is wrong: the console starts, each panel saying what it
 * can reach.
 */
export function useOpsSignIn(): OpsSignIn {
  const [kept] = useState(storedToken);
  const [token, setToken] = useState<string | undefined>();
  const [checked, setChecked] = useState<Versioned<AdmissionSettings> | undefined>();
  const [candidate, setCandidate] = useState(kept);
  const [checking, setChecking] = useState(kept !== '');
  const [error, setError] = useState<ApiError | undefined>();
  const [resets, setResets] = useState(0);
  /** The check whose answer counts: a later sign-in or a sign-out makes an earlier answer stale. */
  const attempt = useRef(0);

  const check = useCallback((value: string) => {
    const mine = ++attempt.current;
    setCandidate(value);
    setChecking(true);
    setError(undefined);
    getAdmissionSettings(value)
      .then((read) => {
        if (mine !== attempt.current) return;
        keepToken(value);
        setChecked(read);
        setToken(value);
      })
      .catch((caught: unknown) => {
        if (mine !== attempt.current) return;
        const problem = asApiError(caught);
        if (problem.status === 401) {
          keepToken(undefined);
          setCandidate('');
          setResets((n) => n + 1);
          setError(problem);
        } else if (problem.status === 429) {
          setError(problem);
        } else {
          keepToken(value);
          setChecked(undefined);
          setToken(value);
        }
      })
      .finally(() => {
        if (mine === attempt.current) setChecking(false);
      });
  }, []);

  // a token kept for the tab is checked like a new one (it may have been rotated since); once, StrictMode's second
  // mount included, as each check of a wrong token is a failed sign-in
  const checkedKept = useRef(false);
  useEffect(() => {
    if (!kept || checkedKept.current) return;
    checkedKept.current = true;
    check(kept);
  }, [kept, check]);

  const signOut = useCallback((reason?: ApiError) => {
    attempt.current += 1;
    keepToken(undefined);
    setToken(undefined);
    setChecked(undefined);
    setCandidate('');
    setChecking(false);
    setError(reason);
    setResets((n) => n + 1);
  }, []);

  return { token, checked, candidate, checking, error, resets, signIn: check, signOut };
}
