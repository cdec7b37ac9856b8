// Parts of the ops console's settings forms: a number field that passes on only what can be saved, the save button
// with its note, and what the form says when the settings changed elsewhere.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { localeOf } from '../lib/format';
import type { SaveState } from '../hooks/useSettingsForm';
import { Notice } from './Notice';

/**
 * A number input that passes on only what can be saved: a value in [min, max] (a whole one unless `step` is "any").
 * Anything else stays as typed, is marked invalid with the range beside it, and keeps the form from saving
 * (`onValidity`), rather than being clamped or dropped without a word.
 */
export function NumberField(props: {
  id: string;
  label: string;
  value: number;
  step: number | 'any';
  min: number;
  max: number;
  onChange(value: number): void;
  /** Whether what is typed can be saved, under this field's id. */
  onValidity(field: string, valid: boolean): void;
  /** The form's reads so far: a new read replaces what was typed, even with the same value. */
  generation: number;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const { id, min, max, step, onValidity } = props;
  const [text, setText] = useState(String(props.value));
  const [invalid, setInvalid] = useState(false);
  // a new value from outside (loaded, saved) replaces what was typed
  const [shown, setShown] = useState({ value: props.value, generation: props.generation });
  if (props.value !== shown.value || props.generation !== shown.generation) {
    setShown({ value: props.value, generation: props.generation });
    setText(String(props.value));
    setInvalid(false);
  }
  // a field that goes away leaves nothing to keep the form from saving
  useEffect(() => () => onValidity(id, true), [id, onValidity]);
  const whole = step !== 'any';
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode={whole ? 'numeric' : 'decimal'}
        value={text}
        step={step}
        min={min}
        max={max}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        data-testid={props.testId}
        onChange={(e) => {
          setText(e.target.value);
          const value = Number(e.target.value);
          const valid =
            e.target.value.trim() !== '' &&
            Number.isFinite(value) &&
            value >= min &&
            value <= max &&
            (!whole || Number.isInteger(value));
          setInvalid(!valid);
          onValidity(id, valid);
          if (valid) props.onChange(value);
        }}
      />
      {invalid && (
        <p id={errorId} className="field-error">
          {t(whole ? 'ops.outOfRangeWhole' : 'ops.outOfRange', {
            min: min.toLocaleString(localeOf(lang)),
            max: max.toLocaleString(localeOf(lang)),
          })}
        </p>
      )}
    </div>
  );
}

/**
 * A settings form's save button and a note (announced: it is a status) that says it was saved, or that it holds
 * changes not saved yet.
 */
export function SaveActions({ save, dirty, testId }: { save: SaveState; dirty: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary" data-testid={testId}>
        {save === 'saving' ? t('common.saving') : t('common.save')}
      </button>
      <span
        role="status"
        className={`saved-note ${save === 'invalid' ? 'is-invalid' : save !== 'saved' && dirty ? 'is-unsaved' : ''}`}
      >
        {save === 'saved'
          ? `✓ ${t('common.saved')}`
          : save === 'invalid'
            ? t('ops.notSavedInvalid')
            : dirty
              ? t('common.unsaved')
              : ''}
      </span>
    </div>
  );
}

/** Settings as one line, by their API names: "ratePerSecond 5 · openBatch 10 · maxActive 0 · paused true". */
export function settingsLine(settings: object): string {
  return Object.entries(settings)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(' · ');
}

/**
 * What a settings form says about the server's side: the settings changed elsewhere while it holds unsaved edits (the
 * edits stay; a button drops them for what is in force), or a save refused as they had changed (`conflict`, the
 * message the form gives it), the form showing them now.
 */
export function ChangedElsewhere({
  changedElsewhere,
  conflict,
  onShowInForce,
}: {
  changedElsewhere: object | undefined;
  conflict: string | undefined;
  onShowInForce(): void;
}) {
  const { t } = useI18n();
  return (
    <>
      {conflict && <Notice tone="warn" message={conflict} />}
      {changedElsewhere && (
        <Notice tone="warn" message={t('ops.changedElsewhere', { now: settingsLine(changedElsewhere) })}>
          <button type="button" className="btn btn-small btn-ghost" onClick={onShowInForce}>
            {t('ops.showInForce')}
          </button>
        </Notice>
      )}
    </>
  );
}
