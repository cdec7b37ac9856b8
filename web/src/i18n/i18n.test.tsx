import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Header } from '../components/Header';
import { format, I18nProvider, LANG_KEY, useI18n } from './i18n';
import { en, ko } from './messages';

function Title() {
  const { t } = useI18n();
  return <h1>{t('home.enter')}</h1>;
}

describe('i18n', () => {
  it('is Korean first and switches to English with the toggle, remembering the choice', () => {
    const { unmount } = render(
      <I18nProvider>
        <Header route="play" />
        <Title />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('대기열 입장');
    expect(document.documentElement.lang).toBe('ko');

    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(screen.getByRole('heading')).toHaveTextContent('Join the queue');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_KEY)).toBe('en');
    unmount();

    // a new visit starts in the remembered language
    render(
      <I18nProvider>
        <Header route="play" />
        <Title />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('Join the queue');
    fireEvent.click(screen.getByRole('button', { name: '한국어로 보기' }));
    expect(screen.getByRole('heading')).toHaveTextContent('대기열 입장');
    expect(localStorage.getItem(LANG_KEY)).toBe('ko');
  });

  it('fills placeholders', () => {
    expect(format('마감까지 {s}초', { s: 7 })).toBe('마감까지 7초');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('has the same keys and placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const key of Object.keys(ko) as (keyof typeof ko)[]) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en[key]), key).toEqual(names(ko[key]));
    }
  });
});
