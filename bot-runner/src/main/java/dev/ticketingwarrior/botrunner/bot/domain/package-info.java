/** What a bot is and does: its timing profile, its seat preference and its pipeline from queue entry to booking. */
package dev.ticketingwarrior.botrunner.bot.domain;
