import { act, renderHook, waitFor } from '@testing-library/react';
import type { FormEvent } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../api/http';
import { getAdmissionSettings, putAdmissionSettings, settingsChanged } from '../api/ops';
import type { AdmissionSettings } from '../api/types';
import { mockApi, problem } from '../test/api';
import { flush } from '../test/timers';
import { SETTINGS_REFRESH_MS, useSettingsForm, type SettingsFormOptions } from './useSettingsForm';

afterEach(() => vi.unstubAllGlobals());

const settings: AdmissionSettings = { ratePerSecond: 2.5, openBatch: 10, maxActive: 0, paused: false };
const ADMISSION = /^\/api\/v1\/admin\/admission$/;

const useAdmissionForm = (token: string, handlers: Partial<SettingsFormOptions<AdmissionSettings>> = {}) =>
  useSettingsForm<AdmissionSettings>(token, {
    read: getAdmissionSettings,
    write: (opsToken, edit) => putAdmissionSettings(opsToken, edit.form, edit.version),
    conflict: settingsChanged,
    ...handlers,
  });

describe('useSettingsForm', () => {
  it('reads the settings with the token, edits them, and saves them as a whole', async () => {
    const { calls } = mockApi([
      ['GET', ADMISSION, () => ({ body: settings })],
      // the server's answer is what the form shows next (here it clamps the rate)
      ['PUT', ADMISSION, (call) => ({ body: { ...(call.body as AdmissionSettings), ratePerSecond: 100 } })],
    ]);
    const { result } = renderHook(() => useAdmissionForm('ops-secret'));
    expect(result.current.form).toBeUndefined();
    await waitFor(() => expect(result.current.form).toEqual(settings));
    expect(calls[0]?.headers.Authorization).toBe('Bearer ops-secret');

    act(() => result.current.change({ ratePerSecond: 500, paused: true }));
    expect(result.current.form).toEqual({ ...settings, ratePerSecond: 500, paused: true });
    let saved!: Promise<void>;
    act(() => {
      saved = result.current.submit();
    });
    expect(result.current.save).toBe('saving');
    await act(() => saved);
    expect(result.current.save).toBe('saved');
    expect(calls[1]).toMatchObject({ method: 'PUT', body: { ...settings, ratePerSecond: 500, paused: true } });
    expect(result.current.form).toEqual({ ...settings, ratePerSecond: 100, paused: true });

    act(() => result.current.change({ openBatch: 20 }));
    expect(result.current.save).toBe('idle'); // "saved" no longer says what the form holds
  });

  it('stops a form submission from leaving the page, and saves nothing before the read answers', async () => {
    const { calls } = mockApi([['GET', ADMISSION, () => new Promise(() => undefined)]]);
    const { result } = renderHook(() => useAdmissionForm('ops-secret'));
    const preventDefault = vi.fn();
    await act(() => result.current.submit({ preventDefault } as unknown as FormEvent));
    expect(preventDefault).toHaveBeenCalled();
    expect(result.current.save).toBe('idle');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('shows a failed read unless the handler deals with it, and reads again on reload', async () => {
    let answer: ReturnType<typeof problem> | { body: AdmissionSettings } = problem('service-unavailable', 503);
    const { calls } = mockApi([['GET', ADMISSION, () => answer]]);
    const { result } = renderHook(() => useAdmissionForm('ops-secret'));
    await waitFor(() => expect(result.current.error?.status).toBe(503));

    answer = { body: settings };
    act(() => result.current.reload());
    expect(result.current.error).toBeUndefined();
    await waitFor(() => expect(result.current.form).toEqual(settings));
    expect(calls).toHaveLength(2);

    mockApi([['GET', ADMISSION, () => problem('unauthorized', 401)]]);
    const onReadError = vi.fn((error: ApiError) => error.status === 401);
    const refused = renderHook(() => useAdmissionForm('stale', { onReadError }));
    await waitFor(() => expect(onReadError).toHaveBeenCalledWith(expect.objectContaining({ slug: 'unauthorized' })));
    expect(refused.result.current.error).toBeUndefined();
    expect(refused.result.current.form).toBeUndefined();
  });

  it('goes back to idle after a failed save, showing the problem unless the handler deals with it', async () => {
    let status = 503;
    mockApi([
      ['GET', ADMISSION, () => ({ body: settings })],
      ['PUT', ADMISSION, () => problem(status === 401 ? 'unauthorized' : 'service-unavailable', status)],
    ]);
    const onSaveError = vi.fn((error: ApiError) => error.status === 401);
    const { result } = renderHook(() => useAdmissionForm('ops-secret', { onSaveError }));
    await waitFor(() => expect(result.current.form).toEqual(settings));

    await act(() => result.current.submit());
    expect(result.current.save).toBe('idle');
    expect(result.current.error?.status).toBe(503);
    expect(result.current.form).toEqual(settings); // the edits stay for another try

    status = 401;
    await act(() => result.current.submit());
    expect(onSaveError).toHaveBeenLastCalledWith(expect.objectContaining({ status: 401 }));
    expect(result.current.save).toBe('idle');
    expect(result.current.error).toBeUndefined(); // cleared as the save started, and the 401 was dealt with
  });

  it('retries a failed save with the same edits, a failed read by reading, and says while edits are unsaved', async () => {
    let putStatus = 503;
    let getStatus = 200;
    const { calls } = mockApi([
      ['GET', ADMISSION, () => (getStatus === 200 ? { body: settings } : problem('service-unavailable', getStatus))],
      [
        'PUT',
        ADMISSION,
        (call) => (putStatus === 200 ? { body: call.body } : problem('service-unavailable', putStatus)),
      ],
    ]);
    const { result } = renderHook(() => useAdmissionForm('ops-secret'));
    await waitFor(() => expect(result.current.form).toEqual(settings));
    expect(result.current.dirty).toBe(false);

    act(() => result.current.change({ ratePerSecond: 0.25 }));
    expect(result.current.dirty).toBe(true);
    await act(() => result.current.submit());
    expect(result.current.failedAt).toBe('save');
    expect(result.current.dirty).toBe(true);

    putStatus = 200;
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.save).toBe('saved'));
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PUT', 'PUT']);
    expect(calls[2]?.body).toEqual({ ...settings, ratePerSecond: 0.25 });
    expect(result.current.form).toEqual({ ...settings, ratePerSecond: 0.25 });
    expect(result.current.dirty).toBe(false);
    expect(result.current.error).toBeUndefined();

    getStatus = 503;
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.failedAt).toBe('read'));
    getStatus = 200;
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.error).toBeUndefined());
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PUT', 'PUT', 'GET', 'GET']);
  });

  it('reads once per token, however often the panel renders with new handlers', async () => {
    const { calls } = mockApi([['GET', ADMISSION, () => ({ body: settings })]]);
    const { result, rerender } = renderHook(
      ({ token }) => useAdmissionForm(token, { onReadError: () => false, onSaveError: () => false }),
      { initialProps: { token: 'one' } },
    );
    await waitFor(() => expect(result.current.form).toEqual(settings));
    rerender({ token: 'one' });
    rerender({ token: 'one' });
    expect(calls).toHaveLength(1);

    rerender({ token: 'two' });
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.headers.Authorization).toBe('Bearer two');
  });

  it('saves on condition of the version it read (If-Match), and takes the new version from the answer', async () => {
    const { calls } = mockApi([
      ['GET', ADMISSION, () => ({ body: settings, headers: { ETag: '"v1"' } })],
      ['PUT', ADMISSION, (call) => ({ body: call.body, headers: { ETag: '"v2"' } })],
    ]);
    const { result } = renderHook(() => useAdmissionForm('ops-secret'));
    await waitFor(() => expect(result.current.form).toEqual(settings));
    act(() => result.current.change({ openBatch: 20 }));
    await act(() => result.current.submit());
    expect(calls[1]).toMatchObject({ method: 'PUT', headers: { 'If-Match': '"v1"' } });
    act(() => result.current.change({ openBatch: 30 }));
    await act(() => result.current.submit());
    expect(calls[2]?.headers['If-Match']).toBe('"v2"');
  });

  it('sends no If-Match when the read carried no ETag (an older admission): the save is unconditional', async () => {
    const { calls } = mockApi([
      ['GET', ADMISSION, () => ({ body: settings })],
      ['PUT', ADMISSION, (call) => ({ body: call.body })],
    ]);
    const { result } = renderHook(() => useAdmissionForm('ops-secret'));
    await waitFor(() => expect(result.current.form).toEqual(settings));
    await act(() => result.current.submit());
    expect(calls[1]?.method).toBe('PUT');
    expect(calls[1]?.headers).not.toHaveProperty('If-Match');
  });

  it('on 412 settings-changed shows the settings in force, drops the edits, and bases the next save on them', async () => {
    const theirs = { ...settings, paused: true };
    let puts = 0;
    const { calls } = mockApi([
      ['GET', ADMISSION, () => ({ body: settings, headers: { ETag: '"v1"' } })],
      [
        'PUT',
        ADMISSION,
        (call) =>
          ++puts === 1
            ? {
                ...problem('settings-changed', 412, { current: theirs }),
                headers: { 'Content-Type': 'application/problem+json', ETag: '"v2"' },
              }
            : { body: call.body, headers: { 'Content-Type': 'application/json', ETag: '"v3"' } },
      ],
    ]);
    const { result } = renderHook(() => useAdmissionForm('ops-secret'));
    await waitFor(() => expect(result.current.form).toEqual(settings));
    act(() => result.current.change({ openBatch: 20 }));
    await act(() => result.current.submit());

    expect(result.current.conflicted).toBe(true);
    expect(result.current.form).toEqual(theirs); // their pause is not undone
    expect(result.current.inForce).toEqual(theirs);
    expect(result.current.dirty).toBe(false);
    expect(result.current.error).toBeUndefined();
    expect(result.current.save).toBe('idle');

    act(() => result.current.change({ openBatch: 20 }));
    await act(() => result.current.submit());
    expect(calls[2]).toMatchObject({ headers: { 'If-Match': '"v2"' }, body: { ...theirs, openBatch: 20 } });
    expect(result.current.conflicted).toBe(false);
    expect(result.current.save).toBe('saved');
  });

  it('on a 412 without an ETag reads the settings again, so the next save is still conditional', async () => {
    const theirs = { ...settings, paused: true };
    let gets = 0;
    let answerGet: () => void = () => undefined;
    const { calls } = mockApi([
      [
        'GET',
        ADMISSION,
        async () => {
          gets += 1;
          // the re-read after the 412 answers only when the test says, so what it does is seen apart from the 412's
          if (gets > 1) await new Promise<void>((resolve) => (answerGet = resolve));
          return { body: gets === 1 ? settings : theirs, headers: { ETag: `"v${gets}"` } };
        },
      ],
      [
        'PUT',
        ADMISSION,
        (call) =>
          calls.filter((c) => c.method === 'PUT').length === 1
            ? problem('settings-changed', 412, { current: theirs }) // a proxy stripped its ETag
            : { body: call.body, headers: { ETag: '"v3"' } },
      ],
    ]);
    const { result } = renderHook(() => useAdmissionForm('ops-secret'));
    await waitFor(() => expect(result.current.form).toEqual(settings));
    act(() => result.current.change({ openBatch: 20 }));
    await act(() => result.current.submit());
    expect(result.current.conflicted).toBe(true);
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[2]?.method).toBe('GET');

    // an edit typed while the re-read is under way stays when it lands
    act(() => result.current.change({ openBatch: 20 }));
    await act(async () => {
      answerGet();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(result.current.form).toEqual({ ...theirs, openBatch: 20 });
    await act(() => result.current.submit());
    expect(calls[3]).toMatchObject({
      method: 'PUT',
      headers: { 'If-Match': '"v2"' },
      body: { ...theirs, openBatch: 20 },
    });
  });

  describe('reading again', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('every 5 s while the form is clean, showing the settings in force', async () => {
      let server = settings;
      const { calls } = mockApi([['GET', ADMISSION, () => ({ body: server })]]);
      const { result } = renderHook(() => useAdmissionForm('ops-secret'));
      await flush();
      expect(result.current.form).toEqual(settings);
      const generation = result.current.generation;

      server = { ...settings, paused: true }; // paused through the API, or in another browser
      await flush(4900);
      expect(calls).toHaveLength(1);
      await flush(SETTINGS_REFRESH_MS - 4900);
      expect(calls).toHaveLength(2);
      expect(result.current.form).toEqual(server);
      expect(result.current.inForce).toEqual(server);
      expect(result.current.generation).toBe(generation + 1);
      expect(result.current.changedElsewhere).toBeUndefined();

      await flush(SETTINGS_REFRESH_MS); // the same again: the form is not replaced (what is typed would go)
      expect(calls).toHaveLength(3);
      expect(result.current.generation).toBe(generation + 1);
    });

    it('stops after a refused token until reload, and waits out a lockout (the services share one sign-in budget)', async () => {
      let reply: { status?: number; body: unknown; headers?: Record<string, string> } = { body: settings };
      const locked = problem('rate-limited', 429);
      const { calls } = mockApi([['GET', ADMISSION, () => reply]]);
      const { result } = renderHook(() => useAdmissionForm('ops-secret', { onReadError: () => true }));
      await flush();

      reply = { ...locked, headers: { ...locked.headers, 'Retry-After': '30' } };
      await flush(SETTINGS_REFRESH_MS);
      expect(calls).toHaveLength(2);
      await flush(SETTINGS_REFRESH_MS * 5); // 25 s of the 30 s lockout: no read
      expect(calls).toHaveLength(2);
      reply = { body: settings };
      await flush(SETTINGS_REFRESH_MS); // the lockout is over
      expect(calls).toHaveLength(3);

      reply = problem('unauthorized', 401);
      await flush(SETTINGS_REFRESH_MS);
      const refused = calls.length;
      await flush(SETTINGS_REFRESH_MS * 10);
      expect(calls).toHaveLength(refused); // each would spend a failed sign-in

      reply = { body: settings };
      act(() => result.current.reload());
      await flush(SETTINGS_REFRESH_MS);
      expect(calls.length).toBeGreaterThan(refused + 1); // the reload's read, and the re-reads again
    });

    it('when the window regains the focus', async () => {
      const { calls } = mockApi([['GET', ADMISSION, () => ({ body: settings })]]);
      renderHook(() => useAdmissionForm('ops-secret'));
      await flush();
      expect(calls).toHaveLength(1);
      act(() => void window.dispatchEvent(new Event('focus')));
      await flush();
      expect(calls).toHaveLength(2);
    });

    it('keeps unsaved edits over a newer read, and says what is in force now', async () => {
      let server = settings;
      mockApi([['GET', ADMISSION, () => ({ body: server })]]);
      const { result } = renderHook(() => useAdmissionForm('ops-secret'));
      await flush();
      act(() => result.current.change({ openBatch: 20 }));

      server = { ...settings, paused: true };
      await flush(SETTINGS_REFRESH_MS);
      expect(result.current.form).toEqual({ ...settings, openBatch: 20 });
      expect(result.current.dirty).toBe(true);
      expect(result.current.changedElsewhere).toEqual(server);
      expect(result.current.inForce).toEqual(server);

      act(() => result.current.reload()); // "show the settings in force"
      await flush();
      expect(result.current.form).toEqual(server);
      expect(result.current.changedElsewhere).toBeUndefined();
    });

    it('drops a read that answers after a save: it is older than what the save put in the form', async () => {
      let answerRead: ((reply: { body: AdmissionSettings }) => void) | undefined;
      let reads = 0;
      mockApi([
        [
          'GET',
          ADMISSION,
          () => (++reads === 1 ? { body: settings } : new Promise((resolve) => (answerRead = resolve))),
        ],
        ['PUT', ADMISSION, (call) => ({ body: call.body })],
      ]);
      const { result } = renderHook(() => useAdmissionForm('ops-secret'));
      await flush();
      await flush(SETTINGS_REFRESH_MS); // a read on its way…
      act(() => result.current.change({ openBatch: 20 }));
      await act(() => result.current.submit()); // …and a save answered before it
      answerRead?.({ body: settings });
      await flush();
      expect(result.current.form).toEqual({ ...settings, openBatch: 20 });
    });
  });
});
