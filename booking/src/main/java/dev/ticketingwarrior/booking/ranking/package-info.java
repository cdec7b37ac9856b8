/** Ranks, round results and leaderboards from indexed SQL over confirmed human bookings. */
package dev.ticketingwarrior.booking.ranking;
