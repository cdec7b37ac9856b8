/** The live attempts of a round in Redis: recorded per human ticket, read by live debriefs and the archive. */
package dev.ticketingwarrior.booking.debrief.redis;
