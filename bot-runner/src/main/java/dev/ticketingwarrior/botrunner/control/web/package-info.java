/** The ops control API: read and change the bot settings, read per-round bot statistics. */
package dev.ticketingwarrior.botrunner.control.web;
