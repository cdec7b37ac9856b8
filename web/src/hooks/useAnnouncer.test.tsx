import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Header } from '../components/Header';
import { I18nProvider } from '../i18n/i18n';
import { ANNOUNCEMENT_KEPT_MS, AnnouncerProvider, useAnnouncer, type Announcer } from './useAnnouncer';

afterEach(() => vi.useRealTimers());

/** The app's region with a screen in it that can go away, and the announcer the screen was given. */
function renderApp() {
  const got: { announcer?: Announcer; leave?: () => void } = {};
  function Screen() {
    got.announcer = useAnnouncer();
    return <p>screen</p>;
  }
  function Screens() {
    const [shown, setShown] = useState(true);
    got.leave = () => setShown(false);
    return shown ? <Screen /> : null;
  }
  render(
    <I18nProvider initial="ko">
      <AnnouncerProvider>
        <Header route="play" />
        <Screens />
      </AnnouncerProvider>
    </I18nProvider>,
  );
  return got as Required<typeof got>;
}

const region = () => screen.getByTestId('announcer');
const said = () => [...region().children].map((node) => node.textContent);

describe('the app-level announcer', () => {
  it('is one polite live region, there before anything is said, that outlives the screen that spoke', () => {
    const { announcer, leave } = renderApp();
    expect(region()).toHaveAttribute('aria-live', 'polite');
    expect(region()).toBeEmptyDOMElement();
    act(() => {
      announcer.announce({ key: 'wait.admitted' });
      leave(); // the waiting room gives way in the same moment
    });
    expect(screen.queryByText('screen')).not.toBeInTheDocument();
    expect(said()).toEqual(['입장 완료 — 보안문자를 입력하세요']);
  });

  it('says the same text twice in a row as two announcements (a new node each)', () => {
    const { announcer } = renderApp();
    act(() => announcer.announce({ key: 'seats.soldSeat' }));
    const first = region().lastElementChild;
    act(() => announcer.announce({ key: 'seats.soldSeat' }));
    expect(said()).toEqual(['판매 완료된 좌석입니다', '판매 완료된 좌석입니다']);
    expect(region().lastElementChild).not.toBe(first);
  });

  it('translates what it says in the language shown, and clears it a few seconds later', () => {
    vi.useFakeTimers();
    const { announcer } = renderApp();
    act(() => announcer.announce({ key: 'common.closesIn', params: { s: 10 } }));
    expect(said()).toEqual(['마감까지 10초']);
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(said()).toEqual(['Closes in 10s']);
    act(() => void vi.advanceTimersByTime(ANNOUNCEMENT_KEPT_MS));
    expect(region()).toBeEmptyDOMElement();
  });

  it('drops what is said while quiet (the letter read out), and speaks again after', () => {
    const { announcer } = renderApp();
    act(() => {
      announcer.setQuiet(true);
      announcer.announce({ key: 'common.closesIn', params: { s: 5 } });
    });
    expect(region()).toBeEmptyDOMElement();
    act(() => {
      announcer.setQuiet(false);
      announcer.announce({ key: 'common.closesIn', params: { s: 4 } });
    });
    expect(said()).toEqual(['마감까지 4초']);
  });
});
