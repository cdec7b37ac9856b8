// The ops console's two settings forms, wired to their APIs: admission's conditional full replacement, bot-runner's
// partial update.
import type { ApiError } from '../api/http';
import { getAdmissionSettings, getBots, putAdmissionSettings, putBots, settingsChanged } from '../api/ops';
import type { AdmissionSettings, BotSettings, Versioned } from '../api/types';
import { useSettingsForm } from './useSettingsForm';

/**
 * Admission's settings: saved as a whole, on condition (If-Match) that they are still those the form was read at; a
 * 412 `settings-changed` puts the settings now in force in the form (`conflicted`). `unauthorized` is offered every
 * failed read or save first (a refused token signs out). `initial`: the settings the token's check read, the first read.
 */
export function useAdmissionForm(
  token: string,
  unauthorized: (error: ApiError) => boolean,
  initial?: Versioned<AdmissionSettings>,
) {
  return useSettingsForm<AdmissionSettings>(token, {
    initial,
    read: getAdmissionSettings,
    write: (opsToken, edit) => putAdmissionSettings(opsToken, edit.form, edit.version),
    conflict: settingsChanged,
    onReadError: unauthorized,
    onSaveError: unauthorized,
  });
}

/**
 * The bots' settings: bot-runner's PUT is partial, so only the fields changed in the form are sent, and a change made
 * elsewhere to another field stays. Any failure shows in the panel (only admission's answer signs the console out).
 */
export function useBotsForm(token: string) {
  return useSettingsForm<BotSettings>(token, {
    read: async (opsToken) => ({ settings: await getBots(opsToken), version: undefined }),
    // nothing changed: nothing to send (an empty PUT would be audited as a change)
    write: async (opsToken, edit) => ({
      settings: Object.keys(edit.changed).length === 0 ? edit.form : await putBots(opsToken, edit.changed),
      version: undefined,
    }),
  });
}
