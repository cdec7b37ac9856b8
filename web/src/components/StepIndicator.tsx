import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const STEPS: MessageKey[] = ['home.step1', 'home.step2', 'home.step3', 'home.step4'];

/** The four steps of the drill; `current` is 0-based. */
export function StepIndicator({ current }: { current: number }) {
  const { t } = useI18n();
  return (
    <ol className="steps" aria-label={t('steps.label')}>
      {STEPS.map((key, index) => (
        <li
          key={key}
          className={index < current ? 'done' : index === current ? 'current' : undefined}
          aria-current={index === current ? 'step' : undefined}
        >
          <span className="step-dot" aria-hidden="true">
            {index < current ? '✓' : index + 1}
          </span>
          {/* the ✓ is hidden from screen readers: a finished step says so in words; a phone names the current step only */}
          <span className={index === current ? undefined : 'sr-only-phone'}>
            {t(key)}
            {index < current && <span className="sr-only"> ({t('steps.done')})</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
