package dev.ticketingwarrior.booking.seat.domain;

/** One seat of the venue: id {@code <row>-<number>}, e.g. {@code A-1}. */
public record Seat(String id, String row, int number, Grade grade) {}
