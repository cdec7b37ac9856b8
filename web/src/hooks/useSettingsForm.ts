import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../api/http';
import { useLatest } from './useLatest';

export type SaveState = 'idle' | 'saving' | 'saved';

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
  save: SaveState;
  /** Edits the form (once it is read); a shown "saved" goes back to idle. */
  change(patch: Partial<T>): void;
  /** Saves the form as it is, for a form's onSubmit. */
  submit(event?: FormEvent): Promise<void>;
  /** Forgets the error and reads the settings again. */
  reload(): void;
}

/** Settings behind the ops token, read when the token is there, edited in a form and saved as a whole. */
export function useSettingsForm<T extends object>(token: string, options: SettingsFormOptions<T>): SettingsForm<T> {
  // the panels pass their handlers inline: a ref keeps the read from restarting on every render
  const optionsRef = useLatest(options);
  const [form, setForm] = useState<T | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [save, setSave] = useState<SaveState>('idle');

  const load = useCallback(() => {
    optionsRef.current
      .read(token)
      .then(setForm)
      .catch((caught: unknown) => {
        const problem = asApiError(caught);
        if (!optionsRef.current.onReadError?.(problem)) setError(problem);
      });
  }, [token, optionsRef]);
  useEffect(load, [load]);

  const reload = () => {
    setError(undefined);
    load();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!form) return;
    setSave('saving');
    setError(undefined);
    try {
      setForm(await options.write(token, form));
      setSave('saved');
    } catch (caught) {
      const problem = asApiError(caught);
      setSave('idle');
      if (!options.onSaveError?.(problem)) setError(problem);
    }
  };

  const change = (patch: Partial<T>) => {
    setSave('idle');
    setForm((previous) => (previous ? { ...previous, ...patch } : previous));
  };

  return { form, error, save, change, submit, reload };
}
