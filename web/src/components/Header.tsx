import type { MouseEvent } from 'react';
import type { Route } from '../lib/route';
import { useI18n } from '../i18n/i18n';

export function Header({ route }: { route: Route }) {
  const { t, toggle } = useI18n();
  return (
    <header className="header">
      {/* the pages live in the hash (#/history), so following "#main" would leave the page: focus <main> instead */}
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skip')}
      </a>
      <a className="brand" href="#/" aria-label={t('app.name')}>
        <img className="brand-mark" src="/favicon.svg" alt="" width={28} height={28} />
        <span className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </span>
      </a>
      <nav className="nav" aria-label={t('nav.label')}>
        <a href="#/" aria-current={route === 'play' ? 'page' : undefined}>
          {t('nav.play')}
        </a>
        <a href="#/history" aria-current={route === 'history' ? 'page' : undefined}>
          {t('nav.history')}
        </a>
        <a href="#/ops" aria-current={route === 'ops' ? 'page' : undefined}>
          {t('nav.ops')}
        </a>
        <button type="button" className="lang-toggle" onClick={toggle} aria-label={t('lang.toggleLabel')}>
          {t('lang.toggle')}
        </button>
      </nav>
    </header>
  );
}

/** Moves the focus to the page's <main> (focusable with tabIndex=-1) without touching the hash route. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView?.({ block: 'start' });
}
