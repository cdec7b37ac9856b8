/** The Redis key layout shared by the features of one round, and how long those keys live. */
package dev.ticketingwarrior.booking.store;
