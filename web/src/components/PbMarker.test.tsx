import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHistory } from '../api/progress';
import { usePersonalBest } from '../hooks/usePersonalBest';
import { I18nProvider } from '../i18n/i18n';
import { playerSecret } from '../lib/playerSecret';
import { mockApi, problem } from '../test/api';
import { emptyHistory, history } from '../test/debriefs';
import { PbMarker } from './PbMarker';

afterEach(() => vi.unstubAllGlobals());

const pb = () => parseHistory(history()).personalBest;

describe('personal-best marker', () => {
  it('shows when the best got past each part of the waiting room, in time since the open', () => {
    render(
      <I18nProvider initial="ko">
        <PbMarker pb={pb()} current={0} />
      </I18nProvider>,
    );
    // entry 500 ms; admitted 500 + 1400
    expect(screen.getByTestId('pb-marker')).toHaveTextContent(
      'PB내 최고 기록이 이 단계를 지난 시각: 입장 +0.5초 · 대기 통과 +1.9초',
    );
  });

  it('moves on with the drill: the letter, the seat, the booking (in English too)', () => {
    const { rerender } = render(
      <I18nProvider initial="en">
        <PbMarker pb={pb()} current={1} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('pb-marker')).toHaveTextContent(/: letter \+3\.8 s$/);
    rerender(
      <I18nProvider initial="en">
        <PbMarker pb={pb()} current={2} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('pb-marker')).toHaveTextContent(/: seat \+5\.7 s$/);
  });

  it('is absent without a personal best', () => {
    render(
      <I18nProvider initial="ko">
        <PbMarker pb={null} current={0} />
      </I18nProvider>,
    );
    expect(screen.queryByTestId('pb-marker')).not.toBeInTheDocument();
  });

  it('reads the best from the history with the device secret as the drill starts, and again at the next start', async () => {
    const { calls } = mockApi([['GET', /^\/api\/v1\/players\/history\?nickname=kim$/, () => ({ body: history() })]]);
    const { result, rerender } = renderHook(({ run }) => usePersonalBest('kim', run), { initialProps: { run: 1 } });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.totalMs).toBe(6200));
    expect(calls[0]?.headers['X-Player-Secret']).toBe(playerSecret());
    rerender({ run: 2 });
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(result.current?.totalMs).toBe(6200);
  });

  it('is null when the player has no best or the history cannot be read', async () => {
    mockApi([
      ['GET', /nickname=new$/, () => ({ body: { ...emptyHistory(), nickname: 'new' } })],
      ['GET', /nickname=down$/, () => problem('service-unavailable', 503)],
    ]);
    const fresh = renderHook(() => usePersonalBest('new', 1));
    await waitFor(() => expect(fresh.result.current).toBeNull());
    const down = renderHook(() => usePersonalBest('down', 1));
    await waitFor(() => expect(down.result.current).toBeNull());
  });
});
