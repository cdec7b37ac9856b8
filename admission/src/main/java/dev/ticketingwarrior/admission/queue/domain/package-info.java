/** The waiting room's rules: nicknames, tickets, the serving counter and what a player sees while waiting. */
package dev.ticketingwarrior.admission.queue.domain;
