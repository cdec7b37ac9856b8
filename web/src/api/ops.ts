// Ops APIs behind the ops bearer token: admission settings and stats (admission, SPEC §4), the bots (SPEC §6) and the
// confirmations on their way to MySQL with their dead-letter queue (booking, docs/runbooks/dlq-redrive.md).
import { request } from './http';
import type { AdminStats, AdmissionSettings, BotSettings, ConfirmationBacklog, Redriven } from './types';

export const getAdmissionSettings = (opsToken: string) =>
  request<AdmissionSettings>('/api/v1/admin/admission', { token: opsToken });

/** A full replacement: every field is required by the server. */
export const putAdmissionSettings = (opsToken: string, settings: AdmissionSettings) =>
  request<AdmissionSettings>('/api/v1/admin/admission', {
    method: 'PUT',
    token: opsToken,
    body: {
      ratePerSecond: settings.ratePerSecond,
      openBatch: settings.openBatch,
      maxActive: settings.maxActive,
      paused: settings.paused,
    },
  });

export const getAdminStats = (opsToken: string, signal?: AbortSignal) =>
  request<AdminStats>('/api/v1/admin/stats', { token: opsToken, signal });

/** No token: whether bots run, how many and how hard, for the home screen. */
export const getPublicBots = (signal?: AbortSignal) =>
  request<Pick<BotSettings, 'enabled' | 'perRound' | 'difficulty'>>('/api/v1/bots/public', { signal });

export const getBots = (opsToken: string) => request<BotSettings>('/api/v1/bots', { token: opsToken });

export const putBots = (opsToken: string, settings: BotSettings) =>
  request<BotSettings>('/api/v1/bots', {
    method: 'PUT',
    token: opsToken,
    body: { enabled: settings.enabled, perRound: settings.perRound, difficulty: settings.difficulty },
  });

/** Waiting on the confirmation queue, taken by a listener, dead-lettered; 503 while SQS does not answer. */
export const getConfirmations = (opsToken: string, signal?: AbortSignal) =>
  request<ConfirmationBacklog>('/api/v1/confirmations', { token: opsToken, signal });

/** Puts up to 1000 dead letters back on the confirmation queue; safe to repeat (the listener writes a booking once). */
export const redriveDeadLetters = (opsToken: string) =>
  request<Redriven>('/api/v1/confirmations/dead-letters/redrive', { method: 'POST', token: opsToken });
