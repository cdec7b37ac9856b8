/** The results and leaderboard HTTP API. */
package dev.ticketingwarrior.booking.ranking.web;
