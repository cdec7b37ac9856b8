/** An admitted ticket's token, signed as a JWT with the newest key (the queue's {@code TokenMinter} port). */
package dev.ticketingwarrior.admission.token.jwt;
