import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../api/http';
import type { Versioned } from '../api/types';
import { lockoutMs, tokenRefused } from '../lib/opsProblems';
import { useLatest } from './useLatest';

/** `invalid`: a save was refused here, as a field holds a value the server would not take (out of range). */
export type SaveState = 'idle' | 'saving' | 'saved' | 'invalid';

/** How often a form reads the settings again, to show what is in force (and to see a change made elsewhere). */
export const SETTINGS_REFRESH_MS = 5000;

/** What a save sends: the form, the fields changed from the settings it was based on, and their version. */
export interface SettingsEdit<T> {
  form: T;
  /** Only the fields whose value differs from the settings the form was read at. */
  changed: Partial<T>;
  /** The version (ETag) of the settings the form was read at, for a conditional save; undefined when none was sent. */
  version: string | undefined;
}

export interface SettingsFormOptions<T> {
  read(token: string): Promise<Versioned<T>>;
  /** Saves the edit; its answer (the settings in force after it) becomes the form. */
  write(token: string, edit: SettingsEdit<T>): Promise<Versioned<T>>;
  /**
   * A refused save that says the settings changed since the form's version (a 412): the settings in force now, which
   * the form then shows (`conflicted`); undefined for any other refusal.
   */
  conflict?(error: ApiError): Versioned<T> | undefined;
  /** Offered a failed read first; returns true if it dealt with it (then it is not shown as `error`). */
  onReadError?(error: ApiError): boolean;
  /** Offered a failed save first; returns true if it dealt with it (then it is not shown as `error`). */
  onSaveError?(error: ApiError): boolean;
  /** How often to read again while the form is shown (and when the window regains the focus). */
  refreshMs?: number;
  /**
   * The settings already read with this token (the ops token's check read admission's): the form starts on them
   * instead of reading them again.
   */
  initial?: Versioned<T> | undefined;
}

export interface SettingsForm<T> {
  /** The settings as edited; undefined until the first read answers. */
  form: T | undefined;
  /** The settings in force as the server last said (a read or a save); undefined until the first read answers. */
  inForce: T | undefined;
  /**
   * The settings in force when they changed elsewhere (another browser, the API) after the form with unsaved edits was
   * read: the edits are kept, and this says what they would now replace. Undefined otherwise.
   */
  changedElsewhere: T | undefined;
  /** The last save was refused as the settings had changed since the form was read; the form now shows them. */
  conflicted: boolean;
  /** The last failed read or save that no handler dealt with. */
  error: ApiError | undefined;
  /** What `error` failed at: reading the settings or saving the edits. */
  failedAt: 'read' | 'save' | undefined;
  /** The form holds edits the server has not taken yet (changed since the last read or save). */
  dirty: boolean;
  save: SaveState;
  /** Edits the form (once it is read); a shown "saved" goes back to idle. */
  change(patch: Partial<T>): void;
  /**
   * A field says whether what is typed in it can be saved (out of range, not a number: not). While any cannot, `submit`
   * saves nothing and `save` says `invalid`, instead of saving the last good value or a clamped one.
   */
  setFieldValid(field: string, valid: boolean): void;
  /** Counts the reads that replaced the form: a field shows the value read afresh, dropping what was typed. */
  generation: number;
  /** Saves the form as it is, for a form's onSubmit. */
  submit(event?: FormEvent): Promise<void>;
  /** Forgets the error and reads the settings again: edits not saved are dropped. */
  reload(): void;
  /** Tries the failed step again: a failed save sends the same edits again, a failed read reads again. */
  retry(): void;
}

/** The fields of `edited` whose value is not the one in `base`. */
export function changedFields<T extends object>(base: T, edited: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(edited) as (keyof T)[]) {
    if (!Object.is(edited[key], base[key])) changed[key] = edited[key];
  }
  return changed;
}

const sameSettings = <T extends object>(a: T, b: T) =>
  Object.keys(changedFields(a, b)).length === 0 && Object.keys(changedFields(b, a)).length === 0;

/**
 * Settings behind the ops token, read when the token is there, edited in a form and saved. While the form holds no
 * unsaved edits it is read again every `refreshMs` and when the window regains the focus, so it shows what is in force;
 * with unsaved edits a newer read does not replace them but is told as `changedElsewhere`.
 */
