/** The bot-runner service: per-round competing bots, shared across instances and controlled by ops. */
package dev.ticketingwarrior.botrunner;
