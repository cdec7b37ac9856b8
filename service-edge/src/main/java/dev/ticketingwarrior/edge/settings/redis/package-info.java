/** {@code SettingsStore} in Redis: a settings record as the fields of one hash. */
package dev.ticketingwarrior.edge.settings.redis;
