/** The server clock and the round schedule, so clients count down to the open by the server's time. */
package dev.ticketingwarrior.admission.clock.web;
