/** Ranks, round results and leaderboards over confirmed human bookings. */
package dev.ticketingwarrior.booking.ranking.domain;
