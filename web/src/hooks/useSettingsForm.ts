import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../api/http';
import { useLatest } from './useLatest';

/** `invalid`: a save was refused here, as a field holds a value the server would not take (out of range). */
export type SaveState = 'idle' | 'saving' | 'saved' | 'invalid';

export interface SettingsFormOptions<T> {
  read(token: string): Promise<T>;
  /** A full replacement; its answer becomes the form. */
  write(token: string, settings: T): Promise<T>;
  /** Offered a failed read first; returns true if it dealt with it (then it is not shown as `error`). */
  onReadError?(error: ApiError): boolean;
  /** Offered a failed save first; returns true if it dealt with it (then it is not shown as `error`). */
  onSaveError?(error: ApiError): boolean;
}

export interface SettingsForm<T> {
  /** The settings as edited; undefined until the first read answers. */
  form: T | undefined;
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

/** Settings behind the ops token, read when the token is there, edited in a form and saved as a whole. */
export function useSettingsForm<T extends object>(token: string, options: SettingsFormOptions<T>): SettingsForm<T> {
  // the panels pass their handlers inline: a ref keeps the read from restarting on every render
  const optionsRef = useLatest(options);
  const [form, setForm] = useState<T | undefined>();
  const [failure, setFailure] = useState<{ error: ApiError; at: 'read' | 'save' } | undefined>();
  const [dirty, setDirty] = useState(false);
  const [save, setSave] = useState<SaveState>('idle');
  const [invalidFields, setInvalidFields] = useState<ReadonlySet<string>>(() => new Set());
  const [generation, setGeneration] = useState(0);

  const load = useCallback(() => {
    optionsRef.current
      .read(token)
      .then((read) => {
        setForm(read);
        setDirty(false);
        setInvalidFields(new Set());
        setGeneration((n) => n + 1);
      })
      .catch((caught: unknown) => {
        const problem = asApiError(caught);
        if (!optionsRef.current.onReadError?.(problem)) setFailure({ error: problem, at: 'read' });
      });
  }, [token, optionsRef]);
  useEffect(load, [load]);

  const reload = () => {
    setFailure(undefined);
    load();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!form) return;
    if (invalidFields.size > 0) {
      setSave('invalid');
      return;
    }
    setSave('saving');
    setFailure(undefined);
    try {
      setForm(await options.write(token, form));
      setDirty(false);
      setSave('saved');
    } catch (caught) {
      const problem = asApiError(caught);
      setSave('idle');
      if (!options.onSaveError?.(problem)) setFailure({ error: problem, at: 'save' });
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

  return {
    form,
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
