/** Admission tokens: signing admitted tickets with the newest key and publishing the public keys. */
package dev.ticketingwarrior.admission.token;
