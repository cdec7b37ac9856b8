/** End-to-end: the bots against the real admission and booking services, started from their executable jars. */
package dev.ticketingwarrior.botrunner.e2e;
