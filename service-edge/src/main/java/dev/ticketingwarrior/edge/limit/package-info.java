/**
 * Per-client budgets counted in Valkey/Redis, so they hold across instances (SPEC §9): fixed windows of requests,
 * concurrent slots, and the 429 problem with {@code Retry-After} a spent budget answers.
 */
package dev.ticketingwarrior.edge.limit;
