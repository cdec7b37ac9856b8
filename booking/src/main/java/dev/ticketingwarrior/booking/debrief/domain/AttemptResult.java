package dev.ticketingwarrior.booking.debrief.domain;

/** An attempt with how it ended and how many entered its round ({@code null} when no longer known). */
public record AttemptResult(Attempt attempt, Long entered, Outcome outcome) {}
