import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { StepIndicator } from './StepIndicator';

describe('step indicator', () => {
  it('names every step in words, a finished one as done (its ✓ is hidden from screen readers)', () => {
    render(
      <I18nProvider initial="en">
        <StepIndicator current={2} />
      </I18nProvider>,
    );
    const steps = screen.getAllByRole('listitem');
    expect(steps.map((step) => step.textContent?.replace('✓', '').trim())).toEqual([
      'Queue (done)',
      'Security letter (done)',
      '3Pick a seat',
      '4Confirm',
    ]);
    expect(steps[2]).toHaveAttribute('aria-current', 'step');
  });

  it('names only the current step on a phone, the others visually hidden but still read out', () => {
    render(
      <I18nProvider initial="en">
        <StepIndicator current={1} />
      </I18nProvider>,
    );
    const labels = screen.getAllByRole('listitem').map((step) => step.querySelector(':scope > span:last-child')!);
    expect(labels.map((label) => label.classList.contains('sr-only-phone'))).toEqual([true, false, true, true]);
    expect(labels.map((label) => label.textContent)).toEqual([
      'Queue (done)',
      'Security letter',
      'Pick a seat',
      'Confirm',
    ]);
  });
});