export function useSettingsForm<T extends object>(token: string, options: SettingsFormOptions<T>): SettingsForm<T> {
  // the panels pass their handlers inline: a ref keeps the read from restarting on every render
  const optionsRef = useLatest(options);
  const [form, setForm] = useState<T | undefined>(options.initial?.settings);
  /** What the form was read at (and its version): a save is based on it. */
  const [base, setBase] = useState<Versioned<T> | undefined>(options.initial);
  /** The server's settings as last read or saved. */
  const [latest, setLatest] = useState<Versioned<T> | undefined>(options.initial);
  /** The token the initial settings were read with: the first read for it is done. */
  const initialToken = useRef(options.initial ? token : undefined);
  const [failure, setFailure] = useState<{ error: ApiError; at: 'read' | 'save' } | undefined>();
  const [dirty, setDirty] = useState(false);
  const [save, setSave] = useState<SaveState>('idle');
  const [conflicted, setConflicted] = useState(false);
  const [invalidFields, setInvalidFields] = useState<ReadonlySet<string>>(() => new Set());
  const [generation, setGeneration] = useState(0);
  const dirtyRef = useLatest(dirty);
  const saveRef = useLatest(save);
  const baseRef = useLatest(base);
  // every read or save that replaces the form counts one: a refresh answered after it is older, and dropped
  const epoch = useRef(0);

  /** The form becomes `read`, dropping any edit. */
  const apply = useCallback((read: Versioned<T>) => {
    epoch.current += 1;
    setBase(read);
    setLatest(read);
    setForm(read.settings);
    setDirty(false);
    setInvalidFields(new Set());
    setGeneration((n) => n + 1);
  }, []);

  const load = useCallback(() => {
    optionsRef.current
      .read(token)
      .then(apply)
      .catch((caught: unknown) => {
        const problem = asApiError(caught);
        if (!optionsRef.current.onReadError?.(problem)) setFailure({ error: problem, at: 'read' });
      });
  }, [token, optionsRef, apply]);
  useEffect(() => {
    if (token !== initialToken.current) load();
  }, [token, load]);

  // a refused token stops the re-reads until `reload` (each would spend the address's failed sign-ins, which the three
  // services share); a 429 pauses them for its Retry-After
  const refreshHeld = useRef<{ stopped: boolean; until: number }>({ stopped: false, until: 0 });

  // read again now and then: a clean form shows what is in force, a dirty one learns of a change made elsewhere
  useEffect(() => {
    let reading = false;
    let gone = false;
    const refresh = () => {
      const held = refreshHeld.current;
      if (reading || saveRef.current === 'saving' || held.stopped || Date.now() < held.until) return;
      reading = true;
      const at = epoch.current;
      optionsRef.current
        .read(token)
        .then((read) => {
          if (gone || at !== epoch.current || saveRef.current === 'saving') return;
          setLatest(read);
          setFailure((previous) => (previous?.at === 'read' ? undefined : previous));
          const shown = baseRef.current;
          if (shown && sameSettings(shown.settings, read.settings)) {
            // nothing changed (what is typed stays): a new version of the same settings is what a save is based on
            setBase(read);
            return;
          }
          if (dirtyRef.current) return; // the edits stay; `changedElsewhere` says what is in force now
          apply(read);
          setSave((previous) => (previous === 'saved' ? 'idle' : previous));
        })
        .catch((caught: unknown) => {
          if (gone) return;
          const problem = asApiError(caught);
          if (tokenRefused(problem)) refreshHeld.current.stopped = true;
          const lockout = lockoutMs(problem);
          if (lockout !== undefined) refreshHeld.current.until = Date.now() + lockout;
          // the form keeps what it last read; a refused token is still offered (it signs out), and a form never read
          // says why it is still not there
          if (optionsRef.current.onReadError?.(problem)) return;
          setFailure((previous) => (previous?.at === 'read' ? { error: problem, at: 'read' } : previous));
        })
        .finally(() => {
          reading = false;
        });
    };
    const timer = setInterval(refresh, optionsRef.current.refreshMs ?? SETTINGS_REFRESH_MS);
    window.addEventListener('focus', refresh);
    return () => {
      gone = true;
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [token, optionsRef, apply, dirtyRef, saveRef, baseRef]);

  /**
   * Reads the settings again for the version `shown` were refused without. Edits typed meanwhile stay: the read then
   * only lends its version when it holds `shown` (what the edits are based on); settings changed again since stay
   * for the re-reads to tell (`changedElsewhere`).
   */
  const readVersionOf = (shown: T) => {
    const at = epoch.current;
    optionsRef.current
      .read(token)
      .then((read) => {
        if (at !== epoch.current) return;
        setLatest(read);
        if (sameSettings(shown, read.settings)) setBase(read);
        else if (!dirtyRef.current) apply(read);
      })
      .catch(() => undefined); // the next save is unconditional, as before; the re-reads go on
  };

  const reload = () => {
    refreshHeld.current = { stopped: false, until: 0 };
    setFailure(undefined);
    setConflicted(false);
    load();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!form || !base) return;
    if (invalidFields.size > 0) {
      setSave('invalid');
      return;
    }
    setSave('saving');
    setFailure(undefined);
    setConflicted(false);
    try {
      const saved = await optionsRef.current.write(token, {
        form,
        changed: changedFields(base.settings, form),
        version: base.version,
      });
      apply(saved);
      setSave('saved');
    } catch (caught) {
      const problem = asApiError(caught);
      setSave('idle');
      const current = optionsRef.current.conflict?.(problem);
      if (current) {
        // changed since the form was read: show what is in force, and let the operator make the change again on it
        apply(current);
        setConflicted(true);
        // a 412 whose ETag a proxy dropped: read them again for their version, or the next save would be unconditional
        if (current.version === undefined) readVersionOf(current.settings);
        return;
      }
      if (!optionsRef.current.onSaveError?.(problem)) setFailure({ error: problem, at: 'save' });
    }
  };

  const retry = () => {
    if (failure?.at === 'save') void submit();
    else reload();
  };

  const change = (patch: Partial<T>) => {
    setSave('idle');
    setDirty(true);
    setForm((previous) => (previous ? { ...previous, ...patch } : previous));
  };

  const setFieldValid = useCallback((field: string, valid: boolean) => {
    setInvalidFields((previous) => {
      if (previous.has(field) !== valid) return previous;
      const next = new Set(previous);
      if (valid) next.delete(field);
      else next.add(field);
      return next;
    });
    setSave((previous) => (previous === 'invalid' || previous === 'saved' ? 'idle' : previous));
    if (!valid) setDirty(true);
  }, []);

  const changedElsewhere =
    dirty && base && latest && !sameSettings(base.settings, latest.settings) ? latest.settings : undefined;

  return {
    form,
    inForce: latest?.settings,
    changedElsewhere,
    conflicted,
    error: failure?.error,
    failedAt: failure?.at,
    dirty,
    save,
    change,
    setFieldValid,
    generation,
    submit,
    reload,
    retry,
  };
}
