/** Rounds and time: which round an instant belongs to and whether it is OPEN. */
package dev.ticketingwarrior.shared.round;
