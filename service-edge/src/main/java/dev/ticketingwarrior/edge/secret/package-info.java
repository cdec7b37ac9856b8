/** Shared secrets (the ops token, the bot key) as configured: checked in constant time, never empty. */
package dev.ticketingwarrior.edge.secret;
