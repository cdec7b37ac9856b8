/** The rank, results and leaderboard queries in SQL, each answered from an index. */
package dev.ticketingwarrior.booking.ranking.jdbc;
