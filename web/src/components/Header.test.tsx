import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { Header } from './Header';

const renderPage = () =>
  render(
    <I18nProvider initial="ko">
      <Header route="history" />
      <main id="main" tabIndex={-1}>
        <h1>내 기록</h1>
      </main>
    </I18nProvider>,
  );

describe('header', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('skips to the main content without leaving the page the hash names', () => {
    window.location.hash = '#/history';
    renderPage();
    const skip = screen.getByRole('link', { name: '본문으로 건너뛰기' });
    // a plain "#main" would become the hash and route to the drill
    expect(fireEvent.click(skip)).toBe(false);
    expect(screen.getByRole('main')).toHaveFocus();
    expect(window.location.hash).toBe('#/history');
  });

  it('names its navigation in the language shown', () => {
    renderPage();
    expect(screen.getByRole('navigation', { name: '주요 메뉴' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(screen.getByRole('navigation', { name: 'Main menu' })).toBeInTheDocument();
  });

  it('names the current page and the language switch', () => {
    renderPage();
    expect(screen.getByRole('link', { name: '내 기록' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Switch to English' })).toBeInTheDocument();
  });
});
