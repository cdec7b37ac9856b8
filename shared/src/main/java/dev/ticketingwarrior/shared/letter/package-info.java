/** Security-letter text a load tool can derive from a shared secret key, so soaks pass the real answer path. */
package dev.ticketingwarrior.shared.letter;
