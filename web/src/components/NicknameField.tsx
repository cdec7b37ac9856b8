import { useId } from 'react';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { useI18n } from '../i18n/i18n';
import { isValidNickname, normalizeNickname } from '../lib/nickname';
import { problemKey } from '../lib/problems';
import type { NicknameRefusal } from '../lib/session';

/**
 * How far the player went with the nickname: `left` the field (Tab past it, on to the button), or `submitted` it (the
 * entry refused for it).
 */
export type NicknameTouched = 'left' | 'submitted' | undefined;

/**
 * The home screen's nickname: its rule as a hint, and what is wrong with it — the rule broken (once the field was
 * left), or the server's refusal of the entry (taken this round, or not allowed), said while the field still holds the
 * refused nickname. A refusal brings the player back here with the focus in the field, to type another at once.
 * Leaving the field shows the broken rule without interrupting (a polite live region: the player is only moving on);
 * an entry refused for it, by this screen or by the server, is an alert.
 */
export function NicknameField({
  value,
  onChange,
  touched,
  onBlur,
  refused,
}: {
  value: string;
  onChange(value: string): void;
  touched: NicknameTouched;
  onBlur(): void;
  refused: NicknameRefusal | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const field = useFocusOnMount<HTMLInputElement>();
  const invalid = touched !== undefined && !isValidNickname(value);
  const serverRefused = !invalid && refused !== undefined && normalizeNickname(value) === refused.nickname;
  const error = invalid ? t('home.nicknameInvalid') : serverRefused ? t(problemKey(refused.slug)) : undefined;
  const interrupts = serverRefused || (invalid && touched === 'submitted');
  return (
    <>
      <label htmlFor={id}>{t('home.nickname')}</label>
      <input
        id={id}
        ref={refused ? field : undefined}
        name="nickname"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        autoComplete="nickname"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={40}
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? `${errorId} ${hintId}` : hintId}
        placeholder={t('home.nicknamePlaceholder')}
      />
      <p id={hintId} className="field-hint">
        {t('home.nicknameHint')}
      </p>
      {/* kept in place, so that a message put in it is read (a live region that comes with its text is not) */}
      <div aria-live="polite">
        {error !== undefined && !interrupts && (
          <p id={errorId} className="field-error" data-testid="nickname-error">
            {error}
          </p>
        )}
      </div>
      {error !== undefined && interrupts && (
        <p id={errorId} className="field-error" role="alert" data-testid="nickname-error">
          {error}
        </p>
      )}
    </>
  );
}
