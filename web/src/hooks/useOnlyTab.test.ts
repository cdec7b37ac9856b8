import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBroadcastChannel } from '../test/broadcastChannel';
import { TABS_CHANNEL, useOnlyTab } from './useOnlyTab';

/** A clock a millisecond further at every reading: tabs started one after the other claim at different times. */
let now: number;
beforeEach(() => {
  FakeBroadcastChannel.reset();
  vi.stubGlobal('BroadcastChannel', FakeBroadcastChannel);
  now = 1_780_000_000_000;
  vi.spyOn(Date, 'now').mockImplementation(() => ++now);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const claim = (key: string, at: number, tab = 'x') => ({ type: 'claim', key, tab, at });

describe('useOnlyTab', () => {
  it('stops the older tab when a newer one starts the same drill, and hands it back on takeBack', () => {
    const first = renderHook(() => useOnlyTab('티켓왕'));
    expect(first.result.current.elsewhere).toBe(false);
    const second = renderHook(() => useOnlyTab('티켓왕'));
    expect(first.result.current.elsewhere).toBe(true);
    expect(second.result.current.elsewhere).toBe(false);

    act(() => first.result.current.takeBack());
    expect(first.result.current.elsewhere).toBe(false);
    expect(second.result.current.elsewhere).toBe(true);
  });

  it('leaves a tab on another nickname, or on no drill, alone', () => {
    const other = renderHook(() => useOnlyTab('someone'));
    const home = renderHook(() => useOnlyTab(undefined));
    renderHook(() => useOnlyTab('티켓왕'));
    act(() => FakeBroadcastChannel.post(TABS_CHANNEL, claim('someone', now + 1)));
    expect(other.result.current.elsewhere).toBe(true);
    expect(home.result.current.elsewhere).toBe(false);
    // a stranger's message on the channel changes nothing
    const mine = renderHook(() => useOnlyTab('mine'));
    act(() => FakeBroadcastChannel.post(TABS_CHANNEL, { type: 'hello', key: 'mine' }));
    expect(mine.result.current.elsewhere).toBe(false);
  });

  it('is over once the tab moves to another drill, and closes its channel when it goes', () => {
    const { result, rerender, unmount } = renderHook(({ key }) => useOnlyTab(key), {
      initialProps: { key: 'a_player' as string | undefined },
    });
    act(() => FakeBroadcastChannel.post(TABS_CHANNEL, claim('a_player', now + 1)));
    expect(result.current.elsewhere).toBe(true);
    rerender({ key: 'b_player' });
    expect(result.current.elsewhere).toBe(false);
    expect(FakeBroadcastChannel.openCount(TABS_CHANNEL)).toBe(1);
    unmount();
    expect(FakeBroadcastChannel.openCount(TABS_CHANNEL)).toBe(0);
  });

  it('drives the drill again when the player leaves it and starts it again in the tab that had lost it', () => {
    const first = renderHook(({ key }) => useOnlyTab(key), { initialProps: { key: '티켓왕' as string | undefined } });
    const second = renderHook(() => useOnlyTab('티켓왕'));
    expect(first.result.current.elsewhere).toBe(true);

    first.rerender({ key: undefined }); // the way home
    first.rerender({ key: '티켓왕' }); // and the same nickname again

    expect(first.result.current.elsewhere).toBe(false);
    expect(second.result.current.elsewhere).toBe(true);
  });

  it('lets the later of two claims that cross on the channel go on, and stops the other', () => {
    const first = renderHook(() => useOnlyTab('티켓왕'));
    const second = renderHook(() => useOnlyTab('티켓왕'));
    act(() => {
      FakeBroadcastChannel.hold();
      first.result.current.takeBack();
      second.result.current.takeBack(); // a millisecond later
      FakeBroadcastChannel.release();
    });
    expect(first.result.current.elsewhere).toBe(true);
    expect(second.result.current.elsewhere).toBe(false);
  });

  it('lets exactly one of two claims made in the same millisecond go on', () => {
    const first = renderHook(() => useOnlyTab('티켓왕'));
    const second = renderHook(() => useOnlyTab('티켓왕'));
    vi.mocked(Date.now).mockReturnValue(now + 1);
    act(() => {
      FakeBroadcastChannel.hold();
      first.result.current.takeBack();
      second.result.current.takeBack();
      FakeBroadcastChannel.release();
    });
    expect([first.result.current.elsewhere, second.result.current.elsewhere].filter(Boolean)).toHaveLength(1);
  });

  it('leaves a tab alone that hears an older claim than its own', () => {
    const { result } = renderHook(() => useOnlyTab('티켓왕'));
    act(() => FakeBroadcastChannel.post(TABS_CHANNEL, claim('티켓왕', now - 10)));
    expect(result.current.elsewhere).toBe(false);
    act(() => FakeBroadcastChannel.post(TABS_CHANNEL, claim('티켓왕', now + 10)));
    expect(result.current.elsewhere).toBe(true);
  });

  it('lets exactly one tab go on when the newer one claims with a clock set back', () => {
    const first = renderHook(() => useOnlyTab('티켓왕'));
    now -= 60_000; // the second tab's clock reads a minute earlier
    const second = renderHook(() => useOnlyTab('티켓왕'));
    // the first tab hears an earlier claim than its own and says its own again: the second one stops
    expect(first.result.current.elsewhere).toBe(false);
    expect(second.result.current.elsewhere).toBe(true);
  });

  it('stops for a claim without a time, from a tab of the app before claims had times', () => {
    const { result } = renderHook(() => useOnlyTab('티켓왕'));
    act(() => FakeBroadcastChannel.post(TABS_CHANNEL, { type: 'claim', key: '티켓왕', tab: 'old' }));
    expect(result.current.elsewhere).toBe(true);
  });

  it('goes on as before where there is no BroadcastChannel', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const first = renderHook(() => useOnlyTab('티켓왕'));
    renderHook(() => useOnlyTab('티켓왕'));
    expect(first.result.current.elsewhere).toBe(false);
    act(() => first.result.current.takeBack());
    expect(first.result.current.elsewhere).toBe(false);
  });
});
