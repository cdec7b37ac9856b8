import { render } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import type { CueTarget } from '../lib/announce';
import { flush } from '../test/timers';
import { AnnouncerProvider, useAnnouncer } from './useAnnouncer';
import { useRoundTimeCues } from './useRoundTimeCues';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** The round of 10:15:00 (one-minute rounds open for 15 s, as by default), by the clock's seconds past 10:14:00. */
const at = (seconds: number) => Date.UTC(2026, 10, 24, 10, 14) + seconds * 1000;

function Cues({ inQueue = true, ...target }: CueTarget & { inQueue?: boolean }) {
  useRoundTimeCues(target, inQueue);
  return null;
}

/** Quiets the announcer (as the letter's audio does) while `quiet`. */
function Quiet({ quiet }: { quiet: boolean }) {
  const { setQuiet } = useAnnouncer();
  useEffect(() => setQuiet(quiet), [quiet, setQuiet]);
  return null;
}

/** The hook on a drill step, in the app's live region; everything said, also what has left the region since. */
function renderCues(target: CueTarget & { inQueue?: boolean }, quiet?: () => boolean) {
  // watched from before the render: a cue due at once is said as the hook first runs
  const heard: string[] = [];
  new MutationObserver((records) =>
    records
      .filter((r) => (r.target as HTMLElement).dataset?.testid === 'announcer')
      .forEach((r) => r.addedNodes.forEach((node) => heard.push(node.textContent ?? ''))),
  ).observe(document.body, { childList: true, subtree: true });
  const tree = () => (
    <I18nProvider initial="ko">
      <AnnouncerProvider>
        <Quiet quiet={quiet?.() ?? false} />
        <Cues {...target} />
      </AnnouncerProvider>
    </I18nProvider>
  );
  const { rerender } = render(tree());
  return { heard, update: () => rerender(tree()) };
}

describe('the time left, told to screen readers', () => {
  it('in the waiting room before the open: 10 s before it, the open, then 10 s and 5 s before the close, each once', async () => {
    vi.setSystemTime(at(45));
    const { heard } = renderCues({});
    await flush(4_000); // 10:14:49
    expect(heard).toEqual([]);
    await flush(1_000);
    expect(heard).toEqual(['10초 후 오픈']);
    await flush(10_000); // 10:15:00
    expect(heard).toEqual(['10초 후 오픈', '오픈!']);
    await flush(5_000);
    expect(heard).toEqual(['10초 후 오픈', '오픈!', '마감까지 10초']);
    await flush(5_000);
    expect(heard).toEqual(['10초 후 오픈', '오픈!', '마감까지 10초', '마감까지 5초']);
    await flush(30_000); // the close, and the quiet half minute after it
    expect(heard).toHaveLength(4);
  });

  it('says nothing of the open to a player who arrives just after it', async () => {
    vi.setSystemTime(at(61));
    const { heard } = renderCues({});
    await flush(3_000);
    expect(heard).toEqual([]);
  });

  it('on a step that shows up late in the round: the cue due, with its true seconds, then the next', async () => {
    vi.setSystemTime(at(67.5));
    const { heard } = renderCues({ roundId: '20261124T101500Z' });
    await flush(250);
    expect(heard).toEqual(['마감까지 8초']);
    await flush(2_500); // 10:15:10.25
    expect(heard).toEqual(['마감까지 8초', '마감까지 5초']);
  });

  it('says no "open!" on the letter or the seats: a player admitted at once has just heard the admission', async () => {
    vi.setSystemTime(at(52));
    const { heard } = renderCues({ roundId: '20261124T101500Z', inQueue: false });
    await flush(10_000); // 10:15:02
    expect(heard).toEqual(['8초 후 오픈']);
    await flush(3_000); // 10:15:05
    expect(heard).toEqual(['8초 후 오픈', '마감까지 10초']);
  });

  it('holds a cue due while the letter is read aloud, and says the time left as it is once the audio ends', async () => {
    vi.setSystemTime(at(63));
    let quiet = true;
    const { heard, update } = renderCues({ roundId: '20261124T101500Z', inQueue: false }, () => quiet);
    await flush(4_000); // 10:15:07: the 10 s cue came due at :05, over the audio
    expect(heard).toEqual([]);
    quiet = false;
    update();
    await flush(250);
    expect(heard).toEqual(['마감까지 8초']);
    await flush(3_000);
    expect(heard).toEqual(['마감까지 8초', '마감까지 5초']);
  });
});
