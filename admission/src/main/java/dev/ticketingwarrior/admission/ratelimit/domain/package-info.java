/** Per-client limits on queue entry, shared by every admission instance. */
package dev.ticketingwarrior.admission.ratelimit.domain;
