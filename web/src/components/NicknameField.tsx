import { useId } from 'react';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { useI18n } from '../i18n/i18n';
import { isValidNickname, normalizeNickname } from '../lib/nickname';
import { problemKey } from '../lib/problems';
import type { NicknameRefusal } from '../lib/session';

/**
 * The home screen's nickname: its rule as a hint, and what is wrong with it — the rule broken (once the field was
 * left), or the server's refusal of the entry (taken this round, or not allowed), said while the field still holds the
 * refused nickname. A refusal brings the player back here with the focus in the field, to type another at once.
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
  touched: boolean;
  onBlur(): void;
  refused: NicknameRefusal | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const field = useFocusOnMount<HTMLInputElement>();
  const error =
    touched && !isValidNickname(value)
      ? t('home.nicknameInvalid')
      : refused && normalizeNickname(value) === refused.nickname
        ? t(problemKey(refused.slug))
        : undefined;
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
      {error !== undefined && (
        <p id={errorId} className="field-error" role="alert" data-testid="nickname-error">
          {error}
        </p>
      )}
    </>
  );
}
