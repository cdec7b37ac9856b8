package dev.ticketingwarrior.botrunner.bot.domain;

/** One seat of a round's map as a bot sees it. {@code grade} is the venue's label (VIP, R, S…). */
public record Seat(String id, String row, int number, String grade, boolean available) {}
