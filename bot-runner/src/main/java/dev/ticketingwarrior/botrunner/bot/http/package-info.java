/** The bots' HTTP client of the public admission and booking APIs (non-blocking WebClient). */
package dev.ticketingwarrior.botrunner.bot.http;
