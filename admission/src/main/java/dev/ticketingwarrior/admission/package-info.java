/** Admission service (SPEC §4): hands out places in a per-round waiting room and signed tokens in arrival order. */
package dev.ticketingwarrior.admission;
