package dev.ticketingwarrior.booking.sale.domain;

/**
 * A claimed seat lock: {@code owner} is the lock's owner field in Redis (any instance can check and release it),
 * {@code fencingToken} grows with every claim of that seat, so a stale holder can always be told apart.
 */
public record SeatLock(String seatId, String owner, long fencingToken) {}
