// Ops APIs behind the ops bearer token: admission settings and stats (admission, SPEC §4), the bots (SPEC §6) and the
// confirmations on their way to MySQL with their dead-letter queue (booking, docs/runbooks/dlq-redrive.md).
import { request, requestWithEtag, type ApiError } from './http';
import type { AdminStats, AdmissionSettings, BotSettings, ConfirmationBacklog, Redriven, Versioned } from './types';

const ADMISSION = '/api/v1/admin/admission';

/** The settings in force and their ETag, which a save sends back as If-Match. */
export const getAdmissionSettings = async (opsToken: string): Promise<Versioned<AdmissionSettings>> => {
  const { body, etag } = await requestWithEtag<AdmissionSettings>(ADMISSION, { token: opsToken });
  return { settings: body, version: etag };
};

/**
 * A full replacement: every field is required by the server. With `version` (the ETag the edits were based on) it is
 * conditional (If-Match): settings changed since are not overwritten but refused with 412 `settings-changed`
 * (`settingsChanged` reads the settings now in force from it). Without, it replaces whatever is there.
 */
export const putAdmissionSettings = async (
  opsToken: string,
  settings: AdmissionSettings,
  version?: string,
): Promise<Versioned<AdmissionSettings>> => {
  const { body, etag } = await requestWithEtag<AdmissionSettings>(ADMISSION, {
    method: 'PUT',
    token: opsToken,
    headers: version ? { 'If-Match': version } : {},
    body: {
      ratePerSecond: settings.ratePerSecond,
      openBatch: settings.openBatch,
      maxActive: settings.maxActive,
      paused: settings.paused,
    },
  });
  return { settings: body, version: etag };
};

const isAdmissionSettings = (value: unknown): value is AdmissionSettings => {
  const v = value as Partial<AdmissionSettings> | null;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.ratePerSecond === 'number' &&
    typeof v.openBatch === 'number' &&
    typeof v.maxActive === 'number' &&
    typeof v.paused === 'boolean'
  );
};

/** A 412 `settings-changed`: the admission settings now in force (its `current`, its ETag); undefined for others. */
export function settingsChanged(error: ApiError): Versioned<AdmissionSettings> | undefined {
  if (error.status !== 412 || error.slug !== 'settings-changed') return undefined;
  const current = error.extra('current');
  return isAdmissionSettings(current) ? { settings: current, version: error.etag } : undefined;
}

export const getAdminStats = (opsToken: string, signal?: AbortSignal) =>
  request<AdminStats>('/api/v1/admin/stats', { token: opsToken, signal });

/** No token: whether bots run, how many and how hard, for the home screen. */
export const getPublicBots = (signal?: AbortSignal) =>
  request<Pick<BotSettings, 'enabled' | 'perRound' | 'difficulty'>>('/api/v1/bots/public', { signal });

export const getBots = (opsToken: string) => request<BotSettings>('/api/v1/bots', { token: opsToken });

/** A partial update: only the fields given change, the rest (someone else's change too) stays as bot-runner has it. */
export const putBots = (opsToken: string, changed: Partial<BotSettings>) =>
  request<BotSettings>('/api/v1/bots', { method: 'PUT', token: opsToken, body: changed });

/** Waiting on the confirmation queue, taken by a listener, dead-lettered; 503 while SQS does not answer. */
export const getConfirmations = (opsToken: string, signal?: AbortSignal) =>
  request<ConfirmationBacklog>('/api/v1/confirmations', { token: opsToken, signal });

/** Puts up to 1000 dead letters back on the confirmation queue; safe to repeat (the listener writes a booking once). */
export const redriveDeadLetters = (opsToken: string) =>
  request<Redriven>('/api/v1/confirmations/dead-letters/redrive', { method: 'POST', token: opsToken });
