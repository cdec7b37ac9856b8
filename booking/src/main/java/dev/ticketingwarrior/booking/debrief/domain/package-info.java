/**
 * The debrief and history of a human player (SPEC §12): what happened in its round, recorded while it plays
 * ({@link dev.ticketingwarrior.booking.debrief.domain.AttemptRecorder}), archived after the round's close
 * ({@link dev.ticketingwarrior.booking.debrief.domain.AttemptArchiver}) and read back as a timeline with steps, the
 * costliest step and a ghost race ({@link dev.ticketingwarrior.booking.debrief.domain.Debriefs}).
 */
package dev.ticketingwarrior.booking.debrief.domain;
