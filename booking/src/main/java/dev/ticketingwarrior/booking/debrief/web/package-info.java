/** The debrief and history endpoints (SPEC §12), limited per client address. */
package dev.ticketingwarrior.booking.debrief.web;
